import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { attemptService, loadExamContent, type SaveAnswerBody } from '../../src/server/exams/index.ts';
import { openLowdbStore, type AttemptRecord, type NewUser } from '../../src/server/store/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';

// The autosave protocol over HTTP against the built server: per-question versions, submit fencing, and answers
// checked against the paper.

vi.setConfig({ testTimeout: 60_000 });

const EXAM = 'basic-certification';
const content = loadExamContent(join(ROOT, 'content'));
const trainee = newUser();
const fencedTrainee = newUser();
const racers = [newUser(), newUser(), newUser(), newUser()];
let server: TestServer;
let dataDir: string;
let fencedAttemptId: string;
const clients = new Map<string, Client>();

/** The correct answer of a paper entry, in display order: computed from the key, not by the grading code. */
const correct = (entry: AttemptRecord['items'][number]) => displayAnswer(entry, content.lookup(entry.itemId)!.key) as SaveAnswerBody['response'];

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  const store = await openLowdbStore(dataDir);
  const now = Date.now();
  const tokens = new Map<string, string>();
  for (const user of [trainee, fencedTrainee, ...racers]) {
    await store.createUser(user);
    const token = randomBytes(32).toString('base64url');
    await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    tokens.set(user.id, token);
  }
  // An attempt left fenced but open, as a crash between the fence and the close leaves it: two answers acknowledged.
  const service = attemptService(store, content);
  const { attempt } = await service.start((await store.findUser(fencedTrainee.id))!, EXAM);
  fencedAttemptId = attempt.id;
  for (const entry of (await store.getAttempt(attempt.id))!.items.slice(0, 2)) {
    await service.save((await store.findUser(fencedTrainee.id))!, attempt.id, { itemId: entry.itemId, response: correct(entry), flagged: false, version: 1 });
  }
  await store.fenceAttempt(attempt.id, Date.now());
  await store.close();
  server = await startServer({ dataDir });
  for (const [id, token] of tokens) {
    const client = new Client(server.url);
    client.cookies.set('asa_session', token);
    clients.set(id, client);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function startAttempt(user: NewUser): Promise<{ id: string; items: AttemptRecord['items']; questions: { id: string; type: string; choices: string[] }[] }> {
  const started = await clients.get(user.id)!.post(`/api/exams/${EXAM}/start`);
  expect(started.status).toBe(201);
  const attempt = (await started.json()).attempt;
  // The paper with its option orders is read from the attempt file: the server process holds no lock against reading.
  const store = await openLowdbStore(dataDir);
  const items = (await store.getAttempt(attempt.id))!.items;
  await store.close();
  return { id: attempt.id, items, questions: attempt.questions };
}

const put = (user: NewUser, attemptId: string, body: unknown) => clients.get(user.id)!.send('PUT', `/api/attempts/${attemptId}/answers`, { json: body });
const read = async (user: NewUser, attemptId: string) => (await (await clients.get(user.id)!.get(`/api/attempts/${attemptId}`)).json()).attempt;

describe('autosave API: per-question versions', () => {
  let attempt: Awaited<ReturnType<typeof startAttempt>>;

  it('lands every one of 20 overlapping saves for different questions, whatever their versions and arrival order', async () => {
    attempt = await startAttempt(trainee);
    // Per-question versions that differ wildly, sent all at once in reverse: under the old attempt-wide seq most
    // of these were refused as stale.
    const saves = attempt.items
      .map((entry, index) => ({ itemId: entry.itemId, response: correct(entry), flagged: index % 4 === 0, version: 20 - index }))
      .reverse();
    const responses = await Promise.all(saves.map((body) => put(trainee, attempt.id, body)));
    expect(responses.map((response) => response.status)).toEqual(saves.map(() => 200));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.every((body) => body.outcome === 'stored')).toBe(true);
    const stored = (await read(trainee, attempt.id)).answers;
    for (const save of saves) expect(stored[save.itemId]).toEqual({ response: save.response, flagged: save.flagged, version: save.version });
  });

  it('answers an older version of a question with `superseded` and never lets it overwrite the newer one', async () => {
    const entry = attempt.items[0]!;
    const newer = { itemId: entry.itemId, response: null, flagged: true, version: 30 };
    expect(await (await put(trainee, attempt.id, newer)).json()).toMatchObject({ outcome: 'stored', version: 30 });
    const older = await put(trainee, attempt.id, { itemId: entry.itemId, response: correct(entry), flagged: false, version: 29 });
    expect(older.status).toBe(200);
    expect(await older.json()).toMatchObject({ outcome: 'superseded', version: 30 });
    // Both at once: whichever arrives first, the newer one is what stays.
    const [a, b] = await Promise.all([
      put(trainee, attempt.id, { itemId: entry.itemId, response: correct(entry), flagged: false, version: 32 }),
      put(trainee, attempt.id, { itemId: entry.itemId, response: null, flagged: false, version: 31 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await read(trainee, attempt.id)).answers[entry.itemId]).toEqual({ response: correct(entry), flagged: false, version: 32 });
  });

  it('refuses a response that is not a valid shape for that question with 400 ATTEMPT_INVALID_RESPONSE, storing nothing', async () => {
    const byType = new Map<string, AttemptRecord['items'][number]>();
    attempt.questions.forEach((question, index) => byType.set(question.type, attempt.items[index]!));
    const malformed: Record<string, unknown[]> = {
      single: [99, -1, 1.5, '0', [0], true],
      multiple: [[0, 0], [0, 99], 0, ['a']],
      truefalse: [0, 'true', [true]],
      ordering: [['x'], [], 0],
    };
    let checked = 0;
    for (const [type, entry] of byType) {
      const before = (await read(trainee, attempt.id)).answers[entry.itemId];
      for (const response of malformed[type]!) {
        const refused = await put(trainee, attempt.id, { itemId: entry.itemId, response, flagged: false, version: 100 });
        expect(refused.status, `${type} ${JSON.stringify(response)}`).toBe(400);
        const error = await errorOf(refused);
        expect(error.code).toBe('ATTEMPT_INVALID_RESPONSE');
        expect(error.fields?.[0]?.field).toBe('response');
        checked += 1;
      }
      expect((await read(trainee, attempt.id)).answers[entry.itemId]).toEqual(before);
    }
    if (byType.has('ordering')) {
      const index = attempt.questions.findIndex((question) => question.type === 'ordering');
      const steps = attempt.questions[index]!.choices;
      const repeated = [steps[0], ...steps.slice(0, -1)];
      expect((await errorOf(await put(trainee, attempt.id, { itemId: attempt.items[index]!.itemId, response: repeated, version: 100 }))).code).toBe('ATTEMPT_INVALID_RESPONSE');
    }
    expect(checked).toBeGreaterThanOrEqual(9);
    expect((await errorOf(await put(trainee, attempt.id, { itemId: attempt.items[0]!.itemId, response: null }))).code).toBe('VALIDATION_FAILED');
    expect((await errorOf(await put(trainee, attempt.id, { itemId: 'not-on-this-paper', response: null, version: 1 }))).code).toBe('ATTEMPT_UNKNOWN_ITEM');
  });
});

describe('autosave API: submit is fenced', () => {
  it('refuses a save to a fenced attempt with 409 ATTEMPT_SUBMITTING, then closes it on the acknowledged answers', async () => {
    const attempt = await read(fencedTrainee, fencedAttemptId);
    // Reading closed it (a fence left by a crash): the two acknowledged answers are graded, nothing else.
    expect(attempt).toMatchObject({ status: 'submitted', result: { score: 2, maxScore: 20 } });
    const late = await put(fencedTrainee, fencedAttemptId, { itemId: attempt.questions[2].id, response: null, version: 1 });
    expect(late.status).toBe(409);
  });

  it('grades exactly the acknowledged saves when 20 saves and the submit are in flight together (4 rounds)', async () => {
    const outcomes = { acknowledged: 0, refused: 0 };
    for (const [round, racer] of racers.entries()) {
      const attempt = await startAttempt(racer);
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Saves leave over ~120 ms, the submit part-way through: some land before the fence, some after.
      const saves = attempt.items.map(async (entry, index) => {
        await pause(index * 6);
        return put(racer, attempt.id, { itemId: entry.itemId, response: correct(entry), flagged: false, version: 1 });
      });
      await pause(10 + round * 25);
      const submitted = clients.get(racer.id)!.post(`/api/attempts/${attempt.id}/submit`);
      const statuses = await Promise.all(saves.map(async (save) => ({ status: (await save).status, code: (await save).status === 200 ? null : (await errorOf(await save)).code })));
      const closed = await submitted;
      expect(closed.status).toBe(200);
      const result = (await closed.json()).attempt.result;
      const acknowledged = attempt.items.filter((_, index) => statuses[index]!.status === 200).map((entry) => entry.itemId);
      for (const { status, code } of statuses) {
        if (status !== 200) expect([409], String(code)).toContain(status);
        if (status !== 200) expect(['ATTEMPT_SUBMITTING', 'ATTEMPT_CLOSED']).toContain(code);
      }
      // Every answer sent was correct, so the score is the number of acknowledged saves: no more, no fewer.
      expect(result.score, `round ${round}`).toBe(acknowledged.length);
      const stored = (await read(racer, attempt.id)).answers;
      expect(Object.keys(stored).sort()).toEqual([...acknowledged].sort());
      outcomes.acknowledged += acknowledged.length;
      outcomes.refused += attempt.items.length - acknowledged.length;
    }
    console.log(`submit race: ${outcomes.acknowledged} saves acknowledged and graded, ${outcomes.refused} refused with 409`);
    // Both sides of the race happened: saves acknowledged and graded, and saves refused after the fence.
    expect(outcomes.acknowledged).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
