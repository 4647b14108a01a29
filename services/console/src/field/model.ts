// The field app's rules, free of I/O: the day in planned order, the next step of a work
// order, the queue of actions taken on the phone (ordering, the If-Match each is sent
// with, what an answer does to it, whether a 412 means "already done" or a real conflict),
// the charge the receipt will show before the customer signs, and the map link.
import type { components, paths } from '../api/schema';

type S = components['schemas'];
/** A work order as the API sends it. */
export type WorkOrder = S['WorkOrder'];
/** A work order's state. */
export type WorkOrderStatus = S['WorkOrderStatus'];
/** A day plan as the API sends it. */
export type DayPlan = S['DayPlan'];
/** One stop of a technician's route. */
export type RouteStop = S['RouteStop'];
/** The body of a visit report (`POST /workorders/{id}/complete`). */
export type Completion = NonNullable<paths['/api/v1/workorders/{id}/complete']['post']['requestBody']>['content']['application/json'];
/** How a visit ended. */
export type VisitOutcome = S['VisitOutcome'];
/** A part with its stock per location. */
export type Part = S['Part'];

/** The technician's steps, in order; each is one tap. */
export const STEPS = ['accepted', 'en_route', 'on_site'] as const;
/** One of the technician's steps. */
export type Step = (typeof STEPS)[number];

/** The states after which a work order is finished for the technician. */
export const FINISHED: readonly WorkOrderStatus[] = ['completed', 'waiting_for_parts', 'taken_to_workshop', 'could_not_fix', 'cancelled'];

/** The outcomes a visit report offers, the usual one first. */
export const OUTCOMES: readonly VisitOutcome[] = ['completed', 'waiting_for_parts', 'taken_to_workshop', 'could_not_fix'];

/** A code on the company's fault list (故障代码), with its names and whether it is in use. */
export type FaultCode = S['FaultCode'];

/**
 * The fault codes a visit report offers, from the company's list (read with the day): the
 * ones in use, named in the app's language, in the list's order. A code a report taken
 * back still names is kept (named by its code if the list no longer has it), so the
 * technician sees what they chose and the server's refusal on it.
 */
export function faultOptions(list: readonly FaultCode[], lang: 'zh-CN' | 'en', chosen?: string | null): { value: string; label: string }[] {
  const name = (c: FaultCode) => (lang === 'en' ? c.label_en : c.label_zh);
  const out = list.filter((c) => c.active).map((c) => ({ value: c.code, label: name(c) }));
  if (chosen && !out.some((o) => o.value === chosen)) {
    const known = list.find((c) => c.code === chosen);
    out.push({ value: chosen, label: known ? name(known) : chosen });
  }
  return out;
}

/** The next step a work order in `status` takes, or null when none is left before the report. */
export function nextStep(status: WorkOrderStatus): Step | null {
  switch (status) {
    case 'assigned':
      return 'accepted';
    case 'accepted':
      return 'en_route';
    case 'en_route':
      return 'on_site';
    default:
      return null;
  }
}

/** Whether the visit report can be written: the technician is on site. */
export function mayReport(status: WorkOrderStatus): boolean {
  return status === 'on_site';
}

/** A stop of the day: the work order with where it sits in the published plan. */
export interface DayStop {
  order: WorkOrder;
  stop: RouteStop | null;
}

/**
 * The technician's day: the plan's stops in visiting order first, then work orders the plan
 * does not hold (assigned since it was published), by appointment, then by number.
 */
export function dayInOrder(orders: WorkOrder[], plan: DayPlan | null, technicianId: string | null): DayStop[] {
  const route = plan?.routes.find((r) => r.technician_id === technicianId) ?? plan?.routes[0];
  const byId = new Map(orders.map((o) => [o.id, o]));
  const planned: DayStop[] = [];
  const seen = new Set<string>();
  for (const stop of route?.stops ?? []) {
    const order = byId.get(stop.work_order_id);
    if (order && !seen.has(order.id)) {
      planned.push({ order, stop });
      seen.add(order.id);
    }
  }
  const rest = orders
    .filter((o) => !seen.has(o.id))
    .sort((a, b) => {
      const wa = a.appointment?.start ?? a.planned_arrival ?? '\uffff';
      const wb = b.appointment?.start ?? b.planned_arrival ?? '\uffff';
      return wa === wb ? a.number.localeCompare(b.number) : wa.localeCompare(wb);
    })
    .map((order) => ({ order, stop: null }));
  return [...planned, ...rest];
}

