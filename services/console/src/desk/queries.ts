// The desk's server state: caller lookup, a customer's machines and tickets, FAQ search.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import { classifyLookup } from '../lib/lookup';

/** A customer record. */
export type Customer = components['schemas']['Customer'];
/** A ticket. */
export type Ticket = components['schemas']['Ticket'];
/** A machine record. */
export type Machine = components['schemas']['Machine'];
/** A knowledge-base article. */
export type FaqArticle = components['schemas']['FaqArticle'];

/** Ticket states that still need work. */
export const OPEN_STATUSES = ['new', 'triaged', 'needs_visit', 'in_service', 'waiting_for_parts', 'waiting_for_customer', 'reopened'] as const;

/** What a lookup found: customers, and the ticket when a ticket number was typed. */
export interface LookupResult {
  customers: Customer[];
  ticket: Ticket | null;
}

async function lookup(q: string): Promise<LookupResult> {
  const c = classifyLookup(q);
  if (c.kind === 'empty') return { customers: [], ticket: null };
  if (c.kind === 'ticket') {
    const r = await api.GET('/api/v1/tickets/{id}', { params: { path: { id: c.value } } });
    if (!r.data) return { customers: [], ticket: null };
    const id = r.data.customer_id;
    const customer = id ? (await api.GET('/api/v1/customers/{id}', { params: { path: { id } } })).data : undefined;
    return { customers: customer ? [customer] : [], ticket: r.data };
  }
  if (c.kind === 'phone') {
    const page = await must(api.GET('/api/v1/customers', { params: { query: { phone: c.value, limit: 20 } } }));
    return { customers: page.items, ticket: null };
  }
  // A name prefix or a serial: both are searched, customers found by either are shown.
  const [byName, bySerial] = await Promise.all([
    must(api.GET('/api/v1/customers', { params: { query: { name: c.value, limit: 20 } } })),
    must(api.GET('/api/v1/customers', { params: { query: { serial: c.value, limit: 20 } } })),
  ]);
  const seen = new Set<string>();
  const customers = [...bySerial.items, ...byName.items].filter((x) => !seen.has(x.id) && seen.add(x.id));
  return { customers, ticket: null };
}

/** The caller lookup for a query (empty query: nothing). */
export function useLookup(q: string) {
  return useQuery({
    queryKey: ['lookup', q.trim()],
    queryFn: () => lookup(q),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** A customer's machines with warranty, contract and last meter reading. */
export function useMachines(customerId: string | undefined) {
  return useQuery({
    queryKey: ['machines', customerId],
    enabled: !!customerId,
    queryFn: () => must(api.GET('/api/v1/customers/{id}/machines', { params: { path: { id: customerId ?? '' }, query: { limit: 100 } } })),
  });
}

/** A customer's latest tickets (open ones and the last visits come from them). */
export function useCustomerTickets(customerId: string | undefined) {
  return useQuery({
    queryKey: ['tickets', 'customer', customerId],
    enabled: !!customerId,
    queryFn: () =>
      must(api.GET('/api/v1/tickets', { params: { query: { customer_id: customerId ?? '', limit: 50, sort: '-opened_at' } } })),
  });
}

/** FAQ articles matching a symptom. */
export function useFaq(text: string, productLine: string | undefined) {
  const q = text.trim();
  return useQuery({
    queryKey: ['faq', q, productLine ?? ''],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: () => must(api.GET('/api/v1/faq', { params: { query: { text: q, limit: 5, ...(productLine ? { product_line: productLine } : {}) } } })),
  });
}

/** The priority rules, for the form's preview (agents, dispatchers, managers may read them). */
export function usePriorityRules(enabled: boolean) {
  return useQuery({
    queryKey: ['priority-rules'],
    enabled,
    staleTime: 300_000,
    queryFn: () => must(api.GET('/api/v1/priority-rules')),
  });
}

/** The configured product lines. */
export function useProductLines() {
  return useQuery({
    queryKey: ['product-lines'],
    staleTime: 300_000,
    queryFn: () => must(api.GET('/api/v1/product-lines')),
  });
}

/** Why the desk reveals a caller's phone and address (kept in the audit log). */
export const REVEAL_REASON = 'desk: caller identified on the phone, opening a ticket';

/**
 * The caller's record unmasked, for the ticket form: lists and panels show phones and
 * addresses masked; picking the caller for a ticket reveals this one record, audit-logged
 * with the reason.
 */
export function useRevealedCustomer(id: string | undefined) {
  return useQuery({
    queryKey: ['customer', id, 'revealed'],
    enabled: !!id,
    staleTime: 60_000,
    queryFn: () =>
      must(api.GET('/api/v1/customers/{id}', { params: { path: { id: id ?? '' }, query: { personal_data: 'show', reason: REVEAL_REASON } } })),
  });
}

/** One ticket. */
export function useTicket(id: string | null) {
  return useQuery({
    queryKey: ['ticket', id],
    enabled: !!id,
    queryFn: () => must(api.GET('/api/v1/tickets/{id}', { params: { path: { id: id ?? '' } } })),
  });
}
