import { describe, expect, it } from 'vitest';
import { chargeRequest, chargeState, owedAfterCash, signatureNeeded, type ChargePreview } from './charge';

const cny = (amount_minor: number) => ({ amount_minor, currency: 'CNY' });
const preview = (charged: number): ChargePreview => ({
  work_order_id: '0190f0f0-0000-7000-8000-000000000001',
  receipt: true,
  lines: [],
  total: cny(charged),
  total_charged: cny(charged),
  tax_included: cny(0),
  tax_rate_bp: 1300,
  fee_schedule_version: 1,
});

describe('what the charge is asked for', () => {
  const times = { started_at: '2026-12-07T02:00:00.000Z', finished_at: '2026-12-07T02:50:00.000Z' };
  it('takes the times, fault, complete part lines and outcome of the report', () => {
    expect(chargeRequest({ ...times, fault: 'paper_feed', parts: [{ sku: 'DRUM-1', quantity: 2 }, { sku: 'ROLL-2' }, { quantity: 1 }, { sku: 'X', quantity: 0 }], outcome: 'waiting_for_parts' })).toEqual({
      ...times,
      fault: 'paper_feed',
      parts: [{ sku: 'DRUM-1', quantity: 2 }],
      outcome: 'waiting_for_parts',
    });
    expect(chargeRequest({ ...times })).toEqual({ ...times, parts: [], outcome: 'completed' });
  });
  it('asks nothing without both times or with the finish before the start', () => {
    expect(chargeRequest({ started_at: times.started_at })).toBeNull();
    expect(chargeRequest({ started_at: times.finished_at, finished_at: times.started_at })).toBeNull();
  });
});

describe('the charge shown', () => {
  const a = chargeRequest({ started_at: '2026-12-07T02:00:00Z', finished_at: '2026-12-07T02:50:00Z', parts: [] });
  const b = chargeRequest({ started_at: '2026-12-07T02:00:00Z', finished_at: '2026-12-07T03:20:00Z', parts: [] });
  it('is the answer only for exactly what is entered and not while it is asked again', () => {
    expect(chargeState(true, a, a, { data: preview(17000), fetching: false })).toEqual({ kind: 'priced', preview: preview(17000) });
    expect(chargeState(true, b, a, { data: preview(17000), fetching: false }).kind).toBe('pricing');
    expect(chargeState(true, a, a, { data: preview(17000), fetching: true }).kind).toBe('pricing');
  });
  it('is never a number offline, and says when it failed or cannot be asked yet', () => {
    expect(chargeState(false, a, a, { data: preview(17000), fetching: false }).kind).toBe('offline');
    expect(chargeState(true, a, a, { error: new Error('422'), fetching: false }).kind).toBe('failed');
    expect(chargeState(true, null, a, { data: preview(17000), fetching: false }).kind).toBe('incomplete');
  });
  it('states what stays owed after the cash', () => {
    expect(owedAfterCash(17000, 10000)).toBe(7000);
    expect(owedAfterCash(17000, 20000)).toBe(-3000);
  });
  it('has the customer sign for a charge, for cash taken and whenever the charge is not known', () => {
    expect(signatureNeeded({ kind: 'priced', preview: preview(17000) }, 0)).toBe(true);
    expect(signatureNeeded({ kind: 'priced', preview: preview(0) }, 0)).toBe(false);
    expect(signatureNeeded({ kind: 'priced', preview: preview(0) }, 100)).toBe(true);
    expect(signatureNeeded({ kind: 'offline' }, 0)).toBe(true);
    expect(signatureNeeded({ kind: 'pricing' }, 0)).toBe(true);
    expect(signatureNeeded({ kind: 'incomplete' }, 0)).toBe(false);
  });
});
