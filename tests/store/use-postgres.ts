import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../src/server/store/index.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { type PostgresCluster, startPostgres } from './postgres-cluster.ts';

/** A PostgreSQL cluster for the tests of one file (or `describe` block), from {@link usePostgres}. */
export interface PostgresForTests {
  /** The running cluster; read it inside tests and hooks (it starts in `beforeAll`). */
  readonly cluster: PostgresCluster;
  /** A new empty database with every migration applied and a store open on it; the caller closes the store. */
  migratedStore(): Promise<{ readonly url: string; readonly store: Store }>;
}

/**
 * Starts a throwaway cluster before the tests of the calling file (or `describe` block) and stops it after them, so a
 * test file says what it does with the database, not how one is set up. Call it at collection time (top level or in
 * `describe`); the hooks a file registers after this call run once the cluster is up.
 */
export function usePostgres(): PostgresForTests {
  let started: PostgresCluster | undefined;
  beforeAll(async () => {
    started = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  const cluster = (): PostgresCluster => {
    if (!started) throw new Error('usePostgres: the cluster is read before its beforeAll ran (read it inside a test or hook)');
    return started;
  };
  return {
    get cluster() {
      return cluster();
    },
    async migratedStore() {
      const url = await cluster().createDatabase();
      return { url, store: await openPostgresStore(url, { migrate: true }) };
    },
  };
}
