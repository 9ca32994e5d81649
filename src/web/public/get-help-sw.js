// The Get-help pages' service worker, registered once per language with the scope /<lang>/get-help:
// it keeps that language's two pages and their script so they open without a connection. The
// API is never cached (a request written offline waits in the page's encrypted outbox instead).
const CACHE = 'tulay-get-help-1';

/** The page, its status page, and the files they name (script, manifest, icon). */
async function precache() {
  const scope = self.registration.scope.replace(/\/$/, '');
  const cache = await caches.open(CACHE);
  for (const page of [scope, `${scope}/status`]) {
    const response = await fetch(page, { credentials: 'omit' });
    if (!response.ok) continue;
    await cache.put(page, response.clone());
    const html = await response.text();
    for (const [, path] of html.matchAll(
      /(?:src|href)="(\/(?:assets\/[^"]+|favicon\.svg|[^"]+\.webmanifest))"/g,
    )) {
      await cache.add(path).catch(() => {});
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/'))
    return;
  const kept = () => caches.match(request.mode === 'navigate' ? url.pathname : request);
  if (url.pathname.startsWith('/assets/')) {
    // Hashed assets never change: the kept copy first.
    event.respondWith(
      kept().then(
        (copy) =>
          copy ??
          fetch(request).then((response) => {
            if (response.ok) {
              const clone = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, clone));
            }
            return response;
          }),
      ),
    );
    return;
  }
  // Pages, manifest and icon: the network first (fresh text), the kept copy when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && request.mode === 'navigate') {
          const clone = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, clone));
        }
        return response;
      })
      .catch(() => kept().then((copy) => copy ?? Response.error())),
  );
});
