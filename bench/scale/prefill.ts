import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { randomToken, sha256Hex } from '../../src/server/auth/tokens.ts';
import type { AccountsFile, AttemptFileInput, AttemptIndexRecord, SessionsFile } from '../../src/server/store/schemas.ts';
import { DATA_FILES } from '../../src/server/store/index.ts';

/** The exam every generated attempt belongs to (the one in content/exams). */
export const EXAM_ID = 'basic-certification';
export const TRAINEE_PASSWORD = '学员压测密码-2026';

export interface PrefillOptions {
  /** Closed attempts written, each with `answersPerAttempt` answers (50,000 × 20 = 1,000,000 answers). */
  readonly attempts: number;
  readonly answersPerAttempt: number;
  /** Owners of the closed attempts (20 attempts each by default: 2,500 accounts). */
  readonly alumni: number;
  /** Fresh trainee accounts the benchmark signs in or drives: no attempts yet. */
  readonly trainees: number;
  /** Write a live session for each trainee, so a load test needs no login (and no hashing) to start. */
  readonly sessions: boolean;
}

export interface Trainee {
  readonly userId: string;
  readonly employeeId: string;
  /** The session cookie value, when sessions were written. */
  readonly token: string | null;
}

const DAY = 86_400_000;

/**
 * Writes a data folder the way the store itself would have written it: `accounts.json` and `sessions.json` as the
 * store's pretty JSON, each closed attempt as its compact snapshot `attempts/<id>.json` (what closing an attempt
 * writes), and `attempt-index.jsonl` with a start and a close line per attempt. Plain writes without fsync: only
 * reading them back is measured, and opening the store validates them like any other data.
 * All accounts share one Argon2id hash of TRAINEE_PASSWORD: verifying it costs the same as verifying distinct ones.
 */
export async function prefillDataDir(dir: string, options: PrefillOptions): Promise<Trainee[]> {
  const attemptsDir = join(dir, DATA_FILES.attempts);
  await mkdir(attemptsDir, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const passwordHash = await hashPassword(TRAINEE_PASSWORD);
  const user = (id: string, employeeId: string, cohort: string) => ({
    id,
    role: 'trainee' as const,
    name: `学员${employeeId}`,
    employeeId,
    cohort,
    passwordHash,
    createdAt: now - 400 * DAY,
    activatedAt: now - 400 * DAY,
    disabled: false,
  });
  const trainees: Trainee[] = Array.from({ length: options.trainees }, (_, i) => ({
    userId: `bench-trainee-${i}`,
    employeeId: `T${String(i).padStart(6, '0')}`,
    token: options.sessions ? randomToken(32) : null,
  }));
  const accounts: AccountsFile = {
    version: 1,
    users: [
      { ...user('bench-lead', 'L000001', '组长'), role: 'lead' },
      ...Array.from({ length: options.alumni }, (_, i) =>
        user(`bench-alumni-${i}`, `A${String(i).padStart(6, '0')}`, `往届${i % 20}组`),
      ),
      ...trainees.map((t, i) => user(t.userId, t.employeeId, `压测${i % 20}组`)),
    ],
    activations: [],
    setup: null,
  };
  await writeFile(join(dir, DATA_FILES.accounts), `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  const sessions: SessionsFile = {
    version: 1,
    sessions: trainees.flatMap((t) =>
      t.token
        ? [
            {
              id: sha256Hex(t.token),
              userId: t.userId,
              createdAt: now - 3_600_000,
              expiresAt: now + 11 * 3_600_000,
              // Spread over the last minute, as in steady use: each session is then touched (sessions.json rewritten)
              // once a minute at its own moment, not all in one burst a minute after the pre-fill.
              lastSeenAt: now - Math.floor(Math.random() * 60_000),
            },
          ]
        : [],
    ),
  };
  await writeFile(join(dir, DATA_FILES.sessions), `${JSON.stringify(sessions, null, 2)}\n`, { mode: 0o600 });

  const index: string[] = [];
  const BATCH = 500;
  for (let first = 0; first < options.attempts; first += BATCH) {
    const writes: Promise<void>[] = [];
    for (let n = first; n < Math.min(first + BATCH, options.attempts); n += 1) {
      const file = closedAttempt(n, options, now);
      const { id, examId, userId, startedAt, status } = file.attempt;
      index.push(
        JSON.stringify({ op: 'start', id, examId, userId, startedAt } satisfies AttemptIndexRecord),
        JSON.stringify({ op: 'close', id, status: status as 'submitted' } satisfies AttemptIndexRecord),
      );
      writes.push(writeFile(join(attemptsDir, `${id}.json`), JSON.stringify(file), { mode: 0o600 }));
    }
    await Promise.all(writes);
  }
  await writeFile(join(dir, DATA_FILES.attemptIndex), index.length ? `${index.join('\n')}\n` : '', { mode: 0o600 });
  return trainees;
}

// Written in the format of attempts stored before per-question versions (attempt-wide `seq` and `lastSeq`), so the
// durability test and the benchmarks also prove that old data files still load.
function closedAttempt(n: number, options: PrefillOptions, now: number): AttemptFileInput {
  const startedAt = now - 300 * DAY + n * 60_000;
  const items = Array.from({ length: options.answersPerAttempt }, (_, i) => ({
    itemId: `archive-item-${(n * 7 + i) % 400}`,
    optionOrder: [(n + i) % 4, (n + i + 1) % 4, (n + i + 2) % 4, (n + i + 3) % 4],
  }));
  const answers = Object.fromEntries(
    items.map((item, i) => [
      item.itemId,
      { itemId: item.itemId, response: (n + i) % 4, flagged: i % 9 === 0, seq: i + 1, savedAt: startedAt + (i + 1) * 45_000 },
    ]),
  );
  const score = items.filter((_, i) => (n + i) % 5 !== 0).length;
  return {
    version: 1,
    attempt: {
      id: `bench-attempt-${String(n).padStart(7, '0')}`,
      examId: EXAM_ID,
      userId: `bench-alumni-${n % Math.max(1, options.alumni)}`,
      seed: (n * 2_654_435_761) % 2 ** 31,
      edition: '2025-08-15',
      contentVersion: 'bench',
      items,
      startedAt,
      deadlineAt: startedAt + 30.5 * 60_000,
      status: 'submitted',
      lastSeq: items.length,
      answers,
      submittedAt: startedAt + 25 * 60_000,
      result: {
        score,
        maxScore: items.length,
        passed: score / items.length >= 0.8,
        perItem: items.map((item, i) => ({ itemId: item.itemId, correct: (n + i) % 5 !== 0, ruleArea: `area-${i % 6}` })),
        certificateId: null,
      },
    },
  };
}
