// The field app's IndexedDB: the queue of actions taken on the phone, the day's data read
// at sign-in and on every reconnect (work orders, their customers and machines, the van's
// stock), and the technician's session (see auth/session.ts). It survives closing the
// browser and restarting the phone; signing out clears it.
import type { QueuedAction } from './model';

const DB = 'aftercare-field';
const VERSION = 1;

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const r = indexedDB.open(DB, VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
    };
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

let dbp: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  dbp ??= open();
  return dbp;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error);
  });
}

/** Every queued action (any order; `inOrder` sorts). */
export async function readQueue(): Promise<QueuedAction[]> {
  const tx = (await db()).transaction('queue', 'readonly');
  return done(tx.objectStore('queue').getAll() as IDBRequest<QueuedAction[]>);
}

/** Replaces the queue with `actions` in one transaction (so a crash leaves the old or the new). */
export async function writeQueue(actions: QueuedAction[]): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  const s = tx.objectStore('queue');
  s.clear();
  for (const a of actions) s.put(a);
  await finished(tx);
  announce();
}

/** Adds actions in one transaction (a report and the uploads of its files are queued
 * together or not at all). The files are kept as Blobs, so they survive a restart. */
export async function enqueue(...actions: QueuedAction[]): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  for (const a of actions) tx.objectStore('queue').put(a);
  await finished(tx);
  announce();
}

/** Removes one action (the server accepted it). */
export async function dequeue(key: string): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  tx.objectStore('queue').delete(key);
  await finished(tx);
  announce();
}

/** A value kept under `key` (the day's snapshot, the session). */
export async function getKv<T>(key: string): Promise<T | undefined> {
  const tx = (await db()).transaction('kv', 'readonly');
  return done(tx.objectStore('kv').get(key) as IDBRequest<T | undefined>);
}

/** Keeps `value` under `key` (undefined: removes it). */
export async function setKv(key: string, value: unknown): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  if (value === undefined) tx.objectStore('kv').delete(key);
  else tx.objectStore('kv').put(value, key);
  await finished(tx);
}

/** Forgets everything kept on this phone (signing out). */
export async function clearAll(): Promise<void> {
  const tx = (await db()).transaction(['queue', 'kv'], 'readwrite');
  tx.objectStore('queue').clear();
  tx.objectStore('kv').clear();
  await finished(tx);
  announce();
}

// Other tabs and this one hear about queue changes.
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('aftercare-field-queue');
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

function announce(): void {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

/** Calls `l` whenever the queue changes, here or in another tab. */
export function onQueueChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
