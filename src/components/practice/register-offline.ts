/** Must match CACHE in public/sw-practice.js. */
const CACHE = 'practice-v1';

const isOfflineWorthy = (url: URL) =>
  url.origin === location.origin && (url.pathname.startsWith('/_astro/') || url.pathname === '/practice' || url.pathname.startsWith('/practice/'));

/**
 * Registers the practice service worker and copies this page and everything it loads into the worker's cache.
 * The copy is needed once: a first visit is not yet controlled by the worker, so without it a reload offline
 * would find nothing. Does nothing in browsers without service workers; failures only cost offline use.
 */
export function registerPracticeOffline(): void {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  navigator.serviceWorker.register('/sw-practice.js', { scope: '/practice' }).catch(() => undefined);
  const cache = caches.open(CACHE);
  const keep = (href: string) => {
    const url = new URL(href, location.href);
    if (isOfflineWorthy(url)) cache.then((open) => open.add(url.href)).catch(() => undefined);
  };
  keep(location.href);
  // Buffered: resources that loaded before this script ran count too, and later ones (the island's chunks, the JSON).
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => keep(entry.name))).observe({ type: 'resource', buffered: true });
}
