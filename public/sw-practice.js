// Offline copy of the practice pages (/practice…), their hashed assets and the question JSON.
// Registered by src/components/practice/register-offline.ts with scope "/practice", so it controls practice pages
// only; every request a practice page makes passes here, but only these are answered from the cache.
const CACHE = 'practice-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Hashed file names never change content: the cached copy is always right. Pages and JSON do change: the
  // network wins while there is one.
  if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request));
  else if (url.pathname === '/practice' || url.pathname.startsWith('/practice/')) event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
