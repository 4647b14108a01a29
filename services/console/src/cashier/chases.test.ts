import { describe, expect, it } from 'vitest';
import { chaseFilter, chaseTotals, filterProblem, weekEnd, weekOf, type ReceivableChase } from './chases';

const chase = (number: string, amount_minor: number, currency = 'CNY'): ReceivableChase => ({
  invoice_id: '0190c0de-0000-7000-8000-000000000001',
  number,
  customer_name: 'c',
  district: 'tianhe',
  chased_on: '2027-03-01',
  age_days: 31,
  bucket: 'days31_to60',
  outstanding: { amount_minor, currency },
});

describe('weekly chase list', () => {
  it('runs a week from Monday to Sunday', () => {
    expect(weekOf('2027-03-01')).toBe('2027-03-01');
    expect(weekOf('2027-03-07')).toBe('2027-03-01');
    expect(weekOf('2027-03-08')).toBe('2027-03-08');
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
    expect(weekEnd('2026-12-28')).toBe('2027-01-03');
  });
  it('reads the week and filters from the address, this week by default', () => {
    expect(chaseFilter(new URLSearchParams(''), '2027-03-03')).toEqual({ week: '2027-03-01' });
    expect(chaseFilter(new URLSearchParams('chase_week=2027-02-25&agent=%20district:haizhu%20&district='), '2027-03-03')).toEqual({
      week: '2027-02-22',
      agent: 'district:haizhu',
    });
    expect(chaseFilter(new URLSearchParams('chase_week=soon&district=TIANHE'), '2027-03-03')).toEqual({ week: '2027-03-01', district: 'TIANHE' });
  });
  it('refuses a filter longer than the server takes, naming it', () => {
    expect(filterProblem({ week: '2027-03-01', agent: 'a'.repeat(100) })).toBeNull();
    expect(filterProblem({ week: '2027-03-01', agent: 'a'.repeat(101) })).toBe('agent');
    expect(filterProblem({ week: '2027-03-01', district: 'd'.repeat(101) })).toBe('district');
  });
  it('totals what the week chased per currency', () => {
    expect(chaseTotals([chase('R1', 12000), chase('R2', 3050), chase('R3', 100, 'HKD')])).toEqual({
      receipts: 3,
      owed: [
        { currency: 'CNY', amount_minor: 15050 },
        { currency: 'HKD', amount_minor: 100 },
      ],
    });
    expect(chaseTotals([])).toEqual({ receipts: 0, owed: [] });
  });
});
