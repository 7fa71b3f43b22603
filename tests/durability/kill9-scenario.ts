import { expect } from 'vitest';
import { EXAM_ID, type Trainee } from '../../bench/scale/prefill.ts';
import { type ServerProcess, spawnServer, waitUntilServing } from '../../bench/scale/server-process.ts';

// The kill -9 durability scenario, shared by both stores (kill9.test.ts: lowdb, kill9-postgres.test.ts: PostgreSQL).
// Kill -9 the built server at seeded random moments while trainees autosave, ROUNDS times. Each trainee keeps several
// saves in flight at once, for random questions with per-question versions, so saves for one question overtake each
// other (the older then comes back `superseded`). After every restart each answer the server acknowledged must be
// there with at least its acknowledged version, and with the same response at that version (an unacknowledged later
// save may also have landed), the same attempt must resume, the store's own checks must hold (`afterKill`), and the
// server must serve. Replay a failure with DURABILITY_SEED=<printed seed>.

export const ROUNDS = Number(process.env['DURABILITY_ROUNDS'] ?? 50);
export const TRAINEES = 10;
/** Saves each trainee keeps in flight at once. */
const IN_FLIGHT = 3;
export const SEED = Number(process.env['DURABILITY_SEED'] ?? Date.now() % 2 ** 31);

/** What the scenario needs from the store under test. */
export interface DurabilitySubject {
  /** 'lowdb' or 'PostgreSQL', for the log lines. */
  readonly name: string;
  /** The DATA_DIR the server gets (with DATABASE_URL set it must not be used). */
  readonly dataDir: string;
  /** Extra environment for the server (DATABASE_URL). */
  readonly env: Record<string, string>;
  /** Fills the store before the first start: closed attempts, and `trainees` fresh trainees with live sessions. */
  prefill(trainees: number): Promise<Trainee[]>;
  /** Runs at the moment of each kill, alongside it (PostgreSQL: crash the database too, now and then). */
  atKill?(round: number): Promise<void>;
  /** Runs after each kill, before the restart: the store's own checks (files parse; a database crash and recovery). */
  afterKill(round: number): Promise<void>;
}

/** mulberry32: small, seedable, good enough to place kills. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Acked {
  readonly version: number;
  readonly response: unknown;
}

interface TraineeState {
  readonly trainee: Trainee;
  attemptId: string | null;
  questions: AttemptView['questions'];
  /** Per item, the last version sent. */
  readonly versions: Map<string, number>;
  /** Per item and version, the response sent under it. */
  readonly sent: Map<string, unknown>;
  /** Per item, the highest version the server acknowledged holding and the response sent under it. */
  readonly acked: Map<string, Acked>;
}

export interface AttemptView {
  readonly id: string;
  readonly questions: readonly { readonly id: string; readonly type: string; readonly choices: readonly string[] }[];
  readonly answers: Record<string, { readonly response: unknown; readonly version: number }>;
}

