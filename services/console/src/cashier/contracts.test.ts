import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { claimFieldOf, claimFieldRows, claimFieldsBody, contractBody, dayAfter, FULL_COVERAGE, priceProblem, renewalTerms, termEnd, type Machine } from './cashier';
import { refusalText } from './forms';

const machine = (id: string, serial: string): Machine => ({
  id,
  customer_id: 'c-1',
  product_line: 'copier',
  brand: 'Canon',
  model: 'iR-2206',
  serial,
  install_location: '',
  notes: '',
  purchase_date: '2025-03-01',
  created_at: '2025-03-01T00:00:00Z',
  version: 1,
});

describe('a contract’s term', () => {
  it('ends the day before its anniversary, as billing counts a year', () => {
    expect(termEnd('2026-12-07')).toBe('2027-12-06');
    expect(termEnd('2027-01-01')).toBe('2027-12-31');
    expect(termEnd('2027-03-01')).toBe('2028-02-29');
    // No anniversary (29 February): the term runs to the end of that month.
    expect(termEnd('2028-02-29')).toBe('2029-02-28');
    expect(termEnd('2026-01-31', 1)).toBe('2026-02-28');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('a renewal’s terms', () => {
  const ending = { ends_on: '2026-12-31', price: { amount_minor: 180000, currency: 'CNY' }, coverage: { call_out: true, labour: true, parts: false, visit_every_months: 3 } };
  it('start the day after the old end, run a year, at the ending contract’s price and cover', () => {
    expect(renewalTerms(ending, '2026-12-07')).toEqual({ starts_on: '2027-01-01', ends_on: '2027-12-31', price: ending.price, coverage: ending.coverage });
  });
  it('start today when the old end has passed, the year still counted from the day after it', () => {
    expect(renewalTerms(ending, '2027-01-05').starts_on).toBe('2027-01-05');
  });
  it('have no price for a warranty’s first contract, which covers everything with a visit a month', () => {
    expect(renewalTerms({ ends_on: '2027-01-15', price: null, coverage: null }, '2026-12-07')).toEqual({ starts_on: '2027-01-16', ends_on: '2028-01-15', price: null, coverage: FULL_COVERAGE });
  });
});

describe('signing a contract', () => {
  it('sends the customer’s name, the machines chosen and the price in fen', () => {
    const machines = [machine('m-1', 'SN-1'), machine('m-2', 'SN-2')];
    const body = contractBody(
      { customer_id: 'c-1', district: ' haizhu ', address: ' 12 Panyu Ave ', machines: ['m-2'], starts_on: '2026-12-07', ends_on: '2027-12-06', coverage: { call_out: true, labour: true, parts: false, visit_every_months: 3 }, price: { amount_minor: 1800.5 } },
      { id: 'c-1', company: 'Panyu Print Shop' },
      machines,
    );
    expect(body).toEqual({
      customer_id: 'c-1',
      customer_name: 'Panyu Print Shop',
      district: 'haizhu',
      address: '12 Panyu Ave',
      machines: [{ product_line: 'copier', brand: 'Canon', model: 'iR-2206', serial: 'SN-2', purchase_date: '2025-03-01' }],
      starts_on: '2026-12-07',
      ends_on: '2027-12-06',
      coverage: { call_out: true, labour: true, parts: false, visit_every_months: 3 },
      price: { amount_minor: 180050, currency: 'CNY' },
    });
  });
  it('takes a free contract but not a negative or sub-fen price', () => {
    expect(priceProblem(0)).toBeNull();
    expect(priceProblem(1800)).toBeNull();
    expect(priceProblem(undefined)).toBe('required');
    expect(priceProblem(-1)).toBe('negative');
    expect(priceProblem(1.005)).toBe('decimals');
  });
  it('says billing’s refusals in the console’s language, an unknown code in billing’s words', () => {
    expect(refusalText('out_of_range', 'a contract runs three years at most', i18n.getFixedT('zh-CN'))).toMatch(/合同最长三年/);
    expect(refusalText('before_start', 'ends_on must not be before starts_on', i18n.getFixedT('en'))).toBe('Cannot be before the start');
    expect(refusalText('more_than_owed', 'x', i18n.getFixedT('zh-CN'))).toBe('超过了尚欠金额');
    expect(refusalText('brand_new', 'as billing said it', i18n.getFixedT('zh-CN'))).toBe('as billing said it');
  });
});

describe('a claim’s brand fields', () => {
  const requirements = [
    { brand: 'sharp', required_fields: ['Dealer code', 'Claim form no.'] },
    { brand: 'Canon', required_fields: ['Service ID'] },
  ];
  it('are those the brand requires, in its order (brands and names without case), then the claim’s others', () => {
    const rows = claimFieldRows({ brand: 'Sharp', fields: { 'dealer CODE': 'GZ-001', remark: 'urgent' } }, requirements);
    expect(rows).toEqual([
      { name: 'Dealer code', required: true, value: 'GZ-001' },
      { name: 'Claim form no.', required: true, value: '' },
      { name: 'remark', required: false, value: 'urgent' },
    ]);
    expect(claimFieldRows({ brand: 'Panasonic', fields: {} }, requirements)).toEqual([]);
  });
  it('take a refusal naming a field under any case, even with a dot in its name', () => {
    const rows = [{ name: 'Dealer code' }, { name: 'Claim form no.' }];
    expect(claimFieldOf('fields.Claim form no.', rows)).toBe('Claim form no.');
    expect(claimFieldOf('fields.dealer code', rows)).toBe('Dealer code');
    expect(claimFieldOf('fields.other', rows)).toBeNull();
    expect(claimFieldOf('note', rows)).toBeNull();
  });
  it('are sent trimmed, an emptied one sent empty so it is removed', () => {
    expect(claimFieldsBody([{ name: 'Dealer code' }, { name: 'remark' }], { 'Dealer code': ' GZ-001 ', remark: '' })).toEqual({ 'Dealer code': 'GZ-001', remark: '' });
  });
});
