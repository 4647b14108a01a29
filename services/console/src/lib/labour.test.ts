import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { hoursOfQuarters, labourText, type LabourLine } from './labour';

const hourly: LabourLine = {
  kind: 'labour',
  quantity: 5,
  unit_price: { amount_minor: 3000, currency: 'CNY' },
  labour: { minutes_on_site: 62, quarter_hours: 5 },
};

describe('labour counted in quarter hours', () => {
  it('gives hours with at most two decimals', () => {
    expect(hoursOfQuarters(5, 'zh-CN')).toBe('1.25');
    expect(hoursOfQuarters(4, 'en')).toBe('1');
    expect(hoursOfQuarters(2, 'en')).toBe('0.5');
    expect(hoursOfQuarters(1, 'zh-CN')).toBe('0.25');
    expect(hoursOfQuarters(41, 'en')).toBe('10.25');
  });

  it('says the hours, the quarters, the minutes on site and the price of a quarter in both languages', () => {
    expect(labourText(hourly, i18n.getFixedT('zh-CN'), 'zh-CN')).toEqual({
      title: '人工 1.25 小时（5 × 15 分钟）',
      basis: '现场 62 分钟，按开始的每 15 分钟计，每 15 分钟 ¥30.00',
    });
    expect(labourText(hourly, i18n.getFixedT('en'), 'en')).toEqual({
      title: 'Labour 1.25 h (5 × 15 min)',
      basis: '62 min on site, charged per started 15 min at ¥30.00 each',
    });
  });

  it('names a flat rate by its category', () => {
    const flat: LabourLine = { ...hourly, quantity: 1, unit_price: { amount_minor: 20000, currency: 'CNY' }, labour: { minutes_on_site: 62, flat_rate_category: 'FUSER' } };
    expect(labourText(flat, i18n.getFixedT('zh-CN'), 'zh-CN')?.title).toBe('人工（FUSER 类维修固定价）');
    expect(labourText(flat, i18n.getFixedT('en'), 'en')?.title).toBe('Labour (flat rate for FUSER repairs)');
  });

  it('says nothing for other lines or a line without its count', () => {
    expect(labourText({ ...hourly, kind: 'call_out' }, i18n.getFixedT('en'), 'en')).toBeUndefined();
    expect(labourText({ ...hourly, labour: undefined }, i18n.getFixedT('en'), 'en')).toBeUndefined();
  });
});