/** A link that opens the phone's map app at the visit: a `geo:` URI with the position and
 * the address as the query, or the address alone when the position is unknown. */
export function mapLink(address: string, location: { lat: number; lon: number } | null | undefined): string {
  const q = encodeURIComponent(address);
  if (location) return `geo:${location.lat},${location.lon}?q=${location.lat},${location.lon}(${q})`;
  return `geo:0,0?q=${q}`;
}

// ---------------------------------------------------------------------------------------
// The queue of actions taken on the phone.

/** What an action does: a step, the visit report, a file (a photo or the customer's
 * signature) uploaded before the report that refers to it, or an appointment window
 * agreed with the customer (a return visit). */
export type ActionKind = 'move' | 'complete' | 'upload' | 'book';

/** An appointment window, as the API takes it. */
export interface VisitWindow {
  start: string;
  end: string;
}

/** A file taken on the phone for the report: the bytes, and the Idempotency-Key its
 * upload is sent with (made when the file was taken, so a retry never stores it twice). */
export interface FileRef {
  key: string;
  blob: Blob;
}

/** The body of an upload action. */
export interface UploadBody {
  kind: 'photo' | 'signature';
  blob: Blob;
}

/** The files a queued report refers to, by their upload's key; the server's attachment
 * ids are put in when the report is sent. */
export interface ReportFiles {
  signature: string | null;
  photos: string[];
}

/** The most photos a report refers to (the API's limit). */
export const MAX_PHOTOS = 20;
/** The largest photo the server takes, in bytes. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** The largest signature the server takes, in bytes. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;

/** An action taken on the phone, kept in IndexedDB until the server has answered it. */
export interface QueuedAction {
  /** Its own Idempotency-Key; also its identity in the queue. */
  key: string;
  /** The account that took it: only that account's session sends it or sees it, so a
   * phone handed to another technician never sends the first one's work under the other's
   * name. */
  account: string;
  /** Order of taking (increasing on this phone). */
  seq: number;
  kind: ActionKind;
  workOrderId: string;
  workOrderNumber: string;
  /** The body sent (a move's `occurred_at` is the moment of the tap; an upload's file). */
  body: { to: Step; occurred_at: string } | Completion | UploadBody | { window: VisitWindow };
  /** A report's files, uploaded by the actions before it. */
  files?: ReportFiles;
  /**
   * The version it was based on: the server's version the phone had seen, or, when the
   * phone's view came from an earlier queued action (`after`), the version the server
   * answers that action with.
   */
  basedOn: { version: number; after: string | null };
  /** When the technician took it (ISO). */
  takenAt: string;
  /** `waiting` to be sent; `conflict` answered 412 with another change; `failed` refused
   * for another reason (kept, shown, not retried by itself); `blocked` behind one of
   * those on the same work order. */
  state: 'waiting' | 'conflict' | 'failed' | 'blocked';
  /** The work order as the server had it when it refused (a conflict). */
  theirs?: WorkOrder;
  /** Why it was refused (a failure). */
  problem?: { status: number; title?: string; detail?: string; errors?: { field: string; code: string; message: string }[] };
}

/** The queue in sending order. */
export function inOrder(actions: QueuedAction[]): QueuedAction[] {
  return [...actions].sort((a, b) => a.seq - b.seq);
}

/** The number shown on the badge: every step and report not yet accepted by the server
 * (a report's files go with it and are not counted apart). */
export function waitingCount(actions: QueuedAction[]): number {
  return actions.filter((a) => a.kind !== 'upload').length;
}

/** The If-Match version to send `a` with, given the versions the server answered earlier
 * actions with; null when it rests on an action not answered yet. */
export function ifMatchFor(a: QueuedAction, answered: ReadonlyMap<string, number>): number | null {
  if (a.kind === 'upload') return null;
  if (a.basedOn.after === null) return a.basedOn.version;
  return answered.get(a.basedOn.after) ?? null;
}

/** The next action to send: the first waiting one whose work order has nothing earlier in
 * conflict, failed or waiting. */
export function nextToSend(actions: QueuedAction[]): QueuedAction | null {
  const stuck = new Set<string>();
  for (const a of inOrder(actions)) {
    if (a.state !== 'waiting') {
      stuck.add(a.workOrderId);
      continue;
    }
    if (stuck.has(a.workOrderId)) continue;
    return a;
  }
  return null;
}