export async function call(server: { url: string; origin: string }, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: server.origin,
      cookie: `asa_session=${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A response of the right shape for the question that differs from one version to the next (or clears it). */
export function validResponse(question: AttemptView['questions'][number], version: number): unknown {
  if (version % 5 === 0) return null;
  const n = question.choices.length;
  switch (question.type) {
    case 'single':
      return version % n;
    case 'truefalse':
      return version % 2 === 0;
    case 'multiple':
      return [version % n];
    default:
      return [...question.choices.slice(version % n), ...question.choices.slice(0, version % n)];
  }
}

/** Runs the whole scenario against one store; returns what it counted. */
export async function killNineRounds(subject: DurabilitySubject): Promise<{ acknowledged: number; superseded: number; checked: number }> {
  console.log(`kill -9 durability (${subject.name}): seed ${SEED} (replay with DURABILITY_SEED=${SEED})`);
  const next = random(SEED);
  const trainees = await subject.prefill(TRAINEES);
  const states: TraineeState[] = trainees.map((trainee) => ({
    trainee,
    attemptId: null,
    questions: [],
    versions: new Map(),
    sent: new Map(),
    acked: new Map(),
  }));
  let acknowledged = 0;
  let superseded = 0;
  let checked = 0;

  for (let round = 1; round <= ROUNDS; round += 1) {
    const server = await spawnServer(subject.dataDir, subject.env);
    try {
      await waitUntilServing(server, trainees[0]!.token!, 30_000);
      // Start (or resume) each attempt and check it against everything acknowledged before the last kill.
      for (const state of states) {
        const started = await call(server, state.trainee.token!, 'POST', `/api/exams/${EXAM_ID}/start`);
        expect([200, 201], JSON.stringify(started.json)).toContain(started.status);
        const attempt = started.json['attempt'] as AttemptView;
        if (state.attemptId !== null) expect(attempt.id, 'the same attempt resumes').toBe(state.attemptId);
        state.attemptId = attempt.id;
        state.questions = attempt.questions;
        for (const [itemId, acked] of state.acked) {
          const stored = attempt.answers[itemId];
          expect(stored, `round ${round}: acknowledged answer ${itemId}@${acked.version} is missing`).toBeDefined();
          expect(stored!.version, `round ${round}: ${itemId} went back in time`).toBeGreaterThanOrEqual(acked.version);
          if (stored!.version === acked.version) expect(stored!.response).toEqual(acked.response);
          checked += 1;
        }
        // Versions continue above whatever the server holds (a save cut off by the kill may have landed).
        for (const [itemId, stored] of Object.entries(attempt.answers)) {
          state.versions.set(itemId, Math.max(state.versions.get(itemId) ?? 0, stored.version));
        }
      }

      // Autosave flat out from every trainee, and kill the server at a random moment.
      let killed = false;
      /** Sends one save; records what the server acknowledged holding. Errors after the kill are expected. */
      const save = async (state: TraineeState, question: AttemptView['questions'][number], version: number) => {
        const itemId = question.id;
        const response = validResponse(question, version);
        state.sent.set(`${itemId}@${version}`, response);
        try {
          const saved = await call(server, state.trainee.token!, 'PUT', `/api/attempts/${state.attemptId}/answers`, {
            itemId,
            response,
            flagged: version % 2 === 0,
            version,
          });
          if (saved.status >= 200 && saved.status < 300) {
            // `version` is what the server holds now: this save's, or a newer one (superseded), both durable.
            const holds = saved.json['version'] as number;
            if (saved.json['outcome'] === 'superseded') superseded += 1;
            const previous = state.acked.get(itemId);
            if (!previous || previous.version < holds) state.acked.set(itemId, { version: holds, response: state.sent.get(`${itemId}@${holds}`) });
            acknowledged += 1;
          } else if (!killed) {
            throw new Error(`autosave answered ${saved.status}: ${JSON.stringify(saved.json)}`);
          }
        } catch (error) {
          // A request cut off by the kill was never acknowledged: nothing to expect from it.
          if (!killed) throw error;
        }
      };
      const loops = states.flatMap((state) =>
        Array.from({ length: IN_FLIGHT }, async () => {
          while (!killed) {
            // Few questions and several saves in flight, so saves for one question race each other; and every
            // other step sends a newer version before an older one on purpose (the older must come back superseded).
            const question = state.questions[Math.floor(next() * 4)]!;
            const older = (state.versions.get(question.id) ?? 0) + 1;
            const newer = older + 1;
            state.versions.set(question.id, newer);
            if (older % 4 === 1) {
              await save(state, question, newer);
              await save(state, question, older);
            } else {
              await Promise.all([save(state, question, older), save(state, question, newer)]);
            }
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 30 + next() * 400));
      killed = true;
      await Promise.all([server.kill9(), subject.atKill?.(round)]);
      await Promise.all(loops);
    } finally {
      await server.kill9();
    }
    await subject.afterKill(round);
    if (process.env['DURABILITY_VERBOSE']) console.log(`round ${round}: ${acknowledged} acknowledged so far`);
  }

  // One last start to check what the last kill left.
  const server: ServerProcess = await spawnServer(subject.dataDir, subject.env);
  try {
    await waitUntilServing(server, trainees[0]!.token!, 30_000);
    for (const state of states) {
      const { json } = await call(server, state.trainee.token!, 'GET', `/api/attempts/${state.attemptId}`);
      const attempt = json['attempt'] as AttemptView;
      for (const [itemId, acked] of state.acked) {
        expect(attempt.answers[itemId]?.version ?? -1).toBeGreaterThanOrEqual(acked.version);
        checked += 1;
      }
    }
  } finally {
    await server.stop();
  }
  console.log(
    `kill -9 durability (${subject.name}): ${acknowledged} acknowledged autosaves (${superseded} of them an older version arriving after a newer one: superseded), ${checked} answer checks, ${ROUNDS} kills`,
  );
  expect(acknowledged).toBeGreaterThan(ROUNDS);
  expect(superseded, 'the load had out-of-order saves').toBeGreaterThan(0);
  return { acknowledged, superseded, checked };
}

/**
 * A round (spawn, resume 10 attempts, save, kill) took 12–14 s here with the 2 cores shared by several test runs, and
 * 50 lowdb rounds took 692 s at load 25 while the PostgreSQL file ran beside them: 20 s a round, so that a busy CI
 * run does not fail on time alone.
 */
export const TIME_LIMIT_MS = Math.max(360_000, ROUNDS * 20_000);
