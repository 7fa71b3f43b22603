import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildDashboard, dashboardAttempt, type DashboardInput, parseCohortScope } from '../../src/present/index.ts';
import { ruleAreas } from '../../src/rules/index.ts';
import { dashboardAttempts } from '../../src/server/lead-stats/index.ts';
import { openLowdbStore, type AttemptResult, type Store } from '../../src/server/store/index.ts';
import { usePostgres } from '../store/use-postgres.ts';
import { tempDataDir } from './built-server.ts';
import { newAttempt, newUser } from './store-factories.ts';

// The dashboard from store digests (per-area tallies written at grading) must show exactly what it showed when it read
// every full attempt: both are built here from the same stored data, on both stores, and compared figure by figure.

const T0 = 1_700_000_000_000;
const AREAS = ruleAreas.map((area) => area.id);

/** A deterministic spread: 3 cohorts, 24 trainees, up to 3 attempts each, graded, expired ungraded and in progress. */
async function fill(store: Store): Promise<void> {
  let random = 7;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let t = 0; t < 24; t += 1) {
    const user = newUser({ id: `agg-user-${t}`, cohort: t % 8 === 7 ? null : `售后${(t % 3) + 1}组` });
    await store.createUser(user);
    const attempts = Math.floor(next() * 4);
    for (let k = 0; k < attempts; k += 1) {
      const startedAt = T0 + t * 1_000 + k * 100_000;
      const attempt = newAttempt({ id: `attempt-agg-${t}-${k}`, userId: user.id, startedAt, deadlineAt: startedAt + 3_600_000 });
      await store.createAttempt(attempt);
      const fate = next();
      if (k === attempts - 1 && fate < 0.15) continue; // still in progress
      if (fate < 0.25) {
        await store.expireAttempt(attempt.id, startedAt + 3_600_000, null);
        continue;
      }
      const perItem = Array.from({ length: 10 }, (_, i) => ({
        itemId: `q${i}`,
        correct: next() < 0.7,
        ruleArea: AREAS[Math.floor(next() * Math.min(5, AREAS.length))]!,
      }));
      const score = perItem.filter((item) => item.correct).length;
      const result: AttemptResult = { score, maxScore: 10, passed: score >= 7, perItem, certificateId: null };
      if (fate < 0.4) await store.expireAttempt(attempt.id, startedAt + 3_600_000, result);
      else await store.submitAttempt(attempt.id, result, startedAt + 50_000);
    }
  }
}

async function compare(store: Store): Promise<void> {
  const trainees = await store.listUsers({ role: 'trainee' });
  const before = await store.listAttempts({ examId: 'exam-a' });
  const after = await dashboardAttempts(store, { examId: 'exam-a' });
  expect(after).toHaveLength(before.length);
  for (const scope of [null, '售后1组', '售后3组', '__none__']) {
    for (const showAllTrainees of [false, true]) {
      const input = (attempts: DashboardInput['attempts']): DashboardInput => ({
        trainees,
        attempts,
        certificates: [],
        attemptsAllowed: 3,
        areas: ruleAreas,
        scope: parseCohortScope(scope),
        now: T0 + 10_000_000,
        showAllTrainees,
        links: { trainee: (id) => `/t/${id}`, cohort: (s) => `/c/${s.kind}` },
      });
      const old = buildDashboard(input(before.map(dashboardAttempt)));
      const now = buildDashboard(input(after));
      expect(now.summary).toEqual(old.summary);
      expect(now.cohorts).toEqual(old.cohorts);
      expect(now.traineeHeatmap).toEqual(old.traineeHeatmap);
      expect(now.cohortHeatmap).toEqual(old.cohortHeatmap);
      expect(now.followUps.map((f) => [f.progress.user.id, f.reasons])).toEqual(old.followUps.map((f) => [f.progress.user.id, f.reasons]));
    }
  }
  // Something to compare: graded attempts with tallies in several areas.
  const old = buildDashboard({
    trainees,
    attempts: before.map(dashboardAttempt),
    certificates: [],
    attemptsAllowed: 3,
    areas: ruleAreas,
    scope: parseCohortScope(null),
    now: T0,
    showAllTrainees: true,
    links: { trainee: (id) => id, cohort: () => '' },
  });
  expect(old.summary.scores.count).toBeGreaterThan(10);
  expect(old.summary.areas.length).toBeGreaterThan(2);
  expect(old.summary.attempts.expired).toBeGreaterThan(0);
}

describe('dashboard from store digests equals the dashboard from full attempts', () => {
  const postgres = usePostgres();

  it('on lowdb, also after a reopen (tallies from the attempt index)', async () => {
    const dir = await tempDataDir();
    let store = await openLowdbStore(dir);
    try {
      await fill(store);
      await compare(store);
      await store.close();
      store = await openLowdbStore(dir);
      await compare(store);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('on PostgreSQL', async () => {
    const { store } = await postgres.migratedStore();
    try {
      await fill(store);
      await compare(store);
    } finally {
      await store.close();
    }
  }, 60_000);
});
