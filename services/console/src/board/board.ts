// The dispatcher's board as plain functions: which work orders belong to a day, one lane
// per technician in route order, the unassigned queue, load and leave.
import type { components } from '../api/schema';

/** A work order. */
export type WorkOrder = components['schemas']['WorkOrder'];
/** A technician. */
export type Technician = components['schemas']['Technician'];
/** A published day plan. */
export type DayPlan = components['schemas']['DayPlan'];
/** One stop of a technician's route. */
export type RouteStop = components['schemas']['RouteStop'];

/** States in which a work order is still on someone's plate. */
export const ACTIVE_STATES = ['unassigned', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_for_parts'] as const;

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDay(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(d);
}

/**
 * Whether a work order belongs on the board of `day`: booked or planned for it, completed on
 * it, or still open with no other day fixed (open work is shown on today's and later boards).
 */
export function onDay(w: WorkOrder, day: string, today: string, timeZone?: string): boolean {
  const fixed = w.planned_arrival ?? w.appointment?.start ?? null;
  if (fixed) return localDay(fixed, timeZone) === day;
  if (w.completed_at) return localDay(w.completed_at, timeZone) === day;
  return (ACTIVE_STATES as readonly string[]).includes(w.status) && day >= today;
}

/** Whether the technician is on leave on `day`. */
export function onLeave(t: Technician, day: string): boolean {
  return t.leave.some((l) => l.from <= day && day <= l.to);
}

/** One technician's lane. */
export interface Lane {
  technician: Technician;
  orders: WorkOrder[];
  /** The stops of the published plan by work order id. */
  stops: Map<string, { index: number; stop: RouteStop }>;
  /** Work orders counted against the daily capacity (not cancelled). */
  load: number;
  onLeave: boolean;
  travelMinutes: number | null;
}

/** The board of a day: lanes in name order and the unassigned queue, oldest first. */
export interface Board {
  lanes: Lane[];
  unassigned: WorkOrder[];
}

function sortKey(w: WorkOrder, stops: Lane['stops']): [number, string] {
  const s = stops.get(w.id);
  if (s) return [s.index, ''];
  return [Number.MAX_SAFE_INTEGER, w.planned_arrival ?? w.appointment?.start ?? w.created_at];
}

/** Builds the board of `day` from the work orders, technicians and (if published) the plan. */
export function buildBoard(orders: WorkOrder[], technicians: Technician[], plan: DayPlan | null, day: string, today: string, timeZone?: string): Board {
  const todays = orders.filter((w) => w.status !== 'cancelled' && onDay(w, day, today, timeZone));
  const lanes = technicians
    .filter((t) => t.active)
    .map((technician): Lane => {
      const route = plan?.routes.find((r) => r.technician_id === technician.id);
      const stops = new Map(route?.stops.map((stop, index) => [stop.work_order_id, { index, stop }] as const) ?? []);
      const mine = todays.filter((w) => w.technician_id === technician.id && w.status !== 'unassigned');
      mine.sort((a, b) => {
        const [ai, at] = sortKey(a, stops);
        const [bi, bt] = sortKey(b, stops);
        return ai - bi || at.localeCompare(bt);
      });
      return { technician, orders: mine, stops, load: mine.length, onLeave: onLeave(technician, day), travelMinutes: route?.travel_minutes ?? null };
    })
    .sort((a, b) => a.technician.name.localeCompare(b.technician.name));
  const unassigned = todays
    .filter((w) => w.status === 'unassigned' || !w.technician_id)
    .sort((a, b) => a.created_at.localeCompare(b.created_at));
  return { lanes, unassigned };
}
