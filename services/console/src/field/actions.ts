// Taking an action on the phone: it goes into the IndexedDB queue first (with its own
// Idempotency-Key, the If-Match basis and the moment of the tap) and is sent from there,
// at once when online, later otherwise. Hooks for the queue and the connection.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { basisFor, inOrder, ownedBy, resolve, uploadFieldOf, uploadsFor, type Completion, type FileRef, type QueuedAction, type Step, type VisitWindow, type WorkOrder } from './model';
import { enqueue, getKv, onQueueChange, readQueue, setKv, writeQueue } from './store';
import { replay, uploadedFiles } from './sync';
import { keptDay } from './data';
import { accessToken, snapshot as session } from '../auth/session';

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

async function take(shown: WorkOrder, kind: 'move' | 'complete' | 'book', body: QueuedAction['body'], files?: { signature: FileRef | null; photos: FileRef[] }): Promise<QueuedAction> {
  // The phone's copy may be newer than what is on the screen (an answer just came in).
  const kept = (await keptDay())?.orders.find((o) => o.id === shown.id);
  const order = kept && kept.version > shown.version ? kept : shown;
  const queue = await readQueue();
  const mine = ownedBy(queue, account()).filter((a) => a.workOrderId === order.id);
  const state = mine.some((x) => x.state === 'conflict' || x.state === 'failed' || x.state === 'blocked') ? 'blocked' : 'waiting';
  const takenAt = new Date().toISOString();
  // A report's files go first, each its own upload with the key made when it was taken;
  // the report follows them and names them once the server has answered.
  const uploaded = new Set((await uploadedFiles()).keys());
  const uploads: QueuedAction[] = [];
  let seq = nextSeq(queue);
  for (const u of files ? uploadsFor(files, uploaded) : []) {
    uploads.push({
      key: u.file.key,
      account: account(),
      seq,
      kind: 'upload',
      workOrderId: order.id,
      workOrderNumber: order.number,
      body: { kind: u.kind, blob: u.file.blob },
      basedOn: { version: order.version, after: null },
      takenAt,
      state,
    });
    seq = nextSeq([...queue, ...uploads]);
  }
  const a: QueuedAction = {
    key: crypto.randomUUID(),
    account: account(),
    seq,
    kind,
    workOrderId: order.id,
    workOrderNumber: order.number,
    body,
    ...(files ? { files: { signature: files.signature?.key ?? null, photos: files.photos.map((p) => p.key) } } : {}),
    basedOn: basisFor(order, mine),
    takenAt,
    state,
  };
  await enqueue(...uploads, a);
  void replay();
  return a;
}

/** A step (accept, leave, arrive), stamped with the phone's time of the tap. */
export function takeStep(order: WorkOrder, to: Step): Promise<QueuedAction> {
  return take(order, 'move', { to, occurred_at: new Date().toISOString() });
}

/** An appointment window agreed with the customer (a return visit, or a time agreed on
 * the phone) for one of the technician's own work orders. */
export function bookVisit(order: WorkOrder, window: VisitWindow): Promise<QueuedAction> {
  return take(order, 'book', { window });
}

/** The visit report, with the customer's signature and the photos as files uploaded
 * before it. */
export function submitReport(order: WorkOrder, body: Completion, files: { signature: FileRef | null; photos: FileRef[] }): Promise<QueuedAction> {
  return take(order, 'complete', body, files);
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

/** A refused report taken back into its form: the body sent, its files and the server's
 * problem. */
export interface Draft {
  body: Completion;
  files?: { signature: FileRef | null; photos: FileRef[] };
  errors: { field: string; code: string; message: string }[];
}

/**
 * Takes a refused report, or the report behind a refused file, out of the queue and keeps
 * it as the work order's draft with its files, so the form opens again with everything
 * typed and drawn and each problem on its field (a refused file's on the signature or the
 * photos).
 */
export async function reopenReport(a: QueuedAction): Promise<void> {
  const queue = inOrder(await readQueue());
  const report = a.kind === 'complete' ? a : queue.find((x) => x.kind === 'complete' && x.workOrderId === a.workOrderId && x.account === a.account && x.seq > a.seq);
  if (!report) return;
  const blobs = new Map(queue.filter((x) => x.kind === 'upload' && x.workOrderId === a.workOrderId).map((x) => [x.key, (x.body as { blob: Blob }).blob]));
  const uploaded = await uploadedFiles();
  // A file still queued keeps its bytes; one already stored is read back from the server
  // (its key is kept, so it is not uploaded again); a refused one is left out, its problem
  // shown on its field.
  const ref = async (key: string, type: string): Promise<FileRef | null> => {
    if (a.kind === 'upload' && key === a.key) return null;
    const blob = blobs.get(key);
    if (blob) return { key, blob };
    const id = uploaded.get(key);
    return { key, blob: (id && (await storedFile(id))) || new Blob([], { type }) };
  };
  const files = report.files
    ? {
        signature: report.files.signature ? await ref(report.files.signature, 'image/png') : null,
        photos: (await Promise.all(report.files.photos.map((k) => ref(k, 'image/jpeg')))).filter((f): f is FileRef => !!f),
      }
    : undefined;
  const errors =
    a.kind === 'upload'
      ? (a.problem?.errors?.length ? a.problem.errors : [{ field: uploadFieldOf(a), code: 'refused', message: a.problem?.detail ?? a.problem?.title ?? '' }]).map((e) => ({ ...e, field: uploadFieldOf(a) === 'signature' ? 'signature' : 'photo_attachment_ids' }))
      : (a.problem?.errors ?? []);
  const draft: Draft = { body: report.body as Completion, files, errors };
  await setKv(`draft:${a.account}:${a.workOrderId}`, draft);
  await writeQueue(resolve(await readQueue(), a.key, 'discard'));
}

/** An attachment's bytes from the server, or null without a connection. */
async function storedFile(id: string): Promise<Blob | null> {
  try {
    const token = accessToken();
    const r = await fetch(`/api/v1/attachments/${id}/content`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return r.ok ? await r.blob() : null;
  } catch {
    return null;
  }
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
