// One live stream per tab on `/api/v1/stream` (server-sent events). The browser's
// EventSource cannot send the Authorization header and tokens never go into URLs or
// cookies, so the stream is read with fetch; it speaks the same text/event-stream format
// and reconnects the same way (growing back-off, at once when the network returns).
// Each event invalidates the queries that show its object; workspaces register what
// they show with `onLiveEvent`.
import { accessToken, refresh } from '../auth/session';

/** A change as the gateway forwards it: ids and the event type, never personal data. */
export interface LiveEvent {
  type: string;
  ticket_id?: string;
  work_order_id?: string;
  callback_id?: string;
  /** The outbound call task concerned (`survey.call_task.*`). */
  task_id?: string;
  occurred_at: string;
}

/** Where the stream stands, shown in the header. */
export type LiveStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

type Handler = (e: LiveEvent) => void;
const handlers = new Set<Handler>();
const statusListeners = new Set<() => void>();
let status: LiveStatus = 'connecting';
let controller: AbortController | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;
let running = false;

/** Registers what to do with each event (usually: invalidate some queries). */
export function onLiveEvent(h: Handler): () => void {
  handlers.add(h);
  return () => handlers.delete(h);
}

/** The stream's state, for `useSyncExternalStore`. */
export function liveStatus(): LiveStatus {
  return status;
}

/** Subscribes to state changes. */
export function subscribeLive(l: () => void): () => void {
  statusListeners.add(l);
  return () => statusListeners.delete(l);
}

function setStatus(s: LiveStatus): void {
  if (s === status) return;
  status = s;
  for (const l of statusListeners) l();
}

/** Splits text/event-stream text into events; returns the unfinished rest. */
export function parseEvents(buffer: string, emit: (event: string, data: string) => void): string {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') emit(event, data.join('\n'));
  }
  return rest;
}

function scheduleReconnect(): void {
  if (!running) return;
  setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
  const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  attempt += 1;
  retryTimer = setTimeout(() => void connect(), delay);
}

async function connect(): Promise<void> {
  if (!running) return;
  const token = accessToken();
  if (!token) return;
  controller = new AbortController();
  const mine = controller;
  let ended = false;
  try {
    const r = await fetch('/api/v1/stream', {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: mine.signal,
      cache: 'no-store',
    });
    if (r.status === 401) {
      // The access token expired: a fresh one reconnects through start().
      await refresh();
      return;
    }
    if (!r.ok || !r.body) throw new Error(`stream answered ${r.status}`);
    const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer = parseEvents(buffer + value, (event, data) => {
        if (event === 'ready') {
          attempt = 0;
          setStatus('online');
        } else if (event === 'ended') {
          ended = true;
        } else if (event === 'lagged') {
          for (const h of handlers) h({ type: 'lagged', occurred_at: new Date().toISOString() });
        } else {
          try {
            const e = JSON.parse(data) as LiveEvent;
            for (const h of handlers) h(e);
          } catch {
            // Not an update: ignored.
          }
        }
      });
    }
  } catch {
    if (mine.signal.aborted) return;
  }
  if (mine.signal.aborted || !running) return;
  if (ended) {
    // The server ended the stream because the access ended; refreshing reconnects.
    setStatus('reconnecting');
    await refresh();
    return;
  }
  scheduleReconnect();
}

function online(): void {
  if (!running) return;
  if (retryTimer) clearTimeout(retryTimer);
  attempt = 0;
  void connect();
}

function offline(): void {
  setStatus('offline');
}

/** (Re)opens the stream with the current access token; one per tab. */
export function startLive(): void {
  stopLive();
  running = true;
  attempt = 0;
  setStatus('connecting');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  void connect();
}

/** Closes the stream (sign-out, expired session). */
export function stopLive(): void {
  running = false;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  controller?.abort();
  controller = null;
  window.removeEventListener('online', online);
  window.removeEventListener('offline', offline);
  setStatus('offline');
}
