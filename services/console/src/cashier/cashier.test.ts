import { describe, expect, it } from 'vitest';
import { amountProblem, bucketTotals, chineseAmount, localDay, nextClaimStates, receiptStanding, toFen, variance } from './cashier';

const money = (amount_minor: number) => ({ amount_minor, currency: 'CNY' });

describe('amounts', () => {
  it('turns yuan into fen without drift', () => {
    expect(toFen(128.5)).toBe(12850);
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen(19.99)).toBe(1999);
  });
  it('refuses a missing, non-positive or sub-fen amount', () => {
    expect(amountProblem(undefined)).toBe('required');
    expect(amountProblem(0)).toBe('positive');
    expect(amountProblem(-5)).toBe('positive');
    expect(amountProblem(1.005)).toBe('decimals');
    expect(amountProblem(442)).toBeNull();
    expect(amountProblem(19.99)).toBeNull();
  });
  it('prints the amount in capitals as a receipt does', () => {
    expect(chineseAmount(12850)).toBe('壹佰贰拾捌元伍角整');
    expect(chineseAmount(44200)).toBe('肆佰肆拾贰元整');
    expect(chineseAmount(100005)).toBe('壹仟元零伍分');
    expect(chineseAmount(0)).toBe('零元整');
    expect(chineseAmount(1000000)).toBe('壹万元整');
    expect(chineseAmount(1010000)).toBe('壹万零壹佰元整');
  });
});

describe('standing', () => {
  it('names a receipt settled, owed under an IOU, partly paid or open', () => {
    expect(receiptStanding({ outstanding: money(0), paid: money(100), credited: money(0), iou: null })).toBe('settled');
    expect(receiptStanding({ outstanding: money(50), paid: money(0), credited: money(0), iou: { signed_by: 'x', promised_on: '2026-12-01', recorded_by: 'u', recorded_at: '' } })).toBe('iou');
    expect(receiptStanding({ outstanding: money(50), paid: money(10), credited: money(0), iou: null })).toBe('partial');
    expect(receiptStanding({ outstanding: money(50), paid: money(0), credited: money(0), iou: null })).toBe('open');
  });
  it('counts the variance of a cash day from what is typed', () => {
    expect(variance(10000, 90)).toBe(-1000);
    expect(variance(10000, 100)).toBe(0);
    expect(variance(10000, undefined)).toBeNull();
  });
  it('offers a claim only its next states', () => {
    expect(nextClaimStates('draft')).toEqual(['submitted']);
    expect(nextClaimStates('submitted')).toEqual(['approved', 'rejected']);
    expect(nextClaimStates('approved')).toEqual(['paid']);
    expect(nextClaimStates('paid')).toEqual([]);
  });
});

describe('receivables', () => {
  it('lists every bucket, empty ones at zero', () => {
    const t = bucketTotals({ totals: [{ bucket: 'over90', owed_minor: 500, receipts: 1 }] });
    expect(t.map((b) => [b.bucket, b.owed_minor])).toEqual([
      ['days0_to30', 0],
      ['days31_to60', 0],
      ['days61_to90', 0],
      ['over90', 500],
    ]);
  });
  it('takes the company day in Shanghai', () => {
    expect(localDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
