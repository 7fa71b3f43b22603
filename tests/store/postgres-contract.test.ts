import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store } from '../../src/server/store/index.ts';
import { describeStoreContract } from './contract.ts';
import { type PostgresCluster, startPostgres } from './postgres-cluster.ts';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describeStoreContract('postgres', async () => {
  // A fresh database per test: no test sees another's rows.
  const url = await cluster.createDatabase();
  let store: Store = await openPostgresStore(url, { migrate: true });
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
