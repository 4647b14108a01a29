// What the visit's receipt will charge, asked of the server while the report is written
// (POST /workorders/{id}/charge-preview): billing prices what has been entered by the rules
// the receipt is issued with (call-out, labour in started quarter hours, parts, warranty,
// contract, the brand's warranty, the key-account discount), so the phone never computes a
// charge of its own. Offline there is no price: the report says so and the receipt follows.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { components } from '../api/schema';
import { api, must } from '../api/client';
import type { VisitOutcome } from './model';

type S = components['schemas'];
/** What the charge is priced from: the report's times, fault, parts and outcome. */
export type ChargeRequest = Omit<S['ChargePreviewRequest'], 'work_order_id'>;
/** The server's answer: the receipt's lines, why each is covered or charged, the totals. */
export type ChargePreview = S['ChargePreview'];

/** How long the entries rest before they are priced (each keystroke is not a request). */
export const CHARGE_DEBOUNCE_MS = 400;

/** The request for what the form holds, or null while it cannot be priced (no times, the
 * finish before the start). Part lines without a part or a quantity are left out, as the
 * report leaves them out. */
export function chargeRequest(v: {
  started_at?: string | null;
  finished_at?: string | null;
  fault?: string | null;
  parts?: { sku?: string; quantity?: number | null }[] | null;
  outcome?: VisitOutcome | null;
}): ChargeRequest | null {
  if (!v.started_at || !v.finished_at) return null;
  if (Date.parse(v.finished_at) < Date.parse(v.started_at)) return null;
  const parts = (v.parts ?? [])
    .filter((p): p is { sku: string; quantity: number } => !!p?.sku && !!p.quantity && p.quantity > 0)
    .map((p) => ({ sku: p.sku, quantity: p.quantity }));
  return {
    started_at: v.started_at,
    finished_at: v.finished_at,
    ...(v.fault ? { fault: v.fault } : {}),
    parts,
    outcome: v.outcome ?? 'completed',
  };
}

/** Where the shown charge stands: priced for exactly what is entered, being priced, not
 * priceable offline, refused or failed, or nothing to price yet. */
export type ChargeState =
  | { kind: 'priced'; preview: ChargePreview }
  | { kind: 'pricing' }
  | { kind: 'offline' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'incomplete' };

/** The state to show, from what is entered now, the request last priced and its answer:
 * an answer for other entries is never shown as this one's. */
export function chargeState(
  online: boolean,
  wanted: ChargeRequest | null,
  asked: ChargeRequest | null,
  answer: { data?: ChargePreview; error?: unknown; fetching: boolean },
): ChargeState {
  if (!wanted) return { kind: 'incomplete' };
  if (!online) return { kind: 'offline' };
  if (!asked || JSON.stringify(asked) !== JSON.stringify(wanted) || answer.fetching) return { kind: 'pricing' };
  if (answer.error) return { kind: 'failed', error: answer.error };
  return answer.data ? { kind: 'priced', preview: answer.data } : { kind: 'pricing' };
}

/** What stays owed once the cash collected on site is booked against the charge (negative:
 * more cash than the charge). */
export function owedAfterCash(chargedMinor: number, cashMinor: number): number {
  return chargedMinor - cashMinor;
}

/** Whether the customer signs for a charge: when the visit charges something or cash was
 * taken, and whenever the charge is not known (offline, not yet priced), since the receipt
 * will follow. */
export function signatureNeeded(state: ChargeState, cashMinor: number): boolean {
  if (cashMinor > 0) return true;
  return state.kind === 'priced' ? state.preview.total_charged.amount_minor > 0 : state.kind !== 'incomplete';
}

/** `value`, once it has not changed for `ms` (compared by its JSON). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(id);
  }, [key, ms]);
  return settled;
}

/** The charge of what is entered for work order `workOrderId`, priced once the entries
 * rest, and not asked while offline. */
export function useCharge(workOrderId: string, wanted: ChargeRequest | null, online: boolean): ChargeState {
  const asked = useDebounced(wanted, CHARGE_DEBOUNCE_MS);
  const q = useQuery({
    queryKey: ['field', 'charge-preview', workOrderId, asked],
    enabled: online && !!asked,
    retry: false,
    staleTime: 30_000,
    queryFn: () =>
      must(api.POST('/api/v1/workorders/{id}/charge-preview', { params: { path: { id: workOrderId } }, body: asked! })),
  });
  return chargeState(online, wanted, asked, { data: q.data, error: q.error ?? undefined, fetching: q.isFetching });
}
