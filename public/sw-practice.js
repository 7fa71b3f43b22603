// Offline copy of the practice pages (/practice…), the hashed assets they load and the question JSON.
// Registered by src/components/practice/register-offline.ts with scope "/practice", so it controls practice pages
// only. The build (src/server/practice-offline-integration.ts) replaces the PRECACHE line below with the list of
// files and a version derived from their content; `astro dev` serves this file as is (nothing precached).
//
// Requests: the install step fetches the listed files once per version; afterwards the worker fetches only what a
// page asks for (and answers hashed assets from the cache). Nothing here runs on a timer or watches the page, so an
// idle page makes no requests.
const PRECACHE = /* practice-offline-manifest */ { version: 'dev', urls: [] };
const PREFIX = 'practice-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const LISTED = new Set(PRECACHE.urls);

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache, so one version never stores another version's files.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Earlier versions' caches hold /_astro/ files no page of this build refers to: drop them all.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The listed URL a request stands for: `/practice/x/` and `/practice/x?y` are the page `/practice/x`. */
function listedPath(url) {
  const path = url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  return LISTED.has(path) ? path : null;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = listedPath(url);
  if (path === null) return;
  // Hashed file names never change content: the cached copy is always right. Pages and JSON do change: the network
  // wins while there is one, and its answer replaces the cached copy (no extra request).
  event.respondWith(path.startsWith('/_astro/') ? cacheFirst(request, path) : networkFirst(request, path));
});

async function networkFirst(request, path) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) await cache.put(path, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(path);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, path) {
  const cache = await caches.open(CACHE);
  return (await cache.match(path)) ?? fetch(request);
}
