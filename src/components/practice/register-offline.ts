/**
 * Registers the practice service worker (public/sw-practice.js), which copies the practice pages, their assets and
 * the question JSON into its cache once when it installs. The page itself fetches nothing for offline use and
 * watches nothing, so an idle page stays idle. Does nothing in browsers without service workers; a failed
 * registration only costs offline use.
 */
export function registerPracticeOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw-practice.js', { scope: '/practice' }).catch(() => undefined);
}
