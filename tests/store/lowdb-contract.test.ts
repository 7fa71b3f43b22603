import { rm } from 'node:fs/promises';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { tempDataDir } from '../server/built-server.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('lowdb', async () => {
  const dir = await tempDataDir();
  let store: Store = await openLowdbStore(dir);
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await openLowdbStore(dir);
      return store;
    },
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
