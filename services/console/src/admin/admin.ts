// The administrator's workspace: its types and the pure rules its pages follow (the audit
// log's search as an API query, a dead letter's payload for reading, the settings' rows).
import dayjs from 'dayjs';
import type { components } from '../api/schema';

type S = components['schemas'];
/** An account as administrators see it. */
export type Account = S['Account'];
/** An API token as listed (never its secret). */
export type ApiToken = S['ApiToken'];
/** One audit entry. */
export type AuditEntry = S['AuditEntry'];
/** One dead letter. */
export type DeadLetter = S['DeadLetter'];
/** A role an account holds. */
export type Role = S['Role'];
/** SLA targets with their version. */
export type SlaPolicy = S['SlaPolicy'];
/** One SLA target. */
export type SlaTarget = S['SlaTargetRule'];
/** Quality-warning thresholds with their version. */
export type QualityThresholds = S['QualityThresholds'];
/** Visit durations with their version. */
export type DurationDefaults = S['DurationDefaults'];
/** Notification texts with their version. */
export type NotificationTemplates = S['NotificationTemplates'];
/** A fee schedule version. */
export type FeeSchedule = S['FeeSchedule'];
/** A holiday or a weekend day worked in the business calendar. */
export type CalendarDay = S['CalendarDay'];

/** Every role, in the order the console lists them. */
export const ROLES: Role[] = ['agent', 'dispatcher', 'technician', 'warehouse', 'finance', 'callback_agent', 'manager', 'admin', 'customer'];

/** The roles an account can be given or moved to here (customer and technician accounts are linked to their record). */
export const ASSIGNABLE_ROLES: Role[] = ['agent', 'dispatcher', 'warehouse', 'finance', 'callback_agent', 'manager', 'admin'];

/** The actions the gateway writes to the audit log, for the action filter. */
export const AUDIT_ACTIONS = [
  'account.create',
  'account.disable',
  'account.role',
  'account.password',
  'api_token.create',
  'api_token.revoke',
  'dead_letter.replay',
  'personal_data.export',
  'personal_data.reveal',
] as const;

/** What the audit log is searched by, as the page's address holds it. */
export interface AuditFilter {
  account_id?: string;
  action?: string;
  object?: string;
  /** First day (YYYY-MM-DD, the browser's day), inclusive. */
  from?: string;
  /** Last day (YYYY-MM-DD), inclusive. */
  to?: string;
}

/** The audit search as the API's query: days become the instants they start and end at. */
export function auditQuery(f: AuditFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.account_id?.trim()) q.account_id = f.account_id.trim();
  if (f.action?.trim()) q.action = f.action.trim();
  if (f.object?.trim()) q.object = f.object.trim();
  if (f.from && dayjs(f.from).isValid()) q.from = dayjs(f.from).startOf('day').format();
  if (f.to && dayjs(f.to).isValid()) q.to = dayjs(f.to).add(1, 'day').startOf('day').format();
  return q;
}

/** A dead letter's payload for reading: JSON indented, anything else as it came. */
export function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** Whether a dead letter can be replayed (a notification's kept no payload). */
export function replayable(d: DeadLetter): boolean {
  return !d.payload_dropped;
}

/** The dead letters, the latest set aside first. */
export function newestFirst(letters: DeadLetter[]): DeadLetter[] {
  return [...letters].sort((a, b) => b.failed_at - a.failed_at || b.seq - a.seq);
}

/** Priorities and tiers in the order the SLA table shows them. */
export const PRIORITIES = ['p1', 'p2', 'p3', 'p4'] as const;
export const TIERS = ['key_account', 'standard'] as const;

/**
 * SLA targets in the order the form shows them: general rules by priority then tier, then
 * the rules for one request type.
 */
export function sortTargets(targets: SlaTarget[]): SlaTarget[] {
  const rank = (t: SlaTarget) => (t.type ? 1 : 0) * 100 + PRIORITIES.indexOf(t.priority) * 10 + TIERS.indexOf(t.tier);
  return [...targets].sort((a, b) => rank(a) - rank(b) || String(a.type ?? '').localeCompare(String(b.type ?? '')));
}

/** The priority and tier pairs no general target covers (every pair needs one). */
export function missingTargets(targets: Pick<SlaTarget, 'priority' | 'tier' | 'type'>[]): string[] {
  const out: string[] = [];
  for (const p of PRIORITIES)
    for (const tier of TIERS) if (!targets.some((t) => !t.type && t.priority === p && t.tier === tier)) out.push(`${p}/${tier}`);
  return out;
}

/** The pairs (window, or kind and model, …) that appear more than once, by the key each row gives. */
export function duplicates<T>(rows: T[], key: (row: T) => string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup];
}

/** The years the calendar offers: last year to two years on, and the one shown if elsewhere. */
export function calendarYears(thisYear: number, shown: number): number[] {
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  return years.includes(shown) ? years : [...years, shown].sort((a, b) => a - b);
}

/** The services' refusal codes on the administrator's forms that the console says in its own words. */
export const REFUSAL_CODES = [
  'required',
  'too_long',
  'too_short',
  'too_many',
  'duplicate',
  'out_of_range',
  'invalid',
  'unknown',
  'empty',
  'negative',
  'in_the_past',
  'not_after_latest',
  'before_from',
  'before_start',
  'before_first_response',
  'no_default',
  'not_ordered',
  'flat',
  'weak',
  'self',
  'linked',
] as const;

/** The text key for a refusal code (`admin:refused.<code>`), or null to show the service's own message. */
export function refusalKey(code: string): string | null {
  return (REFUSAL_CODES as readonly string[]).includes(code) ? `admin:refused.${code}` : null;
}
