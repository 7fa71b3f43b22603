// Imported ahead of @astrojs/node's server entry (see startup-integration.ts), so it runs before the server listens:
// the store is opened and checked, and the first-run setup link printed, at start rather than on the first request.
import './store/io-threads.ts';
import { ConfigError } from './config-schema.ts';
import { serverConfig } from './config.ts';
import { getStore } from './runtime.ts';
import { StoreCorruptError } from './store/store-errors.ts';

// An invalid variable stops the server here, with one line per variable, before anything else reads it.
try {
  serverConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

try {
  const store = await getStore();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Let acknowledged-but-queued writes finish, then die of the same signal so the exit status is the usual one.
      const timeout = setTimeout(() => process.kill(process.pid, signal), 5000);
      void store.close().finally(() => {
        clearTimeout(timeout);
        process.kill(process.pid, signal);
      });
    });
  }
} catch (error) {
  console.error(
    error instanceof StoreCorruptError ? error.message : `无法打开数据目录，服务器没有启动：${String(error)}`,
  );
  process.exit(1);
}
