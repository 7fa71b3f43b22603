import * as fs from 'node:fs/promises';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { randomToken, sha256Hex } from '../../src/server/auth/tokens.ts';
import { type AttemptRecord, type DurableIo, openLowdbStore, type Store, type User } from '../../src/server/store/index.ts';

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
  /**
   * Item ids the attempts draw from, in turn (default: 400 made-up ids the bank does not know). The item analysis
   * bench passes single-choice bank items with four options, so every response counts against real options.
   */
  readonly itemIds?: readonly string[];
}

export interface Trainee {
  readonly userId: string;
  readonly employeeId: string;
  /** The session cookie value, when sessions were written. */
  readonly token: string | null;
}

const DAY = 86_400_000;
/** Closed attempts imported at once: the lowdb store writes their index lines together (group commit). */
const BATCH = 500;

/**
 * File calls for filling a throwaway benchmark folder: real writes and renames, no fsync. The data is only read back
 * by the benchmark, so it need not survive a power cut, and 50,000 fsyncs would take minutes.
 */
const UNSYNCED_IO: DurableIo = {
  async open(path, flags, mode) {
    const handle = await fs.open(path, flags, mode);
    return { writeFile: (data, encoding) => handle.writeFile(data, encoding), sync: async () => undefined, close: () => handle.close() };
  },
  rename: fs.rename,
  unlink: fs.unlink,
  readFile: (path, encoding) => fs.readFile(path, encoding),
};

/** Fills the lowdb data folder `dir` through the store (see `prefillStore`), writing without fsync. */
export async function prefillDataDir(dir: string, options: PrefillOptions): Promise<Trainee[]> {
  const store = await openLowdbStore(dir, { io: UNSYNCED_IO });
  try {
    return await prefillStore(store, options);
  } finally {
    await store.close();
  }
}

/**
 * Fills any store through its contract verbs, as a real one would have been filled: one lead, `alumni` trainees with
 * `attempts` closed attempts between them, `trainees` fresh trainees (with a live session each when asked).
 * All accounts share one Argon2id hash of TRAINEE_PASSWORD: verifying it costs the same as verifying distinct ones.
 */
export async function prefillStore(store: Store, options: PrefillOptions): Promise<Trainee[]> {
  const now = Date.now();
  const passwordHash = await hashPassword(TRAINEE_PASSWORD);
  const user = (id: string, employeeId: string, cohort: string | null, role: User['role'] = 'trainee'): User => ({
    id,
    role,
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
  await store.importUsers([
    user('bench-lead', 'L000001', null, 'lead'),
    ...Array.from({ length: options.alumni }, (_, i) =>
      user(`bench-alumni-${i}`, `A${String(i).padStart(6, '0')}`, `往届${i % 20}组`),
    ),
    ...trainees.map((t, i) => user(t.userId, t.employeeId, `压测${i % 20}组`)),
  ]);
  await Promise.all(
    trainees.flatMap((t) =>
      t.token
        ? [
            store.createSession({
              id: sha256Hex(t.token),
              userId: t.userId,
              createdAt: now - 3_600_000,
              expiresAt: now + 11 * 3_600_000,
              // Spread over the last minute, as in steady use: each session is then touched once a minute at its own
              // moment, not all in one burst a minute after the pre-fill.
              lastSeenAt: now - Math.floor(Math.random() * 60_000),
              idleMs: 7_200_000,
            }),
          ]
        : [],
    ),
  );
  for (let first = 0; first < options.attempts; first += BATCH) {
    const batch: Promise<void>[] = [];
    for (let n = first; n < Math.min(first + BATCH, options.attempts); n += 1) {
      batch.push(store.importAttempt(closedAttempt(n, options, now)));
    }
    await Promise.all(batch);
  }
  return trainees;
}

function closedAttempt(n: number, options: PrefillOptions, now: number): AttemptRecord {
  const startedAt = now - 300 * DAY + n * 60_000;
  const items = Array.from({ length: options.answersPerAttempt }, (_, i) => ({
    itemId: options.itemIds ? options.itemIds[(n * 7 + i) % options.itemIds.length]! : `archive-item-${(n * 7 + i) % 400}`,
    optionOrder: [(n + i) % 4, (n + i + 1) % 4, (n + i + 2) % 4, (n + i + 3) % 4],
  }));
  const answers = Object.fromEntries(
    items.map((item, i) => [
      item.itemId,
      { itemId: item.itemId, response: (n + i) % 4, flagged: i % 9 === 0, version: 1, savedAt: startedAt + (i + 1) * 45_000 },
    ]),
  );
  const score = items.filter((_, i) => (n + i) % 5 !== 0).length;
  return {
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
    fencedAt: null,
    answers,
    submittedAt: startedAt + 25 * 60_000,
    result: {
      score,
      maxScore: items.length,
      passed: score / items.length >= 0.8,
      perItem: items.map((item, i) => ({ itemId: item.itemId, correct: (n + i) % 5 !== 0, ruleArea: `area-${i % 6}` })),
      certificateId: null,
    },
  };
}
