import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXAM_ID, prefillDataDir, type Trainee } from '../../bench/scale/prefill.ts';
import { type ServerProcess, spawnServer, waitUntilServing } from '../../bench/scale/server-process.ts';
import { readLog } from '../../src/server/store/append-log.ts';
import {
  AccountsFileSchema,
  AttemptFileSchema,
  AttemptIndexRecordSchema,
  CertificatesFileSchema,
  SavedAnswerSchema,
  SessionsFileSchema,
  ThrottleFileSchema,
} from '../../src/server/store/schemas.ts';
import { tempDataDir } from '../server/built-server.ts';

// Kill -9 the built server at seeded random moments while trainees autosave, 50 times. After every restart each
// answer the server acknowledged (a 2xx) must be there with at least its acknowledged seq (an unacknowledged later
// save may also have landed), every data file must parse, and the server must serve. Replay a failure with
// DURABILITY_SEED=<printed seed>.

const ROUNDS = 50;
const TRAINEES = 10;
const SEED = Number(process.env['DURABILITY_SEED'] ?? Date.now() % 2 ** 31);

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
  readonly seq: number;
  readonly response: unknown;
}

interface TraineeState {
  readonly trainee: Trainee;
  attemptId: string | null;
  itemIds: string[];
  nextSeq: number;
  /** Per item, the highest seq the server acknowledged and what it stored under it. */
  readonly acked: Map<string, Acked>;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function call(server: ServerProcess, token: string, method: string, path: string, body?: unknown) {
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

interface AttemptView {
  readonly id: string;
  readonly questions: readonly { readonly id: string }[];
  readonly answers: Record<string, { readonly response: unknown; readonly seq: number }>;
  readonly lastSeq: number;
}

/** Every data file must parse completely (an answer log may end in one torn, unacknowledged line). */
async function expectEveryFileParses(): Promise<void> {
  const schemas = {
    'accounts.json': AccountsFileSchema,
    'sessions.json': SessionsFileSchema,
    'throttle.json': ThrottleFileSchema,
    'certificates.json': CertificatesFileSchema,
  } as const;
  for (const [name, schema] of Object.entries(schemas)) {
    const text = await readFile(join(dataDir, name), 'utf8').catch(() => null);
    if (text !== null) expect(schema.safeParse(JSON.parse(text)).success, name).toBe(true);
  }
  await readLog(join(dataDir, 'attempt-index.jsonl'), AttemptIndexRecordSchema);
  for (const name of await readdir(join(dataDir, 'attempts'))) {
    const path = join(dataDir, 'attempts', name);
    if (name.endsWith('.jsonl')) await readLog(path, SavedAnswerSchema);
    else if (name.endsWith('.json')) {
      expect(AttemptFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8'))).success, name).toBe(true);
    }
  }
}

test(
  `every acknowledged autosave survives ${ROUNDS} kill -9s at random moments (seed ${SEED})`,
  async () => {
    console.log(`kill -9 durability: seed ${SEED} (replay with DURABILITY_SEED=${SEED})`);
    const next = random(SEED);
    const trainees = await prefillDataDir(dataDir, {
      attempts: 200,
      answersPerAttempt: 20,
      alumni: 10,
      trainees: TRAINEES,
      sessions: true,
    });
    const states: TraineeState[] = trainees.map((trainee) => ({
      trainee,
      attemptId: null,
      itemIds: [],
      nextSeq: 1,
      acked: new Map(),
    }));
    let acknowledged = 0;
    let checked = 0;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await spawnServer(dataDir);
      try {
        await waitUntilServing(server, trainees[0]!.token!, 30_000);
        // Start (or resume) each attempt and check it against everything acknowledged before the last kill.
        for (const state of states) {
          const started = await call(server, state.trainee.token!, 'POST', `/api/exams/${EXAM_ID}/start`);
          expect([200, 201], JSON.stringify(started.json)).toContain(started.status);
          const attempt = started.json['attempt'] as AttemptView;
          if (state.attemptId !== null) expect(attempt.id, 'the same attempt resumes').toBe(state.attemptId);
          state.attemptId = attempt.id;
          state.itemIds = attempt.questions.map((q) => q.id);
          for (const [itemId, acked] of state.acked) {
            const stored = attempt.answers[itemId];
            expect(stored, `round ${round}: acknowledged answer ${itemId}@${acked.seq} is missing`).toBeDefined();
            expect(stored!.seq, `round ${round}: ${itemId} went back in time`).toBeGreaterThanOrEqual(acked.seq);
            if (stored!.seq === acked.seq) expect(stored!.response).toEqual(acked.response);
            checked += 1;
          }
          state.nextSeq = Math.max(state.nextSeq, attempt.lastSeq + 1);
        }

        // Autosave flat out from every trainee, and kill the server at a random moment.
        let killed = false;
        const loops = states.map(async (state) => {
          while (!killed) {
            const seq = state.nextSeq++;
            const itemId = state.itemIds[seq % state.itemIds.length]!;
            const response = seq % 2 === 0 ? seq % 4 : null;
            try {
              const saved = await call(server, state.trainee.token!, 'PUT', `/api/attempts/${state.attemptId}/answers`, {
                itemId,
                response,
                flagged: seq % 5 === 0,
                seq,
              });
              if (saved.status >= 200 && saved.status < 300) {
                const previous = state.acked.get(itemId);
                if (!previous || previous.seq < seq) state.acked.set(itemId, { seq, response });
                acknowledged += 1;
              } else if (!killed) {
                throw new Error(`autosave answered ${saved.status}: ${JSON.stringify(saved.json)}`);
              }
            } catch (error) {
              // A request cut off by the kill was never acknowledged: nothing to expect from it.
              if (!killed) throw error;
            }
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 30 + next() * 400));
        killed = true;
        await server.kill9();
        await Promise.all(loops);
      } finally {
        await server.kill9();
      }
      await expectEveryFileParses();
    }

    // One last start to check what the 50th kill left.
    const server = await spawnServer(dataDir);
    try {
      await waitUntilServing(server, trainees[0]!.token!, 30_000);
      for (const state of states) {
        const { json } = await call(server, state.trainee.token!, 'GET', `/api/attempts/${state.attemptId}`);
        const attempt = json['attempt'] as AttemptView;
        for (const [itemId, acked] of state.acked) {
          expect(attempt.answers[itemId]?.seq ?? -1).toBeGreaterThanOrEqual(acked.seq);
          checked += 1;
        }
      }
    } finally {
      await server.stop();
    }
    console.log(`kill -9 durability: ${acknowledged} acknowledged autosaves, ${checked} answer checks, ${ROUNDS} kills`);
    expect(acknowledged).toBeGreaterThan(ROUNDS);
  },
  360_000,
);
