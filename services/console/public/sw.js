// The console's service worker: keeps the application shell (index.html, the hashed
// assets, the manifest and icons) so the technician's field app starts with no connection.
// The API is never cached here: the field app keeps the day's data and its queued actions in
// IndexedDB itself. Served from the binary like every console file; nothing comes from the
// internet.
const SHELL = 'aftercare-shell-v1';
const STATIC = ['/', '/manifest.json', '/icons/icon-192.png', '/icons/icon-512.png'];

// The hashed assets index.html loads, read from its <script> and <link> tags.
async function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const r = await fetch('/', { cache: 'no-cache' });
      if (r.ok) {
        await cache.put('/', r.clone());
        await cache.addAll(await assetsOf(await r.text()));
      }
      await cache.addAll(STATIC.filter((u) => u !== '/'));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k !== SHELL) await caches.delete(k);
      await self.clients.claim();
    })(),
  );
});

// The page tells which assets it loaded (lazy chunks included), so they are kept too.
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'keep' ? event.data.urls : null;
  if (!Array.isArray(urls)) return;
  const mine = urls.filter((u) => typeof u === 'string' && u.startsWith('/assets/'));
  event.waitUntil(
    caches.open(SHELL).then(async (cache) => {
      for (const u of mine) if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/answer.')) return;
  if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change: the cache first, the network once.
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        const hit = await cache.match(req);
        if (hit) return hit;
        const r = await fetch(req);
        if (r.ok) await cache.put(req, r.clone());
        return r;
      }),
    );
    return;
  }
  if (req.mode === 'navigate') {
    // A page: the network first (a new build is picked up), the kept shell when offline.
    event.respondWith(
      (async () => {
        const cache = await caches.open(SHELL);
        try {
          const r = await fetch(req);
          if (r.ok && (r.headers.get('content-type') || '').startsWith('text/html')) {
            await cache.put('/', r.clone());
            const html = await r.clone().text();
            for (const u of await assetsOf(html)) if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
          }
          return r;
        } catch (e) {
          const hit = await cache.match('/');
          if (hit) return hit;
          throw e;
        }
      })(),
    );
    return;
  }
  if (STATIC.includes(url.pathname)) {
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        try {
          const r = await fetch(req);
          if (r.ok) await cache.put(req, r.clone());
          return r;
        } catch (e) {
          const hit = await cache.match(req);
          if (hit) return hit;
          throw e;
        }
      }),
    );
  }
});
