import { describe, expect, it } from 'vitest';
import type { ChargePreview } from './charge';
import i18n from '../i18n';
import { quotationProblem, quoteStep, type Quotation } from './quote';

const cny = (amount_minor: number) => ({ amount_minor, currency: 'CNY' });
const preview = (charged: number, receipt = true): ChargePreview => ({
  work_order_id: '0190f0f0-0000-7000-8000-000000000001',
  receipt,
  lines: [],
  total: cny(charged),
  total_charged: cny(charged),
  tax_included: cny(0),
  tax_rate_bp: 1300,
  fee_schedule_version: 1,
});
const quotation = (state: Quotation['state'], charged: number): Quotation => ({
  id: `0190f0f0-0000-7000-8000-00000000000${charged % 10}`,
  work_order_id: '0190f0f0-0000-7000-8000-000000000001',
  ticket_id: '0190f0f0-0000-7000-8000-000000000002',
  state,
  lines: [],
  total: cny(charged),
  total_charged: cny(charged),
  tax_included: cny(0),
  tax_rate_bp: 1300,
  fee_schedule_version: 1,
  charged_if_refused: cny(5000),
  offered_by: 'tech',
  offered_at: '2026-12-07T02:00:00Z',
  version: state === 'offered' ? 1 : 2,
});

describe('the quotation step', () => {
  it('is not needed for covered work or an outcome that makes no receipt', () => {
    expect(quoteStep(preview(0), []).kind).toBe('not_needed');
    expect(quoteStep(preview(52000, false), []).kind).toBe('not_needed');
    expect(quoteStep(null, []).kind).toBe('not_needed');
  });
  it('asks for a quotation before chargeable work, and again when the work grows past the accepted price', () => {
    expect(quoteStep(preview(52000), []).kind).toBe('offer');
    expect(quoteStep(preview(52000), [quotation('accepted', 52000)]).kind).toBe('accepted');
    expect(quoteStep(preview(60000), [quotation('accepted', 52000)]).kind).toBe('offer');
  });
  it('waits for the answer to an offered quotation, and a refusal ends the visit whatever is entered', () => {
    expect(quoteStep(preview(52000), [quotation('offered', 52000)]).kind).toBe('waiting');
    expect(quoteStep(preview(0), [quotation('refused', 52000)]).kind).toBe('refused');
    expect(quoteStep(null, [quotation('accepted', 1), quotation('refused', 52000)]).kind).toBe('refused');
  });
});

describe('quotationProblem', () => {
  it("says dispatch's refusal of chargeable work on the quotation in the phone's language", () => {
    expect(quotationProblem('required', 'chargeable work needs …', i18n.getFixedT('zh-CN'))).toBe('收费维修须客户先同意报价：请向客户出示报价并记录答复后再提交报告');
    expect(quotationProblem('required', 'chargeable work needs …', i18n.getFixedT('en'))).toMatch(/accepted quotation/);
    expect(quotationProblem('refused', 'the customer refused …', i18n.getFixedT('zh-CN'))).toMatch(/未修复/);
    expect(quotationProblem('refused', 'the customer refused …', i18n.getFixedT('en'))).toMatch(/not fixed/);
    expect(quotationProblem('brand_new', 'as dispatch said it', i18n.getFixedT('en'))).toBe('as dispatch said it');
  });
});
