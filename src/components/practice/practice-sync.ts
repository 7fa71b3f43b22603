import { fromProgressItems, progressData, progressItems, type ProgressItems } from '../../present/practice/index.ts';
import type { ProgressStore } from './progress-store.ts';

/** The sync endpoint (src/pages/api/practice/progress.ts). */
export const SYNC_URL = '/api/practice/progress';
/** Items per request: 250 items of 20 answers and a card stay well under the server's 1 MB body limit. */
const BATCH = 250;

/** How a sync ended: merged with the account's progress, nobody signed in, no network, or refused by the server. */
export type SyncOutcome = 'synced' | 'signed-out' | 'offline' | 'refused';

/**
 * Sends what the server has not seen (in batches) and takes in the account's merged progress, until nothing is
 * pending. Offline-first: practice never waits for this, and a failed sync leaves everything pending for the next.
 */
export async function syncProgress(store: ProgressStore): Promise<SyncOutcome> {
  for (let round = 0; round < 20; round++) {
    const { items, marks } = store.unsynced(BATCH);
    let response: Response;
    try {
      response = await fetch(SYNC_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ owner: store.owner(), items }),
      });
    } catch {
      return 'offline';
    }
    if (response.status === 401) return 'signed-out';
    if (!response.ok) return 'refused';
    try {
      const body = (await response.json()) as { userId: string; items: ProgressItems; merged: boolean };
      // Read back through the browser storage's own validation: whatever the answer, only well-formed records stay.
      const remote = progressItems(progressData(fromProgressItems(body.items)));
      store.applySync(String(body.userId), remote, marks, body.merged !== true);
    } catch {
      return 'refused';
    }
    if (Object.keys(marks).length < BATCH) return 'synced';
  }
  return 'synced';
}

/**
 * While a sync fails for want of a network, it is tried again this often. The `online` event is not enough on its
 * own: a browser may not fire it (a captive portal, a network that comes back without the OS noticing, emulated
 * offline in Chromium's DevTools protocol), and the answers would wait for the next one. A try while offline fails
 * in the browser without reaching the server, so this costs the server nothing; once online it is one request.
 */
const OFFLINE_RETRY_MS = 5_000;

/**
 * Syncs now, again whenever `changed()` is called (after an answer), when the browser comes back online, and every
 * few seconds while the last try found no network; one request at a time. Stops asking once the server says nobody
 * is signed in, so an anonymous trainee's answers cost one request per page; a refused sync waits for the next
 * answer (retrying a refusal would only repeat it). `onSynced` runs after each sync that merged progress.
 */
export function keepSynced(store: ProgressStore, onSynced?: () => void): { changed(): void } {
  let running: Promise<void> | null = null;
  let again = false;
  let signedOut = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (signedOut) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(retry);
    running = syncProgress(store).then((outcome) => {
      running = null;
      signedOut = outcome === 'signed-out';
      if (outcome === 'offline' && !again) retry = setTimeout(run, OFFLINE_RETRY_MS);
      if (outcome === 'synced') onSynced?.();
      // Asked again while this one ran (an answer, or the browser back online): once more, whatever this outcome was.
      // Only after a success used to count, so a sync begun offline that failed after the `online` event swallowed
      // that event, and the offline answers waited for the next answer or reconnect.
      if (again && !signedOut) {
        again = false;
        run();
      }
    });
  };
  addEventListener('online', run);
  run();
  return { changed: run };
}
