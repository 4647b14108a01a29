// A machine's whole service history as the field app reads it (`GET /machines/{id}/visits`):
// every ticket about the machine, newest first, with its work orders and what their visit
// reports said, a page at a time. The gateway answers a technician only for the machines of
// their own open or today's work orders. The first page of each of today's machines is read
// with the day and kept with it on the phone (data.ts), so the history opens offline too;
// further pages need the connection.
import type { components } from '../api/schema';
import { api, must } from '../api/client';

type S = components['schemas'];
/** One ticket about the machine, with its work orders. */
export type MachineServiceEntry = S['MachineServiceEntry'];
/** One work order on the machine and what its report said. */
export type MachineVisit = S['MachineVisit'];

/** A page of a machine's history. */
export interface MachineHistoryPage {
  items: MachineServiceEntry[];
  next_cursor?: string | null;
}

/** Tickets on one page of the history (the gateway allows 1–50). */
export const HISTORY_PAGE = 5;

/** Reads one page of the machine's history. */
export async function fetchHistoryPage(machineId: string, cursor?: string | null): Promise<MachineHistoryPage> {
  const page = await must(
    api.GET('/api/v1/machines/{id}/visits', { params: { path: { id: machineId }, query: { limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) } } }),
  );
  return { items: page.items, next_cursor: page.next_cursor ?? null };
}

/** The pages read so far as one list, each ticket once (a page read again after the list
 * moved on does not repeat what is already shown), in the order the server gave them. */
export function joinPages(pages: readonly MachineHistoryPage[]): MachineServiceEntry[] {
  const seen = new Set<string>();
  const out: MachineServiceEntry[] = [];
  for (const p of pages) {
    for (const e of p.items) {
      if (seen.has(e.ticket_id)) continue;
      seen.add(e.ticket_id);
      out.push(e);
    }
  }
  return out;
}

/** When a visit happened: the end of the visit as reported, else when it was reported,
 * else when the work order was made. */
export function visitTime(v: MachineVisit): string {
  return v.finished_at ?? v.completed_at ?? v.created_at;
}

/** One meter reading over time, with the copies made since the reading before it. */
export interface MeterPoint {
  at: string;
  reading: number;
  workOrderNumber: string;
  /** Copies since the previous reading; null for the first one, and when the meter reads
   * less than before (a replaced or reset counter), which is said rather than shown negative. */
  since: number | null;
  /** The reading is lower than the one before it. */
  wentBack: boolean;
}

/** The meter readings the visits reported, newest first, each with what was copied since
 * the one before. */
export function meterReadings(entries: readonly MachineServiceEntry[]): MeterPoint[] {
  const points = entries
    .flatMap((e) => e.visits)
    .filter((v) => v.meter_reading != null)
    .map((v) => ({ at: visitTime(v), reading: v.meter_reading as number, workOrderNumber: v.number }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const out: MeterPoint[] = points.map((p, i) => {
    const before = i > 0 ? (points[i - 1]?.reading ?? null) : null;
    const wentBack = before != null && p.reading < before;
    return { ...p, since: before == null || wentBack ? null : p.reading - before, wentBack };
  });
  return out.reverse();
}
