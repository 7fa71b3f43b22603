import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prefillDataDir } from '../../bench/scale/prefill.ts';
import { readLog } from '../../src/server/store/append-log.ts';
import {
  AccountsFileSchema,
  AttemptFileSchema,
  AnswerLogLineSchema,
  AttemptIndexRecordSchema,
  CertificatesFileSchema,
  SessionsFileSchema,
  ThrottleFileSchema,
} from '../../src/server/store/schemas.ts';
import { tempDataDir } from '../server/built-server.ts';
import { killNineRounds, ROUNDS, SEED, TIME_LIMIT_MS } from './kill9-scenario.ts';

// The kill -9 scenario (kill9-scenario.ts) on the lowdb store: after every kill every data file must parse.

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

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
    if (name.endsWith('.jsonl')) await readLog(path, AnswerLogLineSchema);
    else if (name.endsWith('.json')) {
      expect(AttemptFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8'))).success, name).toBe(true);
    }
  }
}

test(
  `lowdb: every acknowledged autosave survives ${ROUNDS} kill -9s at random moments (seed ${SEED})`,
  async () => {
    await killNineRounds({
      name: 'lowdb',
      dataDir,
      env: {},
      prefill: (trainees) => prefillDataDir(dataDir, { attempts: 200, answersPerAttempt: 20, alumni: 10, trainees, sessions: true }),
      afterKill: () => expectEveryFileParses(),
    });
  },
  TIME_LIMIT_MS,
);