/** What a queued action leaves behind on the phone's view of its work order: the state it
 * moved to (shown at once, before the server answers). */
export function optimisticStatus(order: WorkOrder, actions: QueuedAction[]): WorkOrderStatus {
  let status = order.status;
  for (const a of inOrder(actions)) {
    if (a.workOrderId !== order.id) continue;
    if (a.kind === 'upload' || a.kind === 'book') continue;
    if (a.kind === 'move') status = (a.body as { to: Step }).to;
    else status = ((a.body as Completion).outcome ?? 'completed') as WorkOrderStatus;
  }
  return status;
}

/** The appointment the phone shows for a work order: the last window booked on the phone
 * and not yet sent, else the server's. */
export function optimisticAppointment(order: WorkOrder, actions: QueuedAction[]): VisitWindow | null {
  const booked = inOrder(actions).filter((a) => a.workOrderId === order.id && a.kind === 'book').pop();
  return booked ? (booked.body as { window: VisitWindow }).window : (order.appointment ?? null);
}

/** Whether an appointment can be booked for a work order in `status`: while the visit is
 * still to be made (dispatch refuses it afterwards). */
export function mayBook(status: WorkOrderStatus): boolean {
  return ['unassigned', 'assigned', 'accepted', 'en_route', 'on_site'].includes(status);
}

/** Problems with a window the technician agreed: it ends after it starts, lasts at most a
 * day, and does not end in the past (by `now`). */
export function windowProblem(w: VisitWindow, now: number): 'endBeforeStart' | 'tooLong' | 'past' | null {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  if (!(end > start)) return 'endBeforeStart';
  if (end - start > 24 * 3600_000) return 'tooLong';
  if (end <= now) return 'past';
  return null;
}

/** What the phone's view of a work order is based on for the next action: the server's
 * version, or the last step or report queued for it (an upload leaves the version as it
 * is). */
export function basisFor(order: WorkOrder, actions: QueuedAction[]): QueuedAction['basedOn'] {
  const last = inOrder(actions).filter((a) => a.workOrderId === order.id && a.kind !== 'upload').pop();
  return last ? { version: order.version, after: last.key } : { version: order.version, after: null };
}

/**
 * Whether a 412 means the action is already on the server (it was sent, the answer was
 * lost, and the retry found the version moved by itself): a move whose target state the
 * work order holds with a history entry at the action's time; a report whose visit has the
 * same start and finish. Anything else is a real conflict to show.
 */
export function alreadyApplied(a: QueuedAction, current: WorkOrder): boolean {
  if (a.kind === 'upload') return false;
  if (a.kind === 'book') {
    const w = (a.body as { window: VisitWindow }).window;
    const c = current.appointment;
    return !!c && Date.parse(c.start) === Date.parse(w.start) && Date.parse(c.end) === Date.parse(w.end);
  }
  if (a.kind === 'move') {
    const body = a.body as { to: Step; occurred_at: string };
    const at = Date.parse(body.occurred_at);
    return (current.history ?? []).some((m) => m.to === body.to && Math.abs(Date.parse(m.at) - at) < 1000);
  }
  const body = a.body as Completion;
  const v = current.visit;
  return !!v && Date.parse(v.started_at) === Date.parse(body.started_at) && Date.parse(v.finished_at) === Date.parse(body.finished_at);
}

/** What to do with an action after the server answered `status`. */
export type Verdict = 'done' | 'conflict' | 'failed' | 'retry_later' | 'refresh_session';

/** The verdict on an answer (0: no answer, the network failed). A 412 is resolved by
 * `alreadyApplied` once the current work order has been read. */
export function verdict(status: number): Verdict {
  if (status >= 200 && status < 300) return 'done';
  if (status === 0 || status >= 500 || status === 429 || status === 408) return 'retry_later';
  if (status === 401) return 'refresh_session';
  if (status === 412) return 'conflict';
  return 'failed';
}

/** The queue after `a` was refused: it keeps its state and problem, and every later action
 * on the same work order waits behind it (blocked). */
export function settleRefused(actions: QueuedAction[], a: QueuedAction, state: 'conflict' | 'failed'): QueuedAction[] {
  return actions.map((x) => {
    if (x.key === a.key) return { ...a, state };
    if (x.workOrderId === a.workOrderId && x.seq > a.seq && x.state === 'waiting') return { ...x, state: 'blocked' };
    return x;
  });
}

