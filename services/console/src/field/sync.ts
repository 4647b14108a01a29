// Sends the actions queued on the phone, in order, when there is a connection: each with its
// own Idempotency-Key and the If-Match version it was based on; an action leaves the queue
// only once the server accepted it (or a 412 shows it was already applied), so nothing is
// sent twice and nothing is lost. A real conflict or a refusal stays in the queue, shown to
// the technician with both versions, and holds back the later actions on that work order.
// One tab replays at a time (Web Locks), and the day's data is read again afterwards.
import { accessToken, refresh, snapshot as session } from '../auth/session';
import { alreadyApplied, ifMatchFor, nextToSend, ownedBy, reportBody, settleRefused, verdict, type QueuedAction, type UploadBody, type WorkOrder } from './model';
import { dequeue, getKv, readQueue, setKv, writeQueue } from './store';

/** The versions the server answered accepted actions with, by action key (kept in
 * IndexedDB, so an action resting on an earlier one is sent right after a restart). */
const ANSWERED = 'answered';

/** The attachment ids the server answered the uploads with, by upload key (kept in
 * IndexedDB, so a report sent after a restart names the files stored before it). */
const UPLOADED = 'uploaded';

/** The uploads answered so far, by upload key. */
export async function uploadedFiles(): Promise<Map<string, string>> {
  return new Map(Object.entries((await getKv<Record<string, string>>(UPLOADED)) ?? {}));
}

