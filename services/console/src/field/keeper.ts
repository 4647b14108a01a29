/// <reference types="vite/client" />
// Where a technician's phone keeps its session between launches: the refresh token and who
// it belongs to, in the field app's IndexedDB (never localStorage or a cookie). Signing out
// or an expired session removes it, with the day's data kept for offline use; the actions
// still waiting stay, as they are the technician's work. The refresh token is revoked like
// any other: signing out everywhere, a password change or the administrator disabling the
// account ends it (docs/SECURITY.md).
import type { SessionKeeper } from '../auth/session';
import { getKv, setKv } from './store';

/** The field app's session keeper. */
export const fieldSessionKeeper: SessionKeeper = {
  load: () => getKv('session'),
  save: async (kept) => {
    await setKv('session', kept);
    if (!kept) await setKv('day', undefined);
  },
};

/** Registers the service worker (the app shell offline) and tells it which assets this page
 * loaded, lazy chunks included, so they are kept too. */
export function registerShell(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const keep = () => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/assets/'));
    navigator.serviceWorker.controller?.postMessage({ type: 'keep', urls });
    void navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ type: 'keep', urls }));
  };
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then(keep)
    .catch(() => undefined);
  // Chunks loaded later (a workspace opened) are kept as they arrive.
  if (typeof PerformanceObserver !== 'undefined') {
    new PerformanceObserver(() => keep()).observe({ type: 'resource', buffered: false });
  }
}
