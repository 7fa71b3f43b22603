import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlueprint, displayAnswer } from '../src/quiz/index.ts';
import { attemptService, loadExamContent, type AttemptService } from '../src/server/exams/index.ts';
import { ApiError } from '../src/server/http/index.ts';
import { openLowdbStore, type Store, type User } from '../src/server/store/index.ts';
import { newUser } from './server/store-factories.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const content = loadExamContent(join(ROOT, 'content'));

/** The ApiError code a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('content/exams', () => {
  it('basic-certification parses and its blueprint fills from the exam-only bank for every seed', () => {
    const exam = content.exams.get('basic-certification')!;
    expect(exam).toMatchObject({ timeLimitMinutes: 30, passMark: 0.8 });
    expect(exam.blueprint.reduce((sum, section) => sum + section.count, 0)).toBe(20);
    expect(checkBlueprint(exam, content.bank).passed).toBe(true);
  });
});

describe('attempt lifecycle', () => {
  let dir: string;
  let store: Store;
  let clock = Date.UTC(2026, 0, 10, 2, 0);
  let service: AttemptService;
  let trainee: User;
  let other: User;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exam-lifecycle-'));
    store = await openLowdbStore(dir);
    service = attemptService(store, content, { now: () => clock });
    for (const user of [newUser(), newUser()]) {
      const created = await store.createUser(user);
      if (!created.ok) throw new Error('user');
    }
    const users = await store.listUsers({ role: 'trainee' });
    [trainee, other] = [users[0]!, users[1]!];
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('start → autosave → replayed version → older version superseded → submit → write after submit → review → certificate', async () => {
    const { attempt, resumed } = await service.start(trainee, 'basic-certification');
    expect(resumed).toBe(false);
    expect(attempt.questions).toHaveLength(20);
    expect(JSON.stringify(attempt)).not.toMatch(/"key"|"rulings"|"trace"|"answer"/);
    expect((await service.start(trainee, 'basic-certification')).resumed).toBe(true);

    // Answer every question correctly, using the server's own key (the test stands in for a perfect trainee).
    const stored = (await store.getAttempt(attempt.id))!;
    for (const entry of stored.items) {
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key);
      expect((await service.save(trainee, attempt.id, { itemId: entry.itemId, response: response as never, flagged: false, version: 2 })).outcome).toBe('stored');
    }
    const last = stored.items.at(-1)!;
    const replay = { itemId: last.itemId, response: displayAnswer(last, content.lookup(last.itemId)!.key) as never, flagged: false, version: 2 };
    expect(await service.save(trainee, attempt.id, replay)).toMatchObject({ outcome: 'duplicate', version: 2 });
    expect(await service.save(trainee, attempt.id, { ...replay, flagged: true, version: 1 })).toMatchObject({ outcome: 'superseded', version: 2 });
    expect((await store.getAttempt(attempt.id))!.answers[last.itemId]).toMatchObject({ flagged: false, version: 2 });
    expect(await codeOf(service.review(trainee, attempt.id))).toBe('ATTEMPT_NOT_SUBMITTED');

    expect(await codeOf(service.read(other, attempt.id))).toBe('ATTEMPT_NOT_FOUND');
    expect(await codeOf(service.save(other, attempt.id, { ...replay, version: 999 }))).toBe('ATTEMPT_NOT_FOUND');
    expect(await codeOf(service.submit(other, attempt.id))).toBe('ATTEMPT_NOT_FOUND');

    const submitted = await service.submit(trainee, attempt.id);
    expect(submitted.result).toMatchObject({ score: 20, maxScore: 20, passed: true });
    expect(await codeOf(service.save(trainee, attempt.id, { ...replay, version: 3 }))).toBe('ATTEMPT_CLOSED');
    expect(await codeOf(service.submit(trainee, attempt.id))).toBe('ATTEMPT_CLOSED');

    const review = await service.review(trainee, attempt.id);
    // Under `mistakes` every question is listed (docs/exams.md); all were right here, so none carries reasons.
    expect(review).toMatchObject({ policy: 'mistakes', score: 20, passed: true });
    expect(review.items).toHaveLength(20);
    for (const item of review.items) expect(item).toMatchObject({ correct: true, explanation: [], options: [] });

    const certificate = (await store.getCertificate(submitted.result!.certificateId!))!;
    expect(certificate).toMatchObject({ userId: trainee.id, examId: 'basic-certification', attemptId: attempt.id, revokedAt: null });
    expect(certificate.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(certificate.rules.length).toBeGreaterThan(0);
    expect(certificate.expiresAt - certificate.issuedAt).toBe(365 * 86_400_000);
  });

  it('refuses a retake inside the 24-hour cooldown', async () => {
    expect(await codeOf(service.start(trainee, 'basic-certification'))).toBe('EXAM_COOLDOWN');
  });

  it('auto-submits an abandoned attempt when it is next read after deadline + grace, grading only what was saved', async () => {
    const { attempt } = await service.start(other, 'basic-certification');
    clock += 30 * 60_000 + 30_000;
    expect((await service.read(other, attempt.id)).status).toBe('in-progress');
    clock += 1;
    const late = await service.read(other, attempt.id);
    expect(late.status).toBe('expired');
    expect(late.result).toMatchObject({ score: 0, maxScore: 20, passed: false, certificateId: null });
    const review = await service.review(other, attempt.id);
    expect(review.items).toHaveLength(20);
    expect(review.items[0]!.explanation.length + (review.items[0]!.authorExplanation ? 1 : 0)).toBeGreaterThan(0);
  });

  it('answers a save after the deadline with ATTEMPT_DEADLINE_PASSED and an unknown exam with EXAM_NOT_FOUND', async () => {
    clock += 25 * 3_600_000;
    const { attempt } = await service.start(other, 'basic-certification');
    clock += 31 * 60_000;
    const itemId = attempt.questions[0]!.id;
    expect(await codeOf(service.save(other, attempt.id, { itemId, response: null, flagged: false, version: 1 }))).toBe('ATTEMPT_DEADLINE_PASSED');
    expect(await codeOf(service.start(other, 'no-such-exam'))).toBe('EXAM_NOT_FOUND');
  });
});
