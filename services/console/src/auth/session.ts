// The signed-in session. Tokens live only in this module's memory (never in web storage):
// a reload asks to sign in again, except for a technician's phone, whose field app keeps the
// refresh token in IndexedDB (a `SessionKeeper`) so the day survives being offline and the
// phone restarting (docs/SECURITY.md). The access token is refreshed before it expires with
// the single-use refresh token (rotation); when refreshing fails the session is marked
// expired and the console shows the sign-in form over the page, so nothing typed is lost.
import type { components } from '../api/schema';

/** Who is signed in (`GET /api/v1/me`). */
export type Me = components['schemas']['Me'];
type TokenPair = components['schemas']['TokenPair'];

/** Where the session stands. */
export type SessionStatus = 'signedOut' | 'signedIn' | 'expired';

interface State {
  status: SessionStatus;
  me: Me | null;
  /** Bumped on every new access token (the live stream reconnects with it). */
  generation: number;
}

let access: string | null = null;
let refreshToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let inflight: Promise<boolean> | null = null;
let state: State = { status: 'signedOut', me: null, generation: 0 };
const listeners = new Set<() => void>();

/** Where a technician's phone keeps its session between launches (the field app's
 * IndexedDB): the current refresh token and who it belongs to. */
export interface SessionKeeper {
  load(): Promise<{ refreshToken: string; me: Me } | undefined>;
  save(kept: { refreshToken: string; me: Me } | undefined): Promise<void>;
}

let keeper: SessionKeeper | null = null;

/** Keeps technicians' sessions with `k` (other roles' tokens stay in memory only). */
export function keepSessionsWith(k: SessionKeeper): void {
  keeper = k;
}

async function persist(): Promise<void> {
  if (!keeper || !refreshToken || state.me?.role !== 'technician') return;
  await keeper.save({ refreshToken, me: state.me }).catch(() => undefined);
}

function forget(): void {
  void keeper?.save(undefined).catch(() => undefined);
}

/**
 * Resumes a technician's session kept on this phone: signed in at once as the account kept
 * (the field app works offline from its own data), with a new access token fetched from the
 * kept refresh token as soon as there is a connection.
 */
export async function resume(): Promise<void> {
  const kept = await keeper?.load().catch(() => undefined);
  if (!kept || state.status !== 'signedOut') return;
  refreshToken = kept.refreshToken;
  set({ status: 'signedIn', me: kept.me, generation: state.generation + 1 });
  if (typeof navigator === 'undefined' || navigator.onLine !== false) await refresh();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => {
      if (!access && state.status === 'signedIn') void refresh();
    });
  }
}

function set(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Subscribes to session changes (for `useSyncExternalStore`). */
export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current session. */
export function snapshot(): State {
  return state;
}

/** The access token for the next request, if any. */
export function accessToken(): string | null {
  return access;
}

function keep(tokens: TokenPair): void {
  access = tokens.access_token;
  refreshToken = tokens.refresh_token;
  if (refreshTimer) clearTimeout(refreshTimer);
  // Refresh when four fifths of the lifetime have passed.
  const ms = Math.max(5, tokens.expires_in * 0.8) * 1000;
  refreshTimer = setTimeout(() => void refresh(), ms);
}

async function post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; data: T | null }> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, data: text ? (JSON.parse(text) as T) : null };
}

