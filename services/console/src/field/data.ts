// The technician's day as the field app reads it: their work orders, today's published
// route, each visit's customer (contacts: only for their own work orders, as the gateway
// answers) and machine with the first page of its service history, the van's stock and the company's fault list. Read from the API at sign-in, on every
// reconnect and after the queue is sent, and kept in IndexedDB so the app opens with it
// offline.
import type { components } from '../api/schema';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { companyDate } from '../lib/format';
import type { Me } from '../auth/session';
import { FINISHED, type DayPlan, type FaultCode, type Part, type WorkOrder } from './model';
import { getKv, setKv } from './store';
import { fetchHistoryPage, type MachineHistoryPage } from './machineHistory';

type S = components['schemas'];
/** A customer record (contacts included). */
export type Customer = S['Customer'];
/** A machine record (last meter reading, warranty, contract). */
export type Machine = S['Machine'];
/** A technician's profile (the van's location). */
export type Technician = S['Technician'];

/** Everything the field app shows, as of `savedAt`. */
export interface Day {
  date: string;
  savedAt: string;
  technician: Technician | null;
  orders: WorkOrder[];
  /** Finished work orders of the technician, newest first (machine history). */
  past: WorkOrder[];
  plan: DayPlan | null;
  /** By work order id: its ticket's customer and machine. */
  customers: Record<string, Customer | null>;
  machines: Record<string, Machine | null>;
  /** Parts the van holds, and every part's name and price for the report. */
  parts: Part[];
  /** By machine id: the first page of the service history of each of today's machines
   * (absent in a copy kept by an older app). */
  histories?: Record<string, MachineHistoryPage>;
  /** The company's fault list the report names its fault from (absent in a copy kept by an older app). */
  faults?: FaultCode[];
  /** Whether this came from the phone's copy (offline). */
  fromPhone?: boolean;
}

const KEY = 'day';


async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiProblem && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
}

async function allOrders(technicianId: string): Promise<WorkOrder[]> {
  const out: WorkOrder[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 4; i++) {
    const page = await must(
      api.GET('/api/v1/workorders', { params: { query: { technician_id: technicianId, sort: '-created_at', limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    out.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

async function allParts(): Promise<Part[]> {
  const out: Part[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 4; i++) {
    const page = await must(api.GET('/api/v1/parts', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
    out.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

/** Reads the day from the API and keeps it on the phone. */
export async function fetchDay(me: Me): Promise<Day> {
  const technicianId = me.technician_id ?? null;
  const date = companyDate();
  if (!technicianId) {
    const empty: Day = { date, savedAt: new Date().toISOString(), technician: null, orders: [], past: [], plan: null, customers: {}, machines: {}, histories: {}, parts: [], faults: [] };
    return empty;
  }
  const [technician, all, plan, parts, faults] = await Promise.all([
    optional(must(api.GET('/api/v1/technicians/{id}', { params: { path: { id: technicianId } } }))),
    allOrders(technicianId),
    optional(must(api.GET('/api/v1/day-plans/{date}', { params: { path: { date }, query: { technician_id: technicianId } } }))),
    allParts(),
    optional(must(api.GET('/api/v1/fault-codes'))),
  ]);
  // Lists carry no history: today's orders are read one by one for their steps' times.
  const today = await Promise.all(
    all
      .filter((o) => !FINISHED.includes(o.status) || (o.completed_at && companyDate(new Date(o.completed_at)) === date))
      .map(async (o) => (await optional(must(api.GET('/api/v1/workorders/{id}', { params: { path: { id: o.id } } })))) ?? o),
  );
  const past = all.filter((o) => FINISHED.includes(o.status) && o.status !== 'cancelled');
  // A finished visit's customer is no longer the technician's to read (the gateway answers
  // 404): the phone keeps the address it had, and forgets the contacts.
  const kept = await keptDay();
  const customers: Record<string, Customer | null> = {};
  const machines: Record<string, Machine | null> = {};
  for (const o of today.filter((x) => FINISHED.includes(x.status))) {
    const c = kept?.customers[o.id];
    customers[o.id] = c ? { ...c, contacts: [] } : null;
    machines[o.id] = kept?.machines[o.id] ?? null;
  }
  await Promise.all(
    today
      .filter((o) => !FINISHED.includes(o.status))
      .map(async (o) => {
        const ticket = await optional(must(api.GET('/api/v1/tickets/{id}', { params: { path: { id: o.ticket_id } } })));
        customers[o.id] = ticket?.customer_id ? await optional(must(api.GET('/api/v1/customers/{id}', { params: { path: { id: ticket.customer_id } } }))) : null;
        machines[o.id] = ticket?.machine_id ? await optional(must(api.GET('/api/v1/machines/{id}', { params: { path: { id: ticket.machine_id } } }))) : null;
      }),
  );
  // The first page of each machine's service history, for reading it offline; a page the
  // gateway no longer answers (the visit is over) is the one kept before.
  const histories: Record<string, MachineHistoryPage> = {};
  const machineIds = [...new Set(Object.values(machines).flatMap((m) => (m ? [m.id] : [])))];
  await Promise.all(
    machineIds.map(async (id) => {
      const page = await optional(fetchHistoryPage(id));
      const keptPage = kept?.histories?.[id];
      if (page) histories[id] = page;
      else if (keptPage) histories[id] = keptPage;
    }),
  );
  const van = technician?.van_location ?? null;
  const day: Day = {
    date,
    savedAt: new Date().toISOString(),
    technician,
    orders: today,
    past,
    plan,
    customers,
    machines,
    histories,
    parts: van ? parts.filter((p) => p.locations?.some((l) => l.location === van && l.on_hand > 0)) : [],
    faults: faults?.codes ?? kept?.faults ?? [],
  };
  await setKv(KEY, day).catch(() => undefined);
  return day;
}

/** The day kept on the phone, if any. */
export async function keptDay(): Promise<Day | null> {
  const d = await getKv<Day>(KEY).catch(() => undefined);
  return d ? { ...d, fromPhone: true } : null;
}

/** Reads the day from the API, or the phone's copy when there is no connection. */
export async function loadDay(me: Me): Promise<Day> {
  try {
    return await fetchDay(me);
  } catch (e) {
    if (e instanceof ApiProblem && e.status < 500) throw e;
    const kept = await keptDay();
    if (kept) return kept;
    throw e;
  }
}

/** Puts a work order the server answered into the phone's copy. */
export async function keepAnswered(w: WorkOrder): Promise<void> {
  const d = await getKv<Day>(KEY).catch(() => undefined);
  if (!d) return;
  d.orders = d.orders.map((o) => (o.id === w.id ? w : o));
  await setKv(KEY, d).catch(() => undefined);
}

/** Forgets the day kept on the phone (signing out). */
export async function forgetDay(): Promise<void> {
  await setKv(KEY, undefined).catch(() => undefined);
}
