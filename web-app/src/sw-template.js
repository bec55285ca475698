// The service worker: the app's shell from the cache when offline, the catalog's public content kept for offline reading.
// A person's own data (triage, tracking) is never cached here; it goes straight to the network.
const SHELL = 'hipflex-shell-__VERSION__';
const CONTENT = 'hipflex-content';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hipflex-shell-') && k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function fromNetworkElseCache(request, cacheName, fallback) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(cacheName).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(fallback || request).then((hit) => hit || Response.error()));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin) {
    if (request.mode === 'navigate') {
      event.respondWith(fromNetworkElseCache(request, SHELL, 'index.html'));
    } else if (url.pathname.endsWith('/config.json')) {
      event.respondWith(fromNetworkElseCache(request, SHELL));
    } else {
      event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    }
    return;
  }
  // Catalog reads carry no Authorization header and no personal data: network first, the last copy when offline.
  if (!request.headers.has('Authorization') && /\/api\/v1\/(exercises|muscles|sources|protocols|root-cause-checklist|recovery-timeline|red-flags|symptom-check)/.test(url.pathname)) {
    event.respondWith(fromNetworkElseCache(request, CONTENT));
  }
});
