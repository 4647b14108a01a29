import { describe, expect, it } from 'vitest';
import {
  SKU_PATTERN,
  countLines,
  decimal,
  maseVerdict,
  methodOf,
  movementBody,
  partBody,
  partValues,
  purchaseSteps,
  quantityProblem,
  sheetFor,
  signed,
  toMinor,
  type Part,
} from './warehouse';

const part = (sku: string, levels: [string, number][], extra: Partial<Part> = {}): Part => ({
  sku,
  name: sku.toLowerCase(),
  list_price: { amount_minor: 38000, currency: 'CNY' },
  category: 'spare_part',
  compatible_models: [],
  failure_prone: 0,
  version: 1,
  on_hand: levels.reduce((s, [, n]) => s + n, 0),
  reserved: 0,
  available: levels.reduce((s, [, n]) => s + n, 0),
  locations: levels.map(([location, on_hand]) => ({ location, on_hand, reserved: 0, available: on_hand })),
  ...extra,
});

describe('part form', () => {
  it('sends yuan typed as fen, trims, and states a page yield only for a consumable', () => {
    expect(toMinor(128.5)).toBe(12850);
    expect(toMinor(0.1 + 0.2)).toBe(30);
    expect(toMinor(undefined)).toBeUndefined();
    expect(
      partBody({ sku: ' DRUM-1 ', name: ' Drum ', category: 'spare_part', list_price: { amount_minor: 380 }, unit_cost: { amount_minor: null }, compatible_models: [' AR-2048 ', ''], page_yield: 5000 }),
    ).toEqual({ sku: 'DRUM-1', name: 'Drum', category: 'spare_part', list_price: { amount_minor: 38000, currency: 'CNY' }, compatible_models: ['AR-2048'], failure_prone: 0 });
    expect(partBody({ sku: 'T', name: 'Toner', category: 'consumable', list_price: { amount_minor: 450 }, unit_cost: { amount_minor: 300 }, page_yield: 16000, failure_prone: 2 })).toMatchObject({
      unit_cost: { amount_minor: 30000, currency: 'CNY' },
      page_yield: 16000,
      failure_prone: 2,
    });
  });
  it('reads a part back into the form in yuan', () => {
    const v = partValues(part('DRUM-1', [], { unit_cost: { amount_minor: 25050, currency: 'CNY' } }));
    expect(v.list_price.amount_minor).toBe(380);
    expect(v.unit_cost?.amount_minor).toBe(250.5);
  });
  it('accepts the SKUs the service accepts', () => {
    expect(SKU_PATTERN.test('FUSER_2.A-1')).toBe(true);
    expect(SKU_PATTERN.test('bad sku')).toBe(false);
    expect(SKU_PATTERN.test('x'.repeat(65))).toBe(false);
  });
});

describe('movements', () => {
  it('sends the destination only for a transfer and the removed-part flag only for a return', () => {
    expect(movementBody({ kind: 'transfer', location: 'main', to: 'van-li', quantity: 2, removed_part: true, reason: ' van stock ' })).toEqual({
      kind: 'transfer',
      location: 'main',
      to: 'van-li',
      quantity: 2,
      removed_part: false,
      reason: 'van stock',
      reference: '',
    });
    expect(movementBody({ kind: 'return', location: 'workshop', to: 'van-li', quantity: 1, removed_part: true, reason: 'claim', reference: ' W1 ' })).toEqual({
      kind: 'return',
      location: 'workshop',
      quantity: 1,
      removed_part: true,
      reason: 'claim',
      reference: 'W1',
    });
  });
  it('takes 1–100000 units, and an adjustment either way', () => {
    expect(quantityProblem('transfer', undefined)).toBe('required');
    expect(quantityProblem('transfer', 0)).toBe('range');
    expect(quantityProblem('transfer', -1)).toBe('range');
    expect(quantityProblem('return', 1.5)).toBe('range');
    expect(quantityProblem('transfer', 100_000)).toBeNull();
    expect(quantityProblem('adjustment', -3)).toBeNull();
    expect(quantityProblem('adjustment', 0)).toBe('range');
    expect(quantityProblem('adjustment', 100_001)).toBe('range');
  });
  it('signs a quantity', () => {
    expect([signed(2), signed(-1), signed(0)]).toEqual(['+2', '−1', '0']);
  });
});

describe('purchase requests', () => {
  it('let only a manager or an administrator approve; anyone allowed to move them orders, receives and cancels', () => {
    expect(purchaseSteps('draft', 'warehouse')).toEqual(['cancelled']);
    expect(purchaseSteps('draft', 'manager')).toEqual(['approved', 'cancelled']);
    expect(purchaseSteps('approved', 'warehouse')).toEqual(['ordered', 'cancelled']);
    expect(purchaseSteps('ordered', 'warehouse')).toEqual(['received', 'cancelled']);
    expect(purchaseSteps('received', 'admin')).toEqual([]);
    expect(purchaseSteps('cancelled', 'admin')).toEqual([]);
  });
});

describe('stocktake sheet', () => {
  it('lists the parts with stock at the location by SKU and sends each counted part once', () => {
    const rows = sheetFor([part('ROLLER', [['main', 2]]), part('DRUM', [['main', 4], ['van-li', 1]]), part('FUSER', [['van-li', 1]])], 'main');
    expect(rows.map((r) => [r.sku, r.expected, r.counted])).toEqual([
      ['DRUM', 4, null],
      ['ROLLER', 2, null],
    ]);
    const counted = [{ ...rows[0]!, counted: 3 }, rows[1]!, { sku: 'DRUM', name: '', expected: 0, counted: 5 }, { sku: 'NEW', name: '', expected: 0, counted: 0 }];
    expect(countLines(counted)).toEqual([
      { sku: 'DRUM', counted: 5 },
      { sku: 'NEW', counted: 0 },
    ]);
  });
});

describe('forecast figures', () => {
  it('reads the method and says whether the backtest beats the naive forecast', () => {
    expect(methodOf('sba(0.1)')).toEqual({ name: 'sba', param: '0.1' });
    expect(methodOf('tsb(0.1,0.2)')).toEqual({ name: 'tsb', param: '0.1,0.2' });
    expect(methodOf('naive')).toEqual({ name: 'naive', param: null });
    expect(maseVerdict(0.8)).toBe('better');
    expect(maseVerdict(1.2)).toBe('worse');
    expect(maseVerdict(undefined)).toBe('none');
    expect([decimal(0.25), decimal(1.3), decimal(2), decimal(1 / 3), decimal(null)]).toEqual(['0.25', '1.3', '2', '0.33', '—']);
  });
});
