import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { attemptService, loadExamContent, type SaveAnswerBody } from '../../src/server/exams/index.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { ROOT, tempDataDir } from './built-server.ts';
import { newUser } from './store-factories.ts';

const content = loadExamContent(join(ROOT, 'content'));
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('attempt service: closing a passed attempt', () => {
  it('writes the certificate before the result, and a close retried after a crash reuses that certificate', async () => {
    dataDir = await tempDataDir();
    const store = await openLowdbStore(dataDir);
    const created = await store.createUser(newUser());
    if (!created.ok) throw new Error(created.code);
    const user = created.user;
    // A store whose first submit dies, as if the process crashed between the certificate and the result.
    let isCrashing = true;
    const crashing: Store = Object.create(store, {
      submitAttempt: {
        value: (...args: Parameters<Store['submitAttempt']>) => {
          if (isCrashing) return Promise.reject(new Error('crashed before the result was written'));
          return store.submitAttempt(...args);
        },
      },
    });
    const service = attemptService(crashing, content);
    const { attempt } = await service.start(user, 'basic-certification');
    const items = (await store.getAttempt(attempt.id))!.items;
    let seq = 0;
    for (const entry of items) {
      seq += 1;
      // The store's answer schema takes mutable arrays; the paper's display answer is a readonly view of the same data.
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'];
      await service.save(user, attempt.id, { itemId: entry.itemId, response, flagged: false, seq });
    }

    await expect(service.submit(user, attempt.id)).rejects.toThrow('crashed before the result was written');
    const orphans = await store.listCertificates({ userId: user.id });
    expect(orphans.map((certificate) => certificate.attemptId)).toEqual([attempt.id]);
    expect((await store.getAttempt(attempt.id))!.status).toBe('in-progress');

    isCrashing = false;
    const closed = await service.submit(user, attempt.id);
    expect(closed.result).toMatchObject({ passed: true, certificateId: orphans[0]!.id });
    expect(await store.listCertificates({ userId: user.id })).toHaveLength(1);
    await store.close();
  });

  it('issues one certificate when the same attempt is submitted twice at once', async () => {
    dataDir = await tempDataDir();
    const store = await openLowdbStore(dataDir);
    const created = await store.createUser(newUser());
    if (!created.ok) throw new Error(created.code);
    const user = created.user;
    const service = attemptService(store, content);
    const { attempt } = await service.start(user, 'basic-certification');
    let seq = 0;
    for (const entry of (await store.getAttempt(attempt.id))!.items) {
      seq += 1;
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'];
      await service.save(user, attempt.id, { itemId: entry.itemId, response, flagged: false, seq });
    }
    const outcomes = await Promise.allSettled([service.submit(user, attempt.id), service.submit(user, attempt.id)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).not.toHaveLength(0);
    const certificates = await store.listCertificates({ userId: user.id });
    expect(certificates).toHaveLength(1);
    expect((await store.getAttempt(attempt.id))!.result?.certificateId).toBe(certificates[0]!.id);
    await store.close();
  });
});
