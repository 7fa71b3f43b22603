import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assignmentStartPolicy } from '../../src/server/assignments/index.ts';
import { attemptService, loadExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { CURRENT_EDITION } from '../../src/rules/index.ts';
import { tempDataDir, ROOT } from './built-server.ts';
import { newAttempt, newUser } from './store-factories.ts';

const content = loadExamContent(join(ROOT, 'content'));
const EXAM = 'basic-certification';
const DAY = 86_400_000;
let dataDir: string | undefined;
let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  store = undefined;
});

/** A trainee who used all three attempts of the exam a year and a half ago, the third one passing. */
async function certifiedLongAgo(now: number, validityDays: number) {
  dataDir = await tempDataDir();
  store = await openLowdbStore(dataDir);
  const created = await store.createUser(newUser({ cohort: '售后一组' }));
  if (!created.ok) throw new Error(created.code);
  const start = now - 540 * DAY;
  for (let i = 0; i < 3; i += 1) {
    await store.importAttempt({
      ...newAttempt({ examId: EXAM, userId: created.user.id, startedAt: start + i * 2 * DAY, deadlineAt: start + i * 2 * DAY + 3_600_000 }),
      status: 'submitted',
      fencedAt: start + i * 2 * DAY + 60_000,
      answers: {},
      submittedAt: start + i * 2 * DAY + 60_000,
      result: null,
    });
  }
  const issuedAt = start + 4 * DAY + 60_000;
  await store.issueCertificate({
    id: 'cert-recertify-aaaaaaaaaa',
    userId: created.user.id,
    examId: EXAM,
    attemptId: 'attempt-x',
    issuedAt,
    expiresAt: issuedAt + validityDays * DAY,
    edition: CURRENT_EDITION,
    rules: [],
    revokedAt: null,
    revokedReason: null,
  });
  return created.user;
}

describe('recertification rounds', () => {
  it('lets the holder of an expired certificate start again although every attempt of the first round is used', async () => {
    const now = Date.now();
    const user = await certifiedLongAgo(now, 365);
    const service = attemptService(store!, content, { now: () => now });
    const { attempt, resumed } = await service.start(user, EXAM, assignmentStartPolicy(store!, user, EXAM));
    expect(resumed).toBe(false);
    expect(attempt.status).toBe('in-progress');
  });

  it('keeps counting every attempt while the certificate is valid (the exam refuses a fourth)', async () => {
    const now = Date.now();
    const user = await certifiedLongAgo(now, 1000);
    const service = attemptService(store!, content, { now: () => now });
    await expect(service.start(user, EXAM, assignmentStartPolicy(store!, user, EXAM))).rejects.toMatchObject({ code: 'EXAM_ATTEMPTS_USED' });
  });
});
