// The sent messages' rules that are not the server's: the filters the page keeps in its
// address and the query they become, how a delivery status is shown, and whether the server
// is in trial mode (no channel configured, so nothing was sent).
import type { components } from '../api/schema';
import { TONE } from '../lib/colors';

type S = components['schemas'];
export type SentMessage = S['SentMessage'];
export type MessageStatus = S['MessageStatus'];
export type MessageKind = S['MessageKind'];
export type Channel = S['NotificationChannel'];
export type NotificationChannels = S['NotificationChannels'];
export type MessageAttempt = S['MessageAttempt'];
export type DeliveryOutcome = S['DeliveryOutcome'];
type Customer = S['Customer'];

export const STATUSES: readonly MessageStatus[] = ['pending', 'failed', 'sent', 'dead_lettered', 'unsent'];
export const CHANNELS: readonly Channel[] = ['sms', 'email', 'wechat'];
export const KINDS: readonly MessageKind[] = ['request_received', 'technician_booked', 'waiting_for_parts', 'work_done', 'receipt_issued', 'callback_due', 'answer_link', 'machine_received', 'ready_for_return', 'one_time_code'];

export const OUTCOMES: readonly DeliveryOutcome[] = ['sent', 'failed', 'refused'];

/** The colour of each attempt's outcome: accepted, worth retrying, refused for good. */
export const OUTCOME_TONE: Record<DeliveryOutcome, string> = {
  sent: TONE.success,
  failed: TONE.warning,
  refused: TONE.danger,
};

/** A customer as the filter names it: company and number. */
export function customerLabel(c: Pick<Customer, 'company' | 'number'>): string {
  return `${c.company} · ${c.number}`;
}

/**
 * The customer filter's choices: the customers found for what was typed, and the customer
 * filtered by (named once it is loaded, else by its id) so the field shows it.
 */
export function customerOptions(
  found: readonly Pick<Customer, 'id' | 'company' | 'number'>[],
  selectedId: string | undefined,
  selected: Pick<Customer, 'id' | 'company' | 'number'> | undefined,
): { value: string; label: string }[] {
  const options = found.map((c) => ({ value: c.id, label: customerLabel(c) }));
  if (selectedId && !options.some((o) => o.value === selectedId)) {
    options.unshift({ value: selectedId, label: selected?.id === selectedId ? customerLabel(selected) : selectedId });
  }
  return options;
}

/** The colour of each delivery status (none for one not sent on purpose). */
export const STATUS_TONE: Record<MessageStatus, string | undefined> = {
  pending: TONE.info,
  failed: TONE.warning,
  sent: TONE.success,
  dead_lettered: TONE.danger,
  unsent: undefined,
};

/** What the list is filtered by, as the page's address keeps it. */
export interface MessageFilter {
  status?: MessageStatus;
  channel?: Channel;
  /** A ticket's id, once its number was looked up. */
  ticketId?: string;
  customerId?: string;
  /** First day, `YYYY-MM-DD`, company time. */
  from?: string;
  /** Last day, `YYYY-MM-DD`, company time (included). */
  to?: string;
}

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter in the address (`?status=&channel=&from=&to=&customer=`); unknown values are left out. */
export function filterFromParams(p: URLSearchParams): Omit<MessageFilter, 'ticketId'> {
  const day = (k: string) => {
    const v = p.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  return {
    status: oneOf(STATUSES, p.get('status')),
    channel: oneOf(CHANNELS, p.get('channel')),
    customerId: p.get('customer') || undefined,
    from: day('from'),
    to: day('to'),
  };
}

/** The start of a company day (UTC+8, no daylight saving) as an RFC 3339 instant. */
export function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The day after `day`, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The query of `GET /messages` for a filter: days become instants, the last day included. */
export function messageQuery(f: MessageFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.status) q.status = f.status;
  if (f.channel) q.channel = f.channel;
  if (f.ticketId) q.ticket_id = f.ticketId;
  if (f.customerId) q.customer_id = f.customerId;
  if (f.from) q.from = dayStart(f.from);
  if (f.to) q.to = dayStart(nextDay(f.to));
  return q;
}

/** Trial mode: no channel is configured, so every message is kept, not sent. */
export function trialMode(c: NotificationChannels | undefined): boolean {
  return c !== undefined && c.configured.length === 0;
}

/** Whether a message's next attempt is worth showing (it is still to be tried). */
export function waitingToSend(m: Pick<SentMessage, 'status'>): boolean {
  return m.status === 'pending' || m.status === 'failed';
}

/**
 * The error to show beside a message: the last one while it is not sent, none once it is (an
 * earlier attempt's error stays in the attempts' history, not beside a message that went out).
 */
export function errorToShow(m: Pick<SentMessage, 'status' | 'last_error'>): string | null {
  return m.status === 'sent' ? null : (m.last_error ?? null) || null;
}
