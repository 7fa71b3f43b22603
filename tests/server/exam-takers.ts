import { createHash, randomBytes } from 'node:crypto';
import type { ExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore, type NewUser } from '../../src/server/store/index.ts';
import { Client } from './http-client.ts';

/**
 * Creates users with a live session each straight in a (not yet served) data folder, so a test needs no sign-in round
 * trips. Returns each user's session cookie value by user id.
 */
export async function seedUsersWithSessions(dataDir: string, users: readonly NewUser[]): Promise<Record<string, string>> {
  const store = await openLowdbStore(dataDir);
  const tokens: Record<string, string> = {};
  const now = Date.now();
  for (const user of users) {
    const created = await store.createUser(user);
    if (!created.ok) throw new Error(`could not seed ${user.employeeId}: ${created.code}`);
    const token = randomBytes(32).toString('base64url');
    await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    tokens[user.id] = token;
  }
  await store.close();
  return tokens;
}

/** A client signed in with a seeded session cookie. */
export function signedInClient(url: string, token: string): Client {
  const client = new Client(url);
  client.cookies.set('asa_session', token);
  return client;
}

interface ShownQuestion {
  readonly id: string;
  readonly type: 'single' | 'multiple' | 'truefalse' | 'ordering';
  readonly choices: readonly string[];
}

/**
 * The response a trainee gives in display order, right or wrong on purpose. It is worked out from the choice texts
 * the API showed, so the test needs no access to the stored option order. A wrong single or multiple answer picks the
 * first wrong option shown; a wrong ordering reverses the keyed order.
 */
export function responseFor(question: ShownQuestion, content: ExamContent, right: boolean): number | number[] | boolean | string[] {
  const { item, key } = content.lookup(question.id)!;
  switch (key.type) {
    case 'single': {
      const correctText = item.type === 'single' ? item.options[key.answer]!.text : '';
      const rightIndex = question.choices.indexOf(correctText);
      return right ? rightIndex : question.choices.findIndex((_, index) => index !== rightIndex);
    }
    case 'multiple': {
      const statements = item.type === 'multiple' ? item.statements.map((statement) => statement.text) : [];
      const keyed = new Set(key.answer.map((index) => statements[index]!));
      const shown = question.choices.flatMap((text, index) => (keyed.has(text) ? [index] : []));
      return right ? shown : [question.choices.findIndex((text) => !keyed.has(text))];
    }
    case 'truefalse':
      return right ? key.answer : !key.answer;
    case 'ordering':
      return right ? [...key.answer] : [...key.answer].reverse();
  }
}

/** One finished attempt: which questions it answered right. */
export interface TakenAttempt {
  readonly attemptId: string;
  readonly itemIds: readonly string[];
  readonly rightIds: ReadonlySet<string>;
  readonly result: { score: number; maxScore: number; passed: boolean; certificateId: string | null };
}

/**
 * Takes `examId` through the real API as `client`: start, autosave one answer per question (right when
 * `isRight(index)` says so, left blank when it returns null) and submit.
 */
export async function takeExam(
  client: Client,
  examId: string,
  content: ExamContent,
  isRight: (index: number) => boolean | null,
): Promise<TakenAttempt> {
  const started = await client.post(`/api/exams/${examId}/start`);
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${await started.text()}`);
  const attempt = (await started.json()).attempt as { id: string; questions: ShownQuestion[] };
  const rightIds = new Set<string>();
  for (const [index, question] of attempt.questions.entries()) {
    const right = isRight(index);
    if (right === null) continue;
    if (right) rightIds.add(question.id);
    const saved = await client.send('PUT', `/api/attempts/${attempt.id}/answers`, {
      json: { itemId: question.id, response: responseFor(question, content, right), version: 1 },
    });
    if (saved.status !== 200) throw new Error(`autosave answered ${saved.status}: ${await saved.text()}`);
  }
  const submitted = await client.post(`/api/attempts/${attempt.id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}: ${await submitted.text()}`);
  const result = (await submitted.json()).attempt.result;
  return { attemptId: attempt.id, itemIds: attempt.questions.map((question) => question.id), rightIds, result };
}
