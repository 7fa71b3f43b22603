// Login storm: 5,000 trainees sign in through the built server's real login (Argon2id, throttle, new session each),
// 50 at a time; next to 5,000 bare Argon2id verifications at the same concurrency in a plain Node process.
//
//   node_modules/.bin/node bench/login-storm.ts [--quick]
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResult } from './lib/results.ts';
import { httpClient, inParallel, percentile } from './scale/http-client.ts';
import { prefillDataDir, TRAINEE_PASSWORD } from './scale/prefill.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

const startedAt = new Date();
const quick = process.argv.includes('--quick');
const LOGINS = quick ? 500 : 5_000;
const CONCURRENCY = 50;
// The server sets 16 unless told otherwise (src/server/store/io-threads.ts); the baseline gets the same.
const THREADS = process.env['UV_THREADPOOL_SIZE'] ?? '16';

const root = await mkdtemp(join(tmpdir(), 'asa-logins-'));
try {
  const dataDir = join(root, 'data');
  const trainees = await prefillDataDir(dataDir, { attempts: 0, answersPerAttempt: 0, alumni: 0, trainees: LOGINS, sessions: false });

  const server = await spawnServer(dataDir);
  const client = httpClient(server.origin);
  const latencies: number[] = [];
  const failures: string[] = [];
  let seconds: number;
  let peakRssMb = 0;
  try {
    await waitUntilServing(server, null);
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb() ?? 0)), 250);
    const began = performance.now();
    await inParallel(trainees, CONCURRENCY, async (trainee) => {
      const answer = await client.send('POST', '/api/auth/login', {
        json: { employeeId: trainee.employeeId, password: TRAINEE_PASSWORD },
      });
      if (answer.status === 200) latencies.push(answer.ms);
      else failures.push(`${answer.status} ${answer.body.slice(0, 160)}`);
    });
    seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
  } finally {
    client.close();
    await server.stop();
  }

  const baseline = JSON.parse(
    execFileSync(process.execPath, [fileURLToPath(new URL('./scale/argon2-baseline.ts', import.meta.url)), String(LOGINS), String(CONCURRENCY)], {
      env: { ...process.env, UV_THREADPOOL_SIZE: THREADS },
      encoding: 'utf8',
    }),
  ) as { seconds: number; p99: number; failures: number };

  const summary = `${LOGINS.toLocaleString('en')} logins, ${CONCURRENCY} at a time, every account with the same Argon2id hash (m=19456 KiB, t=2, p=1; verifying it costs what verifying distinct hashes costs); ${latencies.length} succeeded, ${failures.length} failed; server ${seconds.toFixed(1)} s (p99 ${percentile(latencies, 99).toFixed(0)} ms, peak RSS ${peakRssMb} MB), bare verify ${baseline.seconds.toFixed(1)} s (p99 ${baseline.p99.toFixed(0)} ms); thread pool ${THREADS}; 2 shared cores, noisy`;
  console.log(summary);
  for (const failure of failures.slice(0, 5)) console.log(`  failed: ${failure}`);
  const path = writeResult('login-storm', startedAt, [
    {
      id: 'login-storm.seconds',
      label: `Login storm, ${LOGINS.toLocaleString('en')} logins with real hashing`,
      value: Number(seconds.toFixed(2)),
      unit: 's',
      baseline: { label: `${LOGINS.toLocaleString('en')} bare Argon2id verifications`, value: Number(baseline.seconds.toFixed(2)) },
      target: { op: '<=', value: 120, of: 'value' },
      note: summary,
    },
    {
      id: 'login-storm.logins-per-second',
      label: 'Logins per second during the storm',
      value: Number((latencies.length / seconds).toFixed(1)),
      unit: '/s',
      baseline: { label: 'bare Argon2id verifications per second', value: Number((LOGINS / baseline.seconds).toFixed(1)) },
    },
    {
      id: 'login-storm.p99-ms',
      label: 'Login latency p99 during the storm',
      value: Number(percentile(latencies, 99).toFixed(1)),
      unit: 'ms',
      baseline: { label: 'bare Argon2id verification p99', value: Number(baseline.p99.toFixed(1)) },
    },
    {
      id: 'login-storm.errors',
      label: 'Failed logins during the storm',
      value: failures.length,
      unit: 'count',
      target: { op: '<=', value: 0, of: 'value' },
      ...(failures.length ? { note: failures.slice(0, 3).join(' | ') } : {}),
    },
  ]);
  console.log(`wrote ${path}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
