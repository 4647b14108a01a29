// The cashier's server state. Keys start with the object ('invoices', 'invoice',
// 'cash-days', 'receivables', 'claims') so a change refreshes every view of it.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { ClaimStatus, InvoiceState, RefundStatus, RenewalStatus } from './cashier';

/** Rows a list page asks for. */
export const PAGE = 50;

/** What the receipts list is filtered by. */
export interface ReceiptFilter {
  q: string;
  state?: InvoiceState;
  from?: string;
  to?: string;
}

/** Receipts newest number first, searched and filtered, a page at a time. */
export function useInvoices(f: ReceiptFilter) {
  const q = f.q.trim();
  return useInfiniteQuery({
    queryKey: ['invoices', 'list', q, f.state ?? '', f.from ?? '', f.to ?? ''],
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/api/v1/invoices', {
          params: {
            query: {
              limit: PAGE,
              ...(q ? { q } : {}),
              ...(f.state ? { state: f.state } : {}),
              ...(f.from ? { from: f.from } : {}),
              ...(f.to ? { to: f.to } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One receipt by id or number. */
export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: ['invoice', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/invoices/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** A receipt's payments, oldest first. */
export function usePayments(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['invoice', id, 'payments'],
    enabled: !!id && enabled,
    queryFn: async () => (await must(api.GET('/api/v1/invoices/{id}/payments', { params: { path: { id: id ?? '' } } }))).items,
  });
}

/** A receipt's credit notes, oldest first. */
export function useCreditNotes(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['invoice', id, 'credit-notes'],
    enabled: !!id && enabled,
    queryFn: async () => (await must(api.GET('/api/v1/invoices/{id}/credit-notes', { params: { path: { id: id ?? '' } } }))).items,
  });
}

/** Every technician's cash day on a day. */
export function useCashDays(day: string) {
  return useQuery({
    queryKey: ['cash-days', day],
    queryFn: async () => (await must(api.GET('/api/v1/cash-days', { params: { query: { day } } }))).items,
  });
}

/** The receivables ageing on a day. */
export function useReceivables(asOf: string) {
  return useQuery({
    queryKey: ['receivables', asOf],
    queryFn: () => must(api.GET('/api/v1/reports/receivables', { params: { query: { as_of: asOf } } })),
  });
}

/** Manufacturer claims by state and brand. */
export function useClaims(status: ClaimStatus | undefined, brand: string) {
  const b = brand.trim();
  return useQuery({
    queryKey: ['claims', status ?? '', b],
    placeholderData: keepPreviousData,
    queryFn: async () => (await must(api.GET('/api/v1/claims', { params: { query: { ...(status ? { status } : {}), ...(b ? { brand: b } : {}) } } }))).items,
  });
}

/** Refunds in one state. */
export function useRefunds(status: RefundStatus) {
  return useQuery({
    queryKey: ['refunds', status],
    queryFn: async () => (await must(api.GET('/api/v1/refunds', { params: { query: { status } } }))).items,
  });
}

/** Renewals in one state. */
export function useRenewals(status: RenewalStatus) {
  return useQuery({
    queryKey: ['renewals', status],
    queryFn: async () => (await must(api.GET('/api/v1/renewals', { params: { query: { status } } }))).items,
  });
}

/** Refreshes what a payment, a count or a claim's move may have changed. */
export function useRefresh() {
  const qc = useQueryClient();
  return (...keys: string[]) => {
    for (const k of keys) void qc.invalidateQueries({ queryKey: [k] });
  };
}
