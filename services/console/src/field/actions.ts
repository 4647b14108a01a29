// Taking an action on the phone: it goes into the IndexedDB queue first (with its own
// Idempotency-Key, the If-Match basis and the moment of the tap) and is sent from there,
// at once when online, later otherwise. Hooks for the queue and the connection.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { basisFor, inOrder, ownedBy, resolve, type Completion, type QueuedAction, type Step, type WorkOrder } from './model';
import { enqueue, getKv, onQueueChange, readQueue, setKv, writeQueue } from './store';
import { replay } from './sync';
import { keptDay } from './data';
import { snapshot as session } from '../auth/session';

/** The signed-in account, whose actions and drafts these are. */
function account(): string {
  const id = session().me?.account_id;
  if (!id) throw new Error('not signed in');
  return id;
}

let seqBase = 0;
function nextSeq(queue: QueuedAction[]): number {
  // Monotonic on this phone even when the clock steps back: past the largest queued.
  const max = queue.reduce((m, a) => Math.max(m, a.seq), 0);
  seqBase = Math.max(seqBase + 1, max + 1, Date.now());
  return seqBase;
}

async function take(shown: WorkOrder, kind: QueuedAction['kind'], body: QueuedAction['body']): Promise<QueuedAction> {
  // The phone's copy may be newer than what is on the screen (an answer just came in).
  const kept = (await keptDay())?.orders.find((o) => o.id === shown.id);
  const order = kept && kept.version > shown.version ? kept : shown;
  const queue = await readQueue();
  const mine = ownedBy(queue, account()).filter((a) => a.workOrderId === order.id);
  const a: QueuedAction = {
    key: crypto.randomUUID(),
    account: account(),
    seq: nextSeq(queue),
    kind,
    workOrderId: order.id,
    workOrderNumber: order.number,
    body,
    basedOn: basisFor(order, mine),
    takenAt: new Date().toISOString(),
    state: mine.some((x) => x.state === 'conflict' || x.state === 'failed' || x.state === 'blocked') ? 'blocked' : 'waiting',
  };
  await enqueue(a);
  void replay();
  return a;
}

/** A step (accept, leave, arrive), stamped with the phone's time of the tap. */
export function takeStep(order: WorkOrder, to: Step): Promise<QueuedAction> {
  return take(order, 'move', { to, occurred_at: new Date().toISOString() });
}

/** The visit report. */
export function submitReport(order: WorkOrder, body: Completion): Promise<QueuedAction> {
  return take(order, 'complete', body);
}

/** The technician's choice on a conflict or a refusal. */
export async function decide(key: string, choice: 'discard' | 'again'): Promise<void> {
  await writeQueue(resolve(await readQueue(), key, choice));
  if (choice === 'again') void replay();
}

/** The queue in sending order, kept current (this tab's and other tabs' changes). */
export function useQueue(): QueuedAction[] {
  const [q, setQ] = useState<QueuedAction[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readQueue()
        .then((x) => live && setQ(inOrder(ownedBy(x, session().me?.account_id))))
        .catch(() => undefined);
    read();
    const off = onQueueChange(read);
    return () => {
      live = false;
      off();
    };
  }, []);
  return q;
}

function subscribeOnline(l: () => void): () => void {
  window.addEventListener('online', l);
  window.addEventListener('offline', l);
  return () => {
    window.removeEventListener('online', l);
    window.removeEventListener('offline', l);
  };
}

/** Whether the browser has a connection. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine !== false);
}

/** A refused report taken back into its form: the body sent and the server's problem. */
export interface Draft {
  body: Completion;
  errors: { field: string; code: string; message: string }[];
}

/** Takes a refused report out of the queue and keeps it as the work order's draft, so the
 * form opens again with everything typed and each problem on its field. */
export async function reopenReport(a: QueuedAction): Promise<void> {
  const draft: Draft = { body: a.body as Completion, errors: a.problem?.errors ?? [] };
  await setKv(`draft:${a.account}:${a.workOrderId}`, draft);
  await writeQueue(resolve(await readQueue(), a.key, 'discard'));
}

/** The draft of a work order's report, if one was taken back. */
export function readDraft(workOrderId: string): Promise<Draft | undefined> {
  return Promise.resolve()
    .then(() => getKv<Draft>(`draft:${account()}:${workOrderId}`))
    .catch(() => undefined);
}

/** Forgets the draft once the report is queued again. */
export function dropDraft(workOrderId: string): Promise<void> {
  return Promise.resolve()
    .then(() => setKv(`draft:${account()}:${workOrderId}`, undefined))
    .catch(() => undefined);
}
