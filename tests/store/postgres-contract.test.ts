import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store } from '../../src/server/store/index.ts';
import { describeStoreContract } from './contract.ts';
import { usePostgres } from './use-postgres.ts';

const postgres = usePostgres();

describeStoreContract('postgres', async () => {
  // A fresh database per test: no test sees another's rows.
  const fresh = await postgres.migratedStore();
  const url = fresh.url;
  let store: Store = fresh.store;
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await openPostgresStore(url);
      return store;
    },
    async dispose() {
      await store.close();
    },
  };
});
