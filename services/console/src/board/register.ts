// The report-back register (技术员复电登记表) as plain functions: the filters kept in the
// address, the day's counts per departure state, the visit a call is most likely about, the
// times of day in the company's time zone, and the service's refusal codes as text keys.
import type { components } from '../api/schema';

/** A day's register. */
export type Register = components['schemas']['ReportBackRegister'];
/** One technician's day. */
export type RegisterRow = components['schemas']['RegisterRow'];
/** One visit of the day. */
export type RegisterVisit = components['schemas']['RegisterVisit'];
/** Where a departure stands. */
export type DepartureState = components['schemas']['DepartureState'];

/** The departure states, in the order the filter offers them (worst first). */
export const DEPARTURE_STATES: DepartureState[] = ['missing', 'late', 'on_time', 'pending', 'not_due'];

/** The register's filters as the address keeps them. */
export interface RegisterFilter {
  /** Only rows in these departure states (none: all). */
  states: DepartureState[];
  /** Only technicians with a visit not reported back. */
  unreported: boolean;
  /** Part of a technician's name or district, any case. */
  q: string;
}

/** Reads the filters from the address (`?state=late,missing&unreported=1&q=李`); unknown states are dropped. */
export function readFilter(params: URLSearchParams): RegisterFilter {
  const states = (params.get('state') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is DepartureState => (DEPARTURE_STATES as string[]).includes(s));
  return { states, unreported: params.get('unreported') === '1', q: (params.get('q') ?? '').trim() };
}

/** The rows the filters let through, in the register's order. */
export function filterRows(rows: RegisterRow[], f: RegisterFilter): RegisterRow[] {
  const q = f.q.toLowerCase();
  return rows.filter(
    (r) =>
      (f.states.length === 0 || f.states.includes(r.departure)) &&
      (!f.unreported || r.not_reported_back > 0) &&
      (q === '' || r.technician_name.toLowerCase().includes(q) || r.district.toLowerCase().includes(q)),
  );
}

/** The day at a glance: technicians per departure state and visits not reported back. */
export function summarise(rows: RegisterRow[]): { states: Record<DepartureState, number>; visits: number; notReportedBack: number } {
  const states = Object.fromEntries(DEPARTURE_STATES.map((s) => [s, 0])) as Record<DepartureState, number>;
  let visits = 0;
  let notReportedBack = 0;
  for (const r of rows) {
    states[r.departure] += 1;
    visits += r.visits.length;
    notReportedBack += r.not_reported_back;
  }
  return { states, visits, notReportedBack };
}

/** The visit a call is most likely about: the first of the day not reported back yet, else
 * none (a call about the day). */
export function likelyVisit(row: RegisterRow): string | undefined {
  return row.visits.find((v) => !v.reported_at)?.work_order_id;
}

/** Whether the desk may still record on the register of `date`: today and the days before
 * (nobody leaves or phones in on a day still to come). */
export function recordable(date: string, today: string): boolean {
  return date <= today;
}

/** The company's time zone (the services' AFTERCARE_TIME_ZONE default, as elsewhere in the console). */
export const COMPANY_TIME_ZONE = 'Asia/Shanghai';

/** The time of day (`HH:mm`) of an instant in the company's time zone; '' for none. */
export function companyTime(iso: string | null | undefined, timeZone = COMPANY_TIME_ZONE): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
}

/** The time of day (`HH:mm`) to propose for a departure or a call recorded on the register
 * of `date`: now on today's register, the company's departure time on an earlier day's. */
export function proposedTime(date: string, today: string, departureTime: string, now: Date = new Date()): string {
  return date >= today ? companyTime(now.toISOString()) : departureTime.slice(0, 5);
}

/** The instant of the company's local time `hhmm` on `date` (China keeps no summer time:
 * +08:00), as the API takes it. */
export function instantOn(date: string, hhmm: string): string {
  return new Date(`${date}T${hhmm}:00+08:00`).toISOString();
}

/** The service's refusal codes on the register's requests that the console says in its own words. */
const KNOWN_CODES = ['in_future', 'too_old', 'too_long', 'not_theirs', 'inactive'];

/** The text key for a refusal code, or null to show the service's own message. */
export function refusalKey(code: string): string | null {
  return KNOWN_CODES.includes(code) ? `register:refused.${code}` : null;
}