/** `/me`, or why it was refused (`password_change_required` for a one-time password). */
async function fetchMe(): Promise<Me | string> {
  const r = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${access ?? ''}` } });
  if (r.ok) return (await r.json()) as Me;
  const p = (await r.json().catch(() => ({}))) as { code?: string };
  return p.code ?? 'http_' + r.status;
}

async function established(): Promise<{ ok: boolean; status: number; switched: boolean; mustChange?: boolean }> {
  const me = await fetchMe();
  if (me === 'password_change_required') return { ok: false, status: 403, switched: false, mustChange: true };
  if (typeof me === 'string') return { ok: false, status: 401, switched: false };
  const switched = state.me !== null && state.me.account_id !== me.account_id;
  set({ status: 'signedIn', me, generation: state.generation + 1 });
  await persist();
  return { ok: true, status: 200, switched };
}

/**
 * Signs in. Returns the problem status on failure. When the session had expired and the
 * same account signs in again, the page and its forms stay as they were; another account
 * starts afresh (`switched`).
 */
export async function signIn(
  login: string,
  password: string,
): Promise<{ ok: boolean; status: number; switched: boolean; mustChange?: boolean }> {
  const r = await post<TokenPair>('/api/v1/auth/token', { login, password });
  if (r.status !== 200 || !r.data) return { ok: false, status: r.status, switched: false };
  keep(r.data);
  return established();
}

/**
 * Changes the password of the account just signed in (required first for an account
 * created with a one-time password); the answer carries new tokens.
 */
export async function changePassword(
  current: string,
  next: string,
): Promise<{ ok: boolean; status: number; switched: boolean; problem?: { detail?: string; errors?: { field: string; message: string }[] } }> {
  const r = await post<TokenPair & { detail?: string; errors?: { field: string; message: string }[] }>(
    '/api/v1/me/password',
    { current_password: current, new_password: next },
    access ?? undefined,
  );
  if (r.status !== 200 || !r.data) return { ok: false, status: r.status, switched: false, ...(r.data ? { problem: r.data } : {}) };
  keep(r.data);
  return established();
}

/** One exchange of the refresh token: true, false when refused, `offline` when the
 * network or the server failed (the session stays; it is tried again later). A kept session reads the
 * token kept on the phone first, as another tab may have rotated it. */
async function exchange(): Promise<boolean | 'offline'> {
  if (keeper && state.me?.role === 'technician') {
    const kept = await keeper.load().catch(() => undefined);
    if (kept?.refreshToken) refreshToken = kept.refreshToken;
  }
  if (!refreshToken) return false;
  let r: { status: number; data: TokenPair | null };
  try {
    r = await post<TokenPair>('/api/v1/auth/refresh', { refresh_token: refreshToken });
  } catch {
    return 'offline';
  }
  // Only a refusal of the token ends the session; a server that is restarting, busy or
  // behind a failing proxy (408, 429, 5xx) is tried again like a network failure.
  if (r.status === 408 || r.status === 429 || r.status >= 500) return 'offline';
  if (r.status !== 200 || !r.data) return false;
  keep(r.data);
  await persist();
  set({ generation: state.generation + 1 });
  return true;
}

/**
 * Exchanges the refresh token for a new pair (one at a time, across tabs). When it is
 * refused the session is expired: the sign-in form opens over the page. When the network
 * fails the session stays and the exchange is tried again in 30 s.
 */
export function refresh(): Promise<boolean> {
  if (inflight) return inflight;
  inflight = (async () => {
    try {
      const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
      const r = locks ? await locks.request('aftercare-refresh', exchange) : await exchange();
      if (r === 'offline') {
        if (refreshTimer) clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void refresh(), 30_000);
        return false;
      }
      if (!r) expire();
      return r;
    } catch {
      expire();
      return false;
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** Marks the session expired (the server refused its tokens). */
export function expire(): void {
  access = null;
  refreshToken = null;
  if (refreshTimer) clearTimeout(refreshTimer);
  forget();
  if (state.status === 'signedIn') set({ status: 'expired' });
}

/** Signs out: revokes the refresh token's family and ends the live stream. */
export async function signOut(): Promise<void> {
  const token = access;
  const rt = refreshToken;
  access = null;
  refreshToken = null;
  if (refreshTimer) clearTimeout(refreshTimer);
  forget();
  set({ status: 'signedOut', me: null, generation: state.generation + 1 });
  if (token) {
    try {
      await post('/api/v1/auth/logout', { refresh_token: rt }, token);
    } catch {
      // Offline: the tokens expire on their own.
    }
  }
}
