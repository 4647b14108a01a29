// The cashier's server state. Keys start with the object ('invoices', 'invoice',
// 'cash-days', 'receivables', 'claims', 'contracts', 'renewals') so a change refreshes every
// view of it.
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { classifyLookup } from '../lib/lookup';
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

/** Contracts newest first, or one customer's. */
export function useContracts(customerId?: string) {
  return useQuery({
    queryKey: ['contracts', customerId ?? ''],
    queryFn: async () => (await must(api.GET('/api/v1/contracts', { params: { query: customerId ? { customer_id: customerId } : {} } }))).items,
  });
}

/** Customers found by a name prefix, a phone in any formatting or a machine's serial (contact details masked). */
export function useCustomerSearch(text: string) {
  const q = classifyLookup(text);
  return useQuery({
    queryKey: ['customers', 'find', text.trim()],
    enabled: q.kind === 'phone' || q.kind === 'text',
    placeholderData: keepPreviousData,
    queryFn: async () => {
      if (q.kind === 'phone') return (await must(api.GET('/api/v1/customers', { params: { query: { phone: q.value, limit: 20 } } }))).items;
      if (q.kind !== 'text') return [];
      // A text is a name prefix or a serial number: both are searched, each customer once.
      const [byName, bySerial] = await Promise.all([
        must(api.GET('/api/v1/customers', { params: { query: { name: q.value, limit: 20 } } })),
        must(api.GET('/api/v1/customers', { params: { query: { serial: q.value, limit: 20 } } })),
      ]);
      const all = [...bySerial.items, ...byName.items];
      return all.filter((c, i) => all.findIndex((x) => x.id === c.id) === i);
    },
  });
}

/** A customer's machines. */
export function useCustomerMachines(customerId: string | undefined) {
  return useQuery({
    queryKey: ['customers', customerId, 'machines'],
    enabled: !!customerId,
    queryFn: async () => (await must(api.GET('/api/v1/customers/{id}/machines', { params: { path: { id: customerId ?? '' }, query: { limit: 100 } } }))).items,
  });
}

/** What each brand requires on its claims (the claim requirements company setting). */
export function useClaimRequirements(enabled = true) {
  return useQuery({
    queryKey: ['setting', 'claims'],
    enabled,
    queryFn: async () => (await must(api.GET('/api/v1/claim-requirements'))).items,
  });
}

/** Refreshes what a payment, a count or a claim's move may have changed. */
export function useRefresh() {
  const qc = useQueryClient();
  return (...keys: string[]) => {
    for (const k of keys) void qc.invalidateQueries({ queryKey: [k] });
  };
}
