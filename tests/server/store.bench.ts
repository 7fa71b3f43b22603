import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/index.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { tempDataDir } from './built-server.ts';
import { newAttempt } from './store-factories.ts';

// The figures quoted in the README ("Data and backups"): what a login costs in hashing, what one autosave costs on
// this disk (an append and fdatasync to the attempt's answer log), and what opening a store with many closed attempts
// costs. bench/restart.ts measures the same at 1,000,000 answers through the built server.

const ATTEMPTS = 10_000;
const ITEMS = 40;
let dir: string;
let manyDir: string;

beforeAll(async () => {
  dir = await tempDataDir();
  manyDir = await tempDataDir();
  await mkdir(join(manyDir, 'attempts'));
  // Finished attempts of 40 answered items each (about 5 KB a file), written plainly: only their reading is measured.
  const template = newAttempt({
    items: Array.from({ length: ITEMS }, (_, i) => ({ itemId: `q${i}`, optionOrder: [1, 0, 2, 3] })),
  });
  const answers = Object.fromEntries(
    template.items.map((item, i) => [
      item.itemId,
      { itemId: item.itemId, response: { choice: i % 4 }, flagged: false, seq: i + 1, savedAt: template.startedAt + i },
    ]),
  );
  for (let n = 0; n < ATTEMPTS; n += 500) {
    await Promise.all(
      Array.from({ length: 500 }, (_, k) => {
        const id = `attempt-${String(n + k).padStart(6, '0')}`;
        const attempt = {
          ...template,
          id,
          userId: `user-${(n + k) % 300}`,
          status: 'submitted',
          lastSeq: ITEMS,
          answers,
          submittedAt: template.deadlineAt,
          result: null,
        };
        return writeFile(join(manyDir, 'attempts', `${id}.json`), JSON.stringify({ version: 1, attempt }));
      }),
    );
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(manyDir, { recursive: true, force: true });
});

test('a login: one Argon2id verification (m=19456 KiB, t=2, p=1)', async ({ bench }) => {
  const hash = await hashPassword('张三的学习密码2025');
  await bench('verifyPassword', async () => {
    await verifyPassword(hash, '张三的学习密码2025');
  }).run({ iterations: 30, time: 0 });
});

test('an autosave: saveAnswer to a 40-item attempt (append one line to its answer log, fdatasync)', async ({ bench }) => {
  const store: Store = await openLowdbStore(dir);
  const attempt = newAttempt({ items: Array.from({ length: ITEMS }, (_, i) => ({ itemId: `q${i}` })) });
  await store.createAttempt(attempt);
  let seq = 0;
  await bench('saveAnswer', async () => {
    seq += 1;
    await store.saveAnswer(attempt.id, {
      itemId: `q${seq % ITEMS}`,
      response: { choice: seq % 4 },
      flagged: false,
      version: seq,
      savedAt: attempt.startedAt + seq,
    });
  }).run({ iterations: 300, time: 0 });
  await store.close();
});

test(`opening the store with ${ATTEMPTS.toLocaleString('en')} attempt files`, async ({ bench }) => {
  // The files were written without an index: the first open reads them all and writes attempt-index.jsonl (what an
  // upgrade from the old layout costs once); the measured opens read the index and no closed attempt.
  await (await openLowdbStore(manyDir)).close();
  await bench('openLowdbStore', async () => {
    const store = await openLowdbStore(manyDir);
    if ((await store.listAttempts({ userId: 'user-7' })).length === 0) throw new Error('index empty');
    await store.close();
  }).run({ iterations: 5, time: 0 });
}, 120_000);
