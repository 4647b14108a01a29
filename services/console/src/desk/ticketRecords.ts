// What the ticket drawer shows besides the ticket: its history, its work orders with their
// history, receipts, callbacks and follow-ups. Every key starts with ['ticket', id], so a
// live event about the ticket (a work order or callback event carries the ticket's id)
// refreshes them all; work orders also sit under ['workorders'] for work-order events.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { components } from '../api/schema';

/** One entry of a ticket's history. */
export type TicketHistoryEntry = components['schemas']['TicketHistoryEntry'];
/** One entry of a work order's history. */
export type WorkOrderHistoryEntry = components['schemas']['WorkOrderHistoryEntry'];
/** A work order. */
export type WorkOrder = components['schemas']['WorkOrder'];
/** A receipt. */
export type Invoice = components['schemas']['Invoice'];
/** A callback. */
export type Callback = components['schemas']['Callback'];
/** A follow-up. */
export type FollowUp = components['schemas']['FollowUp'];

/** Translation function as the helpers need it. */
export type T = (key: string, options?: Record<string, unknown>) => string;

/** A ticket's whole history, oldest first. */
export function useTicketHistory(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'history'],
    queryFn: async () => {
      const all: TicketHistoryEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await must(api.GET('/api/v1/tickets/{id}/history', { params: { path: { id: ticketId }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
        all.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

/** The ticket's work orders, oldest first (a return visit follows the first). */
export function useTicketWorkOrders(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workorders', 'ticket', ticketId],
    enabled,
    queryFn: () => must(api.GET('/api/v1/workorders', { params: { query: { ticket_id: ticketId, limit: 50 } } })),
  });
}

/** A work order's history. */
export function useWorkOrderHistory(ticketId: string, workOrderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'workorder-history', workOrderId],
    enabled,
    queryFn: () => must(api.GET('/api/v1/workorders/{id}/history', { params: { path: { id: workOrderId }, query: { limit: 500 } } })),
  });
}

/** Technicians by id, for names. */
export function useTechnicianNames(enabled: boolean) {
  return useQuery({
    queryKey: ['technicians', 'names'],
    enabled,
    staleTime: 300_000,
    queryFn: async () => {
      const page = await must(api.GET('/api/v1/technicians', { params: { query: { limit: 500 } } }));
      return new Map(page.items.map((x) => [x.id, x.name]));
    },
  });
}

/**
 * The receipts of the ticket's completed work orders. A receipt is issued by billing after
 * the visit's event, so while a completed visit has none yet the query looks again.
 */
export function useTicketInvoices(ticketId: string, workOrders: readonly WorkOrder[], enabled: boolean) {
  const done = workOrders.filter((w) => w.status === 'completed').map((w) => w.id);
  return useQuery({
    queryKey: ['ticket', ticketId, 'invoices', done],
    enabled: enabled && done.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(done.map((id) => must(api.GET('/api/v1/invoices', { params: { query: { work_order_id: id } } }))));
      return pages.flatMap((p) => p.items);
    },
    refetchInterval: (q) => (q.state.data && q.state.data.length < done.length ? 5_000 : false),
  });
}

/** The callbacks of the ticket's work orders. */
export function useTicketCallbacks(ticketId: string, workOrders: readonly WorkOrder[], enabled: boolean) {
  const ids = workOrders.map((w) => w.id);
  return useQuery({
    queryKey: ['ticket', ticketId, 'callbacks', ids],
    enabled: enabled && ids.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(ids.map((id) => must(api.GET('/api/v1/callbacks', { params: { query: { work_order_id: id, limit: 50 } } }))));
      return pages.flatMap((p) => p.items);
    },
  });
}

/** The ticket's follow-ups. */
export function useTicketFollowUps(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'followups'],
    enabled,
    queryFn: () => must(api.GET('/api/v1/followups', { params: { query: { ticket_id: ticketId, limit: 50 } } })),
  });
}

/** A score kept in thousandths, as people read it (`0.975`). */
export function formatScore(milli: number | null | undefined): string {
  return milli == null ? '—' : (milli / 1000).toFixed(3);
}

/** Who made a change, in words: the account's name, the caller themself, or the service. */
export function actorText(e: { actor: string; actor_name?: string | null }, me: string | undefined, t: T): string {
  if (me && e.actor === me) return t('desk:history.you');
  if (e.actor_name) return e.actor_name;
  if (/^[0-9a-f-]{36}$/i.test(e.actor)) return t('desk:history.someone');
  return t(`desk:history.system.${['system', 'survey', 'dispatch', 'inventory', 'billing', 'intake'].includes(e.actor) ? e.actor : 'other'}`);
}

/** What a ticket's history entry changed, in words. */
export function ticketChangeText(e: TicketHistoryEntry, t: T): string {
  const status = (s: string | null | undefined) => (s ? t(`desk:status.${s}`) : '');
  switch (e.change) {
    case 'opened':
      return t('desk:history.ticket.opened', { status: status(e.to_status) });
    case 'status_changed':
      return t('desk:history.ticket.status_changed', { from: status(e.from_status), to: status(e.to_status) });
    case 'priority_changed':
      return t('desk:history.ticket.priority_changed', { from: e.from_priority ? t(`desk:priority.${e.from_priority}`) : '', to: e.to_priority ? t(`desk:priority.${e.to_priority}`) : '' });
    case 'owner_changed':
      return t('desk:history.ticket.owner_changed', { owner: e.owner_name ?? e.owner ?? '' });
    case 'escalated':
      return t('desk:history.ticket.escalated');
    default:
      return t('desk:history.ticket.noted');
  }
}

/** What a work order's history entry changed, in words. */
export function workOrderChangeText(e: WorkOrderHistoryEntry, technicians: ReadonlyMap<string, string>, t: T, formatWindow: (start: string, end: string) => string): string {
  const status = (s: string | null | undefined) => (s ? t(`desk:woStatus.${s}`) : '');
  const tech = e.technician_id ? (technicians.get(e.technician_id) ?? t('desk:history.someone')) : '';
  switch (e.change) {
    case 'created':
      return tech ? t('desk:history.wo.createdFor', { technician: tech }) : t('desk:history.wo.created', { status: status(e.to_status) });
    case 'assigned':
      return tech ? t('desk:history.wo.assignedTo', { technician: tech }) : t('desk:history.wo.assigned');
    case 'unassigned':
      return t('desk:history.wo.unassigned');
    case 'status_changed':
      return t('desk:history.wo.status_changed', { from: status(e.from_status), to: status(e.to_status) });
    case 'appointment_booked':
      return e.appointment ? t('desk:history.wo.appointment', { window: formatWindow(e.appointment.start, e.appointment.end) }) : t('desk:history.wo.appointmentNone');
    case 'parts_requested':
      return t('desk:history.wo.parts_requested');
    case 'parts_updated':
      return t('desk:history.wo.parts_updated');
    case 'visit_reported':
      return t('desk:history.wo.visit_reported', { outcome: status(e.to_status) });
    default:
      return t('desk:history.wo.noted');
  }
}
