// What an agent typed into the caller lookup: a ticket number, a phone number in any
// formatting, a serial number or a name prefix.

/** The kind of a lookup query and the value to send. */
export type LookupQuery =
  | { kind: 'ticket'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'text'; value: string }
  | { kind: 'empty' };

const TICKET = /^T\d{4}-\d{1,9}$/i;
const PHONE = /^[+()\d\s-]{5,32}$/;

/** Classifies a lookup query; a text may be a name prefix or a serial, both are searched. */
export function classifyLookup(raw: string): LookupQuery {
  const q = raw.trim();
  if (!q) return { kind: 'empty' };
  if (TICKET.test(q)) return { kind: 'ticket', value: q.toUpperCase() };
  const digits = q.replace(/\D/g, '');
  if (PHONE.test(q) && digits.length >= 5) return { kind: 'phone', value: q };
  return { kind: 'text', value: q };
}

/** Minutes from `now` to `due` (negative once passed). */
export function minutesLeft(due: string, now: number): number {
  return (new Date(due).getTime() - now) / 60000;
}

/** Colour of an SLA clock: red once breached, amber once 80 % of the time is used. */
export function slaTone(openedAt: string, due: string, now: number, done: boolean): 'ok' | 'warn' | 'breached' | 'done' {
  if (done) return 'done';
  const start = new Date(openedAt).getTime();
  const end = new Date(due).getTime();
  if (now >= end) return 'breached';
  const used = (now - start) / Math.max(1, end - start);
  return used >= 0.8 ? 'warn' : 'ok';
}
