import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatSpan, phoneDigits } from './format';
import { classifyLookup, slaTone } from './lookup';

describe('money', () => {
  it('shows fen as yuan with two decimals in both languages', () => {
    expect(formatMoney(12800, 'zh-CN')).toBe('¥128.00');
    expect(formatMoney(12800, 'en')).toBe('¥128.00');
    expect(formatMoney(5, 'zh-CN')).toBe('¥0.05');
    expect(formatMoney(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatMoney(-1999, 'zh-CN')).toBe('-¥19.99');
  });
});

describe('dates', () => {
  it('formats an instant per locale in the given time zone', () => {
    expect(formatDateTime('2026-12-03T06:05:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月3日 14:05');
    expect(formatDateTime('2026-12-03T06:05:00Z', 'en', 'Asia/Shanghai')).toBe('Dec 3, 2026, 2:05 PM');
    expect(formatDateTime(null, 'en')).toBe('—');
  });
  it('formats a calendar date without shifting it by the time zone', () => {
    expect(formatDate('2027-08-24', 'zh-CN')).toBe('2027年8月24日');
    expect(formatDate('2027-08-24', 'en')).toBe('Aug 24, 2027');
  });
  it('formats spans of minutes', () => {
    expect(formatSpan(125, 'en')).toBe('2h 05m');
    expect(formatSpan(-125, 'zh-CN')).toBe('2小时05分');
    expect(formatSpan(7, 'zh-CN')).toBe('7分');
  });
});

describe('caller lookup', () => {
  it('recognises ticket numbers, phones in any formatting, and text', () => {
    expect(classifyLookup(' t2026-000042 ')).toEqual({ kind: 'ticket', value: 'T2026-000042' });
    expect(classifyLookup('+86 (20) 5555-0101')).toEqual({ kind: 'phone', value: '+86 (20) 5555-0101' });
    expect(classifyLookup('13800138000')).toEqual({ kind: 'phone', value: '13800138000' });
    expect(classifyLookup('天河')).toEqual({ kind: 'text', value: '天河' });
    expect(classifyLookup('SN-0001')).toEqual({ kind: 'text', value: 'SN-0001' });
    expect(classifyLookup('1234')).toEqual({ kind: 'text', value: '1234' });
    expect(classifyLookup('   ')).toEqual({ kind: 'empty' });
    expect(phoneDigits('+86 (20) 5555-0101')).toBe('862055550101');
  });
});

describe('SLA clock colour', () => {
  const opened = '2026-12-03T00:00:00Z';
  const due = '2026-12-03T10:00:00Z';
  const at = (h: number) => Date.parse(opened) + h * 3600_000;
  it('is green before 80 %, amber from the warning, red once breached', () => {
    expect(slaTone(opened, due, at(7.9), false)).toBe('ok');
    expect(slaTone(opened, due, at(8), false)).toBe('warn');
    expect(slaTone(opened, due, at(10), false)).toBe('breached');
    expect(slaTone(opened, due, at(12), true)).toBe('done');
  });
});
