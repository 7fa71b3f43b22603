import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomToken, sha256Hex } from '../../src/server/auth/tokens.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { prefillDataDir } from '../../bench/scale/prefill.ts';
import { ensureBuilt, startServer, tempDataDir, type TestServer } from './built-server.ts';

vi.setConfig({ testTimeout: 120_000 });

// 5,000 closed attempts of 250 trainees, written through the store's import verb. How long the same pages take over
// 50,000 attempts on both stores is `npm run bench -- --only lead-pages` (bench/lead-pages.ts).
const ATTEMPTS = 5_000;
let server: TestServer;
let dataDir: string;
let token: string;

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  await prefillDataDir(dataDir, { attempts: ATTEMPTS, answersPerAttempt: 20, alumni: ATTEMPTS / 20, trainees: 0, sessions: false });
  const store = await openLowdbStore(dataDir);
  token = randomToken(32);
  const now = Date.now();
  await store.createSession({ id: sha256Hex(token), userId: 'bench-lead', createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
  await store.close();
  server = await startServer({ dataDir });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A GET as the lead: status, body and milliseconds to the whole body. */
async function timed(path: string): Promise<{ status: number; text: string; ms: number }> {
  const began = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: `asa_session=${token}` } });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - began };
}

describe(`lead listings from summaries over ${ATTEMPTS.toLocaleString('en')} attempts (lowdb)`, () => {
  it('lists /lead/attempts one page at a time, newest first, with each result from the attempt index', async () => {
    const first = await timed('/lead/attempts');
    console.log(`/lead/attempts: ${first.ms.toFixed(0)} ms`);
    expect(first.status).toBe(200);
    expect(first.text).toContain(`共 ${ATTEMPTS} 次作答`);
    expect(first.text.match(/data-attempt-row=/g)).toHaveLength(200);
    // Newest first, with the result from the index.
    const id = (n: number) => `bench-attempt-${String(n).padStart(7, '0')}`;
    expect(first.text).toContain(`data-attempt-row="${id(ATTEMPTS - 1)}"`);
    expect(first.text).toContain(`data-attempt-row="${id(ATTEMPTS - 200)}"`);
    expect(first.text).not.toContain(`data-attempt-row="${id(ATTEMPTS - 201)}"`);
    expect(first.text).toMatch(new RegExp(`${id(ATTEMPTS - 1)}"[^]*?<td>\\d+ / 20</td>`));

    const cohort = await timed(`/lead/attempts?cohort=${encodeURIComponent('往届3组')}&page=2`);
    console.log(`/lead/attempts, one cohort, page 2: ${cohort.ms.toFixed(0)} ms`);
    expect(cohort.status).toBe(200);
    // 250 trainees in 20 cohorts: 往届3组 has 13 of them, 20 attempts each.
    expect(cohort.text).toContain('共 260 次作答');
    expect(cohort.text).toContain('第 2 / 2 页');
    expect(cohort.text.match(/data-attempt-row=/g)).toHaveLength(60);
  });

  it('exports results.csv with a row per attempt, oldest first, results from the summaries', async () => {
    const csv = await timed('/api/lead/exports/results.csv');
    console.log(`results.csv: ${csv.ms.toFixed(0)} ms, ${(csv.text.length / 1e6).toFixed(1)} M characters`);
    expect(csv.status).toBe(200);
    const rows = csv.text.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(ATTEMPTS + 1);
    expect(rows[1]).toContain('bench-attempt-0000000');
    // Attempt 0: 16 of 20 right (the prefill marks every fifth wrong), below the 80 % pass mark? 16/20 = 80 %: passed.
    expect(rows[1]).toMatch(/已交卷,16,20,80%,通过,,bench-attempt-0000000$/);
  });
});
