// Restart with 1,000,000 stored answers: time from process spawn to the first answered authenticated API call,
// next to the same time on a data folder holding one trainee and nothing else.
//
//   node_modules/.bin/node bench/restart.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeResult } from './lib/results.ts';
import { prefillDataDir } from './scale/prefill.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

const startedAt = new Date();
const quick = process.argv.includes('--quick');
const ANSWERS_PER_ATTEMPT = 20;
const ATTEMPTS = quick ? 5_000 : 50_000;
const RUNS = quick ? 2 : 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeRestarts(dataDir: string, token: string): Promise<{ seconds: number[]; rssMb: number | null }> {
  const seconds: number[] = [];
  let rssMb: number | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const server = await spawnServer(dataDir);
    try {
      seconds.push((await waitUntilServing(server, token)) / 1000);
      rssMb = server.rssMb();
    } finally {
      await server.stop();
    }
  }
  return { seconds, rssMb };
}

const root = await mkdtemp(join(tmpdir(), 'asa-restart-'));
try {
  const fullDir = join(root, 'full');
  const emptyDir = join(root, 'empty');
  const prefillStart = performance.now();
  const [fullTrainee] = await prefillDataDir(fullDir, {
    attempts: ATTEMPTS,
    answersPerAttempt: ANSWERS_PER_ATTEMPT,
    alumni: Math.ceil(ATTEMPTS / 20),
    trainees: 1,
    sessions: true,
  });
  const prefillSeconds = (performance.now() - prefillStart) / 1000;
  const [emptyTrainee] = await prefillDataDir(emptyDir, {
    attempts: 0,
    answersPerAttempt: 0,
    alumni: 0,
    trainees: 1,
    sessions: true,
  });

  const empty = await timeRestarts(emptyDir, emptyTrainee!.token!);
  const full = await timeRestarts(fullDir, fullTrainee!.token!);
  const answers = ATTEMPTS * ANSWERS_PER_ATTEMPT;
  const note = `${answers.toLocaleString('en')} answers in ${ATTEMPTS.toLocaleString('en')} closed attempts (generated in ${prefillSeconds.toFixed(1)} s as the store writes them); median of ${RUNS} spawns, each timed from spawn to the first 200 of GET /api/auth/me with a session cookie; runs: ${full.seconds.map((s) => s.toFixed(2)).join(', ')} s (empty: ${empty.seconds.map((s) => s.toFixed(2)).join(', ')} s)`;
  console.log(note);
  const path = writeResult('restart', startedAt, [
    {
      id: 'restart.seconds-to-serve',
      label: `Restart to first authenticated answer, ${answers.toLocaleString('en')} stored answers`,
      value: Number(median(full.seconds).toFixed(3)),
      unit: 's',
      baseline: { label: 'same, empty data folder', value: Number(median(empty.seconds).toFixed(3)) },
      target: { op: '<=', value: 5, of: 'value' },
      note,
    },
    ...(full.rssMb === null
      ? []
      : [
          {
            id: 'restart.server-rss-mb',
            label: `Server memory after restart, ${answers.toLocaleString('en')} stored answers`,
            value: full.rssMb,
            unit: 'MB',
            ...(empty.rssMb === null ? {} : { baseline: { label: 'same, empty data folder', value: empty.rssMb } }),
            note: 'resident set size of the server process when it first served',
          },
        ]),
  ]);
  console.log(`wrote ${path}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
