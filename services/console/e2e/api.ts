// The public API as the specs seed and check it: the base URL of the server global-setup
// started, a call with a bearer token that throws on any refusal, polling until an
// asynchronous effect shows, the company's local day, and a ticket's work order assigned
// to a chosen technician.
import { readFileSync } from 'node:fs';
import { SERVER_FILE } from './global-setup';
import { within } from './time';

/** The running server's base URL. */
export function base(): string {
  return process.env.AFTERCARE_CONSOLE_URL ?? (JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as { base: string }).base;
}

/** `method path` under /api/v1 with the bearer token `auth`; throws with the answer on a refusal. */
export async function call<T = unknown>(auth: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(base() + '/api/v1' + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** `f`'s first truthy answer, asked every half second for up to a minute (times the time factor). */
export async function poll<T>(what: string, f: () => Promise<T | null | undefined>): Promise<T> {
  for (let i = 0; i < within(120); i++) {
    const v = await f();
    if (v) return v;
    await new Promise((s) => setTimeout(s, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The company's local day (Asia/Shanghai) `offsetDays` from the instant `at`, as `YYYY-MM-DD`. */
export const shanghaiDay = (offsetDays = 0, at = Date.now()): string => new Date(at + offsetDays * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** A work order as the seeding reads it. */
export interface SeededWorkOrder {
  id: string;
  number: string;
  status: string;
  version: number;
  technician_id: string | null;
}

/** The work order of ticket `ticketId`, assigned to `technicianId` (moved to them with `reason` when dispatch chose another). */
export async function assignedWorkOrder(admin: string, ticketId: string, technicianId: string, reason: string): Promise<SeededWorkOrder> {
  let wo = await poll('the work order', async () => (await call<{ items: SeededWorkOrder[] }>(admin, 'GET', `/workorders?ticket_id=${ticketId}`)).items[0]);
  if (wo.technician_id !== technicianId) {
    wo = await call<SeededWorkOrder>(admin, 'POST', `/workorders/${wo.id}/assign`, { technician_id: technicianId, reason }, { 'if-match': `"${wo.version}"` });
  }
  return poll('the assignment', async () => {
    const w = await call<SeededWorkOrder>(admin, 'GET', `/workorders/${wo.id}`);
    return w.status === 'assigned' && w.technician_id === technicianId ? w : null;
  });
}
