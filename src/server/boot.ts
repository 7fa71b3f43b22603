import { getStore } from './runtime.ts';
import type { Store } from './store/index.ts';
import { StoreCorruptError } from './store/store-errors.ts';

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
    return store;
  } catch (error) {
    console.error(
      error instanceof StoreCorruptError ? error.message : `无法打开数据目录，服务器没有启动：${String(error)}`,
    );
    process.exit(1);
  }
}
