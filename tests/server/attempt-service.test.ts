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
    for (const entry of items) {
      // The store's answer schema takes mutable arrays; the paper's display answer is a readonly view of the same data.
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'];
      await service.save(user, attempt.id, { itemId: entry.itemId, response, flagged: false, version: 1 });
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
    for (const entry of (await store.getAttempt(attempt.id))!.items) {
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'];
      await service.save(user, attempt.id, { itemId: entry.itemId, response, flagged: false, version: 1 });
    }
    const outcomes = await Promise.allSettled([service.submit(user, attempt.id), service.submit(user, attempt.id)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).not.toHaveLength(0);
    const certificates = await store.listCertificates({ userId: user.id });
    expect(certificates).toHaveLength(1);
    expect((await store.getAttempt(attempt.id))!.result?.certificateId).toBe(certificates[0]!.id);
    await store.close();
  });
});

describe('attempt service: submit is fenced', () => {
  /** A store whose fence waits for `release` before (`hold: 'before'`) or after (`'after'`) it is applied. */
  function gatedFence(store: Store, hold: 'before' | 'after') {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const isReached = new Promise<void>((resolve) => (reached = resolve));
    const gated: Store = Object.create(store, {
      fenceAttempt: {
        value: async (...args: Parameters<Store['fenceAttempt']>) => {
          if (hold === 'before') {
            reached();
            await gate;
            return store.fenceAttempt(...args);
          }
          const fenced = await store.fenceAttempt(...args);
          reached();
          await gate;
          return fenced;
        },
      },
    });
    return { gated, release, isReached };
  }

  async function setUp(hold: 'before' | 'after') {
    dataDir = await tempDataDir();
    const store = await openLowdbStore(dataDir);
    const created = await store.createUser(newUser());
    if (!created.ok) throw new Error(created.code);
    const { gated, release, isReached } = gatedFence(store, hold);
    const service = attemptService(gated, content);
    const { attempt } = await service.start(created.user, 'basic-certification');
    const items = (await store.getAttempt(attempt.id))!.items;
    const right = (index: number): SaveAnswerBody => {
      const entry = items[index]!;
      return { itemId: entry.itemId, response: displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'], flagged: false, version: 1 };
    };
    return { store, service, user: created.user, attempt, right, release, isReached };
  }

  it('a save that reaches the store before the fence is acknowledged and graded', async () => {
    const { store, service, user, attempt, right, release, isReached } = await setUp('before');
    await service.save(user, attempt.id, right(0));
    const submitted = service.submit(user, attempt.id);
    await isReached;
    // Grading has been asked for but the fence is not applied yet: this save lands and must count.
    expect(await service.save(user, attempt.id, right(1))).toMatchObject({ outcome: 'stored' });
    release();
    expect((await submitted).result).toMatchObject({ score: 2, maxScore: 20 });
    await store.close();
  });

  it('a save that arrives after the fence is refused with ATTEMPT_SUBMITTING and not graded', async () => {
    const { store, service, user, attempt, right, release, isReached } = await setUp('after');
    await service.save(user, attempt.id, right(0));
    const submitted = service.submit(user, attempt.id);
    await isReached;
    await expect(service.save(user, attempt.id, right(1))).rejects.toMatchObject({ code: 'ATTEMPT_SUBMITTING' });
    release();
    const closed = await submitted;
    expect(closed.result).toMatchObject({ score: 1, maxScore: 20 });
    expect(Object.keys(closed.answers)).toEqual([right(0).itemId]);
    await store.close();
  });

  it('closes an attempt a crash left fenced but open on its next read, graded on the acknowledged answers', async () => {
    dataDir = await tempDataDir();
    let store = await openLowdbStore(dataDir);
    const created = await store.createUser(newUser());
    if (!created.ok) throw new Error(created.code);
    const { attempt } = await attemptService(store, content).start(created.user, 'basic-certification');
    const entry = (await store.getAttempt(attempt.id))!.items[0]!;
    await attemptService(store, content).save(created.user, attempt.id, {
      itemId: entry.itemId,
      response: displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'],
      flagged: false,
      version: 1,
    });
    await store.fenceAttempt(attempt.id, Date.now());
    await store.close();
    store = await openLowdbStore(dataDir);
    const service = attemptService(store, content);
    await expect(service.save(created.user, attempt.id, { itemId: entry.itemId, response: null, flagged: false, version: 2 })).rejects.toMatchObject({
      code: 'ATTEMPT_SUBMITTING',
    });
    const read = await service.read(created.user, attempt.id);
    expect(read).toMatchObject({ status: 'submitted', result: { score: 1, maxScore: 20 } });
    await store.close();
  });
});
