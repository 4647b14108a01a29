// The weekly chase list of receivables (应收帐款每周跟进) as the receivables tab asks for it:
// the week and the filters from the page's address, a filter too long refused on its field
// before anything is sent (the server says the same, naming it), and the week's totals.
import type { components } from '../api/schema';

type S = components['schemas'];
export type ReceivableChaseList = S['ReceivableChaseList'];
export type ReceivableChase = S['ReceivableChase'];

/** The longest agent or district the server takes (1–100 characters). */
export const FILTER_MAX = 100;

/** The Monday of the week (Monday to Sunday) of `day` (`YYYY-MM-DD`). */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** The Sunday ending the week that starts on `monday`. */
export function weekEnd(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** What the list is asked for: the page's `chase_week` (this week by default), `agent`, `district`. */
export interface ChaseFilter {
  week: string;
  agent?: string;
  district?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter in the page's address; a missing or malformed week is this week. */
export function chaseFilter(params: URLSearchParams, today: string): ChaseFilter {
  const raw = params.get('chase_week') ?? '';
  const week = weekOf(DAY.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : today);
  const agent = params.get('agent')?.trim() || undefined;
  const district = params.get('district')?.trim() || undefined;
  return { week, ...(agent ? { agent } : {}), ...(district ? { district } : {}) };
}

/** Which filter is too long to send, if any (the field named as the server names it). */
export function filterProblem(f: ChaseFilter): 'agent' | 'district' | null {
  if ((f.agent?.length ?? 0) > FILTER_MAX) return 'agent';
  if ((f.district?.length ?? 0) > FILTER_MAX) return 'district';
  return null;
}

/** The week's receipts and what they owed when chased, per currency. */
export function chaseTotals(items: readonly ReceivableChase[]): { receipts: number; owed: { currency: string; amount_minor: number }[] } {
  const owed = new Map<string, number>();
  for (const i of items) owed.set(i.outstanding.currency, (owed.get(i.outstanding.currency) ?? 0) + i.outstanding.amount_minor);
  return { receipts: items.length, owed: [...owed].map(([currency, amount_minor]) => ({ currency, amount_minor })) };
}