/** The queue after the technician chose, for a conflict or failure: `discard` drops it and
 * every action after it on the work order; `again` sends it once more on the current
 * version (`theirs`), and the blocked ones after it wait again. */
export function resolve(actions: QueuedAction[], key: string, choice: 'discard' | 'again'): QueuedAction[] {
  const a = actions.find((x) => x.key === key);
  if (!a) return actions;
  if (choice === 'discard') return actions.filter((x) => !(x.workOrderId === a.workOrderId && x.seq >= a.seq));
  const version = a.theirs?.version ?? a.basedOn.version;
  return actions.map((x) => {
    if (x.key === key) {
      const { theirs: _t, problem: _p, ...rest } = x;
      return { ...rest, state: 'waiting' as const, basedOn: { version, after: null } };
    }
    if (x.workOrderId === a.workOrderId && x.state === 'blocked') return { ...x, state: 'waiting' as const };
    return x;
  });
}

// ---------------------------------------------------------------------------------------
// The charge shown before the customer signs.

/** Van stock on hand of one part: what the van location holds and may be used. */
export function vanAvailable(part: Pick<Part, 'locations'>, van: string | null | undefined): number {
  if (!van) return 0;
  return part.locations?.find((l) => l.location === van)?.available ?? 0;
}

/** Problems with the parts used against the van's stock, by line index: more than the van
 * holds. */
export function overVanStock(used: { sku: string; quantity: number }[], available: (sku: string) => number): number[] {
  const want = new Map<string, number>();
  const bad: number[] = [];
  used.forEach((u, i) => {
    const total = (want.get(u.sku) ?? 0) + (u.quantity || 0);
    want.set(u.sku, total);
    if (u.sku && total > available(u.sku)) bad.push(i);
  });
  return bad;
}

/** Where a problem's field (the report body's JSON path, split) lands in the report form,
 * which names its fields like the body except the cash (`payment_collected`), the
 * signature's parts (`signature.signer`, the drawing) and the photos
 * (`photo_attachment_ids`). */
export function reportFieldPath(path: (string | number)[]): (string | number)[] {
  const [head, ...rest] = path;
  if (head === 'payment_collected') return ['cash'];
  if (head === 'photo_attachment_ids') return ['photos'];
  if (head === 'signature') return rest[0] === 'signer' ? ['signer'] : ['signature'];
  return path;
}

/** The actions `account` took: what its session sends and shows (another account's stay
 * kept on the phone, untouched, until that account signs in again). */
export function ownedBy(queue: QueuedAction[], account: string | undefined): QueuedAction[] {
  return account ? queue.filter((a) => a.account === account) : [];
}

/**
 * The report's body as sent: the signature's and photos' attachment ids put in from the
 * uploads the server answered (by upload key). Null when one of its files has no answer
 * yet (its upload was discarded or is not kept), so the report is not sent without it.
 */
export function reportBody(a: QueuedAction, uploaded: ReadonlyMap<string, string>): Completion | null {
  const body = a.body as Completion;
  if (!a.files) return body;
  const signature = a.files.signature === null ? null : uploaded.get(a.files.signature);
  const photos = a.files.photos.map((k) => uploaded.get(k));
  if (signature === undefined || photos.some((p) => p === undefined)) return null;
  return {
    ...body,
    signature: body.signature ? { ...body.signature, image_png_base64: null, attachment_id: signature } : null,
    photo_attachment_ids: photos as string[],
  };
}

/** The upload actions a report's files need: one per file whose upload the server has not
 * answered yet (a report sent again after a refusal re-uses the files already stored). */
export function uploadsFor(files: { signature: FileRef | null; photos: FileRef[] }, uploaded: ReadonlySet<string>): { kind: UploadBody['kind']; file: FileRef }[] {
  const out: { kind: UploadBody['kind']; file: FileRef }[] = [];
  if (files.signature && !uploaded.has(files.signature.key)) out.push({ kind: 'signature', file: files.signature });
  for (const p of files.photos) if (!uploaded.has(p.key)) out.push({ kind: 'photo', file: p });
  return out;
}

/** Where an upload's refusal lands in the report form. */
export function uploadFieldOf(a: QueuedAction): 'signature' | 'photos' {
  return (a.body as UploadBody).kind === 'signature' ? 'signature' : 'photos';
}
