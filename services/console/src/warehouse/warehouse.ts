// The warehouse's pure rules: what the forms send, which purchase-request steps a role may
// take, how a stocktake sheet becomes count lines, and how the figures are shown. Kept free
// of React so Vitest checks them directly.
import type { components } from '../api/schema';

export type Part = components['schemas']['Part'];
export type StockLevel = components['schemas']['StockLevel'];
export type Location = components['schemas']['Location'];
export type StockMovement = components['schemas']['StockMovement'];
export type StockRule = components['schemas']['StockRule'];
export type PurchaseRequest = components['schemas']['PurchaseRequest'];
export type PurchaseStatus = components['schemas']['PurchaseStatus'];
export type Stocktake = components['schemas']['Stocktake'];
export type StocktakeStatus = components['schemas']['StocktakeStatus'];
export type ForecastPlan = components['schemas']['ForecastPlan'];
export type ForecastLine = components['schemas']['ForecastLine'];
export type PartCategory = components['schemas']['PartCategory'];

/** A SKU as the service accepts it: 1–64 letters, digits, `-`, `_`, `.`. */
export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A location code as the service accepts it: 1–64 letters, digits, `-`, `_`. */
export const LOCATION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Yuan typed in a form as fen (rounded to the fen); undefined stays undefined. */
export function toMinor(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return undefined;
  return Math.round(yuan * 100);
}

/** Fen as yuan for a form's number field. */
export function toYuan(minor: number | null | undefined): number | undefined {
  return minor === null || minor === undefined ? undefined : minor / 100;
}

/** The part form's fields, named like the request body (`list_price.amount_minor` is typed in yuan). */
export interface PartValues {
  sku: string;
  name: string;
  category: PartCategory;
  list_price: { amount_minor: number };
  unit_cost?: { amount_minor?: number | null };
  compatible_models?: string[];
  failure_prone?: number | null;
  page_yield?: number | null;
}

/** The body of createPart (and, without the SKU, updatePart) from the form's values. */
export function partBody(v: PartValues, currency = 'CNY') {
  const cost = toMinor(v.unit_cost?.amount_minor);
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    category: v.category,
    list_price: { amount_minor: toMinor(v.list_price.amount_minor) ?? 0, currency },
    ...(cost === undefined ? {} : { unit_cost: { amount_minor: cost, currency } }),
    compatible_models: (v.compatible_models ?? []).map((m) => m.trim()).filter(Boolean),
    failure_prone: v.failure_prone ?? 0,
    ...(v.category === 'consumable' && v.page_yield ? { page_yield: v.page_yield } : {}),
  };
}

/** The form's values of an existing part (prices back in yuan). */
export function partValues(p: Part): PartValues {
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    list_price: { amount_minor: toYuan(p.list_price.amount_minor) ?? 0 },
    unit_cost: { amount_minor: toYuan(p.unit_cost?.amount_minor) ?? null },
    compatible_models: p.compatible_models,
    failure_prone: p.failure_prone,
    page_yield: p.page_yield ?? null,
  };
}

/** A movement someone books by hand. */
export type MovementKind = 'transfer' | 'return' | 'adjustment';

/** The movement form's fields. */
export interface MovementValues {
  kind: MovementKind;
  location: string;
  to?: string;
  quantity: number;
  removed_part?: boolean;
  reason: string;
  reference?: string;
}

/** The body of recordMovement: `to` only for a transfer, `removed_part` only for a return. */
export function movementBody(v: MovementValues) {
  return {
    kind: v.kind,
    location: v.location,
    ...(v.kind === 'transfer' && v.to ? { to: v.to } : {}),
    quantity: v.quantity,
    removed_part: v.kind === 'return' ? !!v.removed_part : false,
    reason: v.reason.trim(),
    reference: v.reference?.trim() ?? '',
  };
}

/** Where a movement's quantity may go: 1–100000, an adjustment ±1–100000. */
export function quantityProblem(kind: MovementKind, quantity: number | null | undefined): 'required' | 'range' | null {
  if (quantity === null || quantity === undefined || Number.isNaN(quantity)) return 'required';
  if (!Number.isInteger(quantity)) return 'range';
  const size = Math.abs(quantity);
  if (size < 1 || size > 100_000) return 'range';
  if (kind !== 'adjustment' && quantity < 0) return 'range';
  return null;
}

/** The states a purchase request may move to from `status`, by who is asking. */
export function purchaseSteps(status: PurchaseStatus, role: string | undefined): PurchaseStatus[] {
  const approver = role === 'manager' || role === 'admin';
  switch (status) {
    case 'draft':
      return approver ? ['approved', 'cancelled'] : ['cancelled'];
    case 'approved':
      return ['ordered', 'cancelled'];
    case 'ordered':
      return ['received', 'cancelled'];
    default:
      return [];
  }
}

/** A purchase request still to be acted on (its list's default view). */
export function isOpenPurchase(status: PurchaseStatus): boolean {
  return status === 'draft' || status === 'approved' || status === 'ordered';
}

/** One row of a stocktake sheet: a part at the location, what the ledger says, what was counted. */
export interface SheetRow {
  sku: string;
  name: string;
  expected: number;
  counted: number | null;
}

/** The sheet of a location: every part with stock there, by SKU, nothing counted yet. */
export function sheetFor(parts: Part[], location: string): SheetRow[] {
  return parts
    .flatMap((p) => {
      const level = p.locations.find((l) => l.location === location);
      return level ? [{ sku: p.sku, name: p.name, expected: level.on_hand, counted: null }] : [];
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));
}

/** The count lines of a sheet: rows counted, each part once (a later row wins). */
export function countLines(rows: SheetRow[]): { sku: string; counted: number }[] {
  const bySku = new Map<string, number>();
  for (const r of rows) if (r.counted !== null && r.counted >= 0) bySku.set(r.sku, r.counted);
  return [...bySku.entries()].map(([sku, counted]) => ({ sku, counted }));
}

/** Counted − expected as shown: `+2`, `−1`, `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

/** A forecast's backtest in words: MASE below 1 beats the naive forecast. */
export function maseVerdict(mase: number | null | undefined): 'better' | 'worse' | 'none' {
  if (mase === null || mase === undefined || !Number.isFinite(mase)) return 'none';
  return mase < 1 ? 'better' : 'worse';
}

/** A decimal figure with up to `digits` places, no trailing zeros (`0.25`, `1.3`, `2`). */
export function decimal(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Number(n.toFixed(digits)));
}

/** The method a plan's line used, in a form a translation key names (`sba(0.1)` → `sba`, 0.1). */
export function methodOf(method: string): { name: string; param: string | null } {
  const m = /^([a-z_]+)(?:\(([^)]*)\))?$/.exec(method.trim());
  return m ? { name: m[1] ?? method, param: m[2] ?? null } : { name: method, param: null };
}

/** The ledger kinds the service writes (others are shown as they came). */
export const MOVEMENT_KINDS = ['receipt', 'consumption', 'transfer_out', 'transfer_in', 'return', 'removed_part', 'adjustment', 'stocktake'] as const;
