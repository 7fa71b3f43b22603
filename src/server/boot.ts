import { getStore } from './runtime.ts';
import type { Store } from './store/index.ts';
import { StoreCorruptError } from './store/store-errors.ts';

/** How long after start the lowdb store's item outcomes are read in the background. */
const ITEMS_WARM_UP_MS = 2_000;

/**
 * Opens the process's store before the built server listens (src/server/serve/), so a corrupt data file stops the
 * start and the first-run setup link is printed at start rather than on the first request; on SIGINT/SIGTERM lets
 * acknowledged-but-queued writes finish, then dies of the same signal so the exit status is the usual one.
 * Exits the process (status 1) with the store's own message when the store cannot be opened.
 */
export async function openStoreForServing(): Promise<Store> {
  try {
    const store = await getStore();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        const timeout = setTimeout(() => process.kill(process.pid, signal), 5000);
        void store.close().finally(() => {
          clearTimeout(timeout);
          process.kill(process.pid, signal);
        });
      });
    }
    // lowdb reads the item analysis's outcomes log on first use (seconds at 50,000 attempts, in slices): do it soon
    // after start, in the background, rather than in a lead's first /lead/items request.
    if (store.kind === 'lowdb') {
      setTimeout(() => {
        store.itemAggregates({}).catch((error: unknown) => console.error(`[store] reading the item outcomes failed: ${String(error)}`));
      }, ITEMS_WARM_UP_MS).unref();
    }
    return store;
  } catch (error) {
    console.error(
      error instanceof StoreCorruptError ? error.message : `无法打开数据目录，服务器没有启动：${String(error)}`,
    );
    process.exit(1);
  }
}