/** Sends one file as its raw bytes with its own Idempotency-Key. */
async function upload(a: QueuedAction): Promise<{ status: number; json: unknown }> {
  const b = a.body as UploadBody;
  const send = () => {
    const token = accessToken();
    return fetch(`/api/v1/workorders/${a.workOrderId}/attachments?kind=${b.kind}`, {
      method: 'POST',
      headers: { 'content-type': b.blob.type, 'Idempotency-Key': a.key, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: b.blob,
    });
  };
  let r: Response;
  try {
    r = await send();
    if (r.status === 401 && (await refresh())) r = await send();
  } catch {
    return { status: 0, json: null };
  }
  const json: unknown = await r.json().catch(() => null);
  return { status: r.status, json };
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; etag: string | null }> {
  const send = async () => {
    const token = accessToken();
    return fetch('/api/v1' + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  let r: Response;
  try {
    r = await send();
    if (r.status === 401 && (await refresh())) r = await send();
  } catch {
    return { status: 0, json: null, etag: null };
  }
  const text = await r.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, json, etag: r.headers.get('etag') };
}

function pathOf(a: QueuedAction): string {
  return `/workorders/${a.workOrderId}/${a.kind === 'move' ? 'transitions' : a.kind === 'book' ? 'appointment' : 'complete'}`;
}

/** Called with each work order the server answered, to refresh the phone's copy (before
 * the action leaves the queue, so a step taken meanwhile rests on the new version). */
let onAnswered: (w: WorkOrder) => Promise<void> | void = () => {};

/** Sets what is done with a work order the server answered during a replay. */
export function whenAnswered(f: (w: WorkOrder) => Promise<void> | void): void {
  onAnswered = f;
}

let running: Promise<void> | null = null;

/**
 * Sends what waits, in order, until the queue is empty, the network fails, or everything
 * left waits on the technician. Safe to call at any time; calls overlap into one run.
 */
export function replay(): Promise<void> {
  if (running) return running;
  const run = async () => {
    if (typeof navigator !== 'undefined' && navigator.locks) {
      await navigator.locks.request('aftercare-field-replay', () => replayHere());
    } else {
      await replayHere();
    }
  };
  running = run().finally(() => {
    running = null;
  });
  return running;
}

async function replayHere(): Promise<void> {
  for (let guard = 0; guard < 500; guard++) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    if (session().status !== 'signedIn') return;
    if (!accessToken() && !(await refresh())) return;
    const queue = ownedBy(await readQueue(), session().me?.account_id);
    const a = nextToSend(queue);
    if (!a) return;
    if (a.kind === 'upload') {
      const r = await upload(a);
      const v = verdict(r.status);
      if (v === 'retry_later' || v === 'refresh_session') return;
      if (v === 'done') {
        const uploaded = (await getKv<Record<string, string>>(UPLOADED)) ?? {};
        uploaded[a.key] = (r.json as { id: string }).id;
        // Keep the last 500 files' answers: more than a day's reports refer to.
        const keys = Object.keys(uploaded);
        for (const k of keys.slice(0, Math.max(0, keys.length - 500))) delete uploaded[k];
        await setKv(UPLOADED, uploaded);
        await dequeue(a.key);
        continue;
      }
      const p = (r.json ?? {}) as { title?: string; detail?: string; errors?: { field: string; code: string; message: string }[] };
      await writeQueue(settleRefused(await readQueue(), { ...a, problem: { status: r.status, title: p.title, detail: p.detail, errors: p.errors } }, 'failed'));
      continue;
    }
    const answered = new Map(Object.entries((await getKv<Record<string, number>>(ANSWERED)) ?? {}));
    const version = ifMatchFor(a, answered);
    if (version === null) {
      // It rests on an action whose answer this phone never kept: send it on the version
      // the phone knew, and let a 412 tell.
      a.basedOn = { version: a.basedOn.version, after: null };
    }
    const body = a.kind === 'complete' ? reportBody(a, await uploadedFiles()) : a.body;
    if (body === null) {
      // A file it names was never stored (its upload was discarded): refused here, so the
      // technician takes the report back and sends it with the files as they are.
      await writeQueue(
        settleRefused(await readQueue(), { ...a, problem: { status: 0, errors: [{ field: 'photo_attachment_ids', code: 'not_uploaded', message: '' }] } }, 'failed'),
      );
      continue;
    }
    const r = await call('POST', pathOf(a), body, {
      'If-Match': `"${version ?? a.basedOn.version}"`,
      'Idempotency-Key': a.key,
    });
    const v = verdict(r.status);
    if (v === 'retry_later' || v === 'refresh_session') return;
    if (v === 'done') {
      await accepted(a, r.json as WorkOrder);
      continue;
    }
    if (v === 'conflict') {
      const cur = await call('GET', `/workorders/${a.workOrderId}`);
      if (cur.status === 0 || cur.status >= 500) return;
      const theirs = cur.json as WorkOrder;
      if (cur.status === 200 && alreadyApplied(a, theirs)) {
        await accepted(a, theirs);
        continue;
      }
      // Read again: actions taken while this one was on its way must not be lost.
      await writeQueue(settleRefused(await readQueue(), { ...a, ...(cur.status === 200 ? { theirs } : {}) }, 'conflict'));
      if (cur.status === 200) await onAnswered(theirs);
      continue;
    }
    const p = (r.json ?? {}) as { title?: string; detail?: string; errors?: { field: string; code: string; message: string }[] };
    await writeQueue(settleRefused(await readQueue(), { ...a, problem: { status: r.status, title: p.title, detail: p.detail, errors: p.errors } }, 'failed'));
  }
}

async function accepted(a: QueuedAction, w: WorkOrder): Promise<void> {
  const answered = (await getKv<Record<string, number>>(ANSWERED)) ?? {};
  answered[a.key] = w.version;
  // Keep the answers of the last 200 actions: enough for any day's chain.
  const keys = Object.keys(answered);
  for (const k of keys.slice(0, Math.max(0, keys.length - 200))) delete answered[k];
  await setKv(ANSWERED, answered);
  await onAnswered(w);
  await dequeue(a.key);
}

let started = false;

/** Replays at start, whenever the browser comes back online, and every 30 s while online. */
export function startSync(onReconnect: () => void): () => void {
  if (started) return () => {};
  started = true;
  const online = () => {
    void replay().then(onReconnect);
  };
  window.addEventListener('online', online);
  const timer = setInterval(() => {
    if (navigator.onLine !== false) void replay();
  }, 30_000);
  void replay();
  return () => {
    started = false;
    window.removeEventListener('online', online);
    clearInterval(timer);
  };
}
