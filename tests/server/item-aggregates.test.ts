import { rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleAttempt, displayAnswer, examQuestion, gradePaper, itemSpec, planAggregateAnalysis, type Response } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { analyseAttemptsInFull, analyseStoredAttempts, type AnalysisScope } from '../../src/server/item-analysis/index.ts';
import { DATA_FILES, openLowdbStore, type AttemptResult, type Store } from '../../src/server/store/index.ts';
import { MIGRATIONS } from '../../src/server/store/postgres-schema.ts';
import { openPool, openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { type PostgresCluster, startPostgres } from '../store/postgres-cluster.ts';
import { ROOT, tempDataDir } from './built-server.ts';
import { newAttempt } from './store-factories.ts';

// /lead/items from the stored per-question outcomes (recorded at grading, summed by the store) must show exactly what
// it showed when it read every attempt in full: same rows, statistics to the last bit, flags and option charts, for
// one exam and bank-wide, templates pooled, with ties at the group boundaries. Both stores, and after a backfill.

const content = loadExamContent(join(ROOT, 'content'));
const EXAM = content.exams.get('basic-certification')!;
const T0 = 1_700_000_000_000;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 90 attempts (real papers of the exam, a third filed under a second exam): graded, expired, ungraded and open. */
async function fill(store: Store): Promise<void> {
  let random = 11;
  const next = () => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let n = 0; n < 90; n += 1) {
    // Random ids over the whole alphabet: upper case, digits, '-' and '_' order differently under a locale collation.
    const id = Array.from({ length: 12 }, () => pick([...ID_CHARS])).join('');
    const items = assembleAttempt(EXAM, content.bank, 1 + Math.floor(next() * 100_000));
    // One question the bank no longer has.
    const paper = n % 17 === 0 ? [...items, { itemId: 'gone-from-bank' }] : items;
    const startedAt = T0 + n * 1_000;
    const examId = n % 3 === 2 ? 'second-exam' : EXAM.id;
    await store.createAttempt(newAttempt({ id, userId: `u-${n}`, examId, items: paper, startedAt, deadlineAt: startedAt + 3_600_000 }));
    if (n % 23 === 5) continue; // still in progress
    const skill = next();
    const responses: Record<string, Response> = {};
    let version = 0;
    for (const entry of items) {
      const question = content.lookup(entry.itemId)!;
      const shown = examQuestion(entry, question);
      const roll = next();
      let response: Response | null;
      if (roll < 0.08) continue; // never answered
      if (roll < 0.12) response = null; // answered, then cleared
      else if (next() < skill) response = displayAnswer(entry, question.key);
      else if (shown.type === 'single') response = Math.floor(next() * shown.choices.length);
      else if (shown.type === 'multiple') response = shown.choices.map((_, i) => i).filter(() => next() < 0.5);
      else if (shown.type === 'truefalse') response = next() < 0.5;
      else response = [...shown.choices].sort(() => next() - 0.5);
      version += 1;
      const saved = await store.saveAnswer(id, { itemId: entry.itemId, response, flagged: false, version, savedAt: startedAt + version });
      expect(saved.ok).toBe(true);
      if (response !== null) responses[entry.itemId] = response;
    }
    if (n % 19 === 7) {
      await store.expireAttempt(id, startedAt + 3_600_000, null);
      continue;
    }
    const real = gradePaper(items, responses, content.lookup);
    // The removed question was graded when it was still in the bank.
    const extra = paper.length > items.length ? [{ itemId: 'gone-from-bank', correct: true, ruleArea: 'general' }] : [];
    const graded = { score: real.score + extra.length, maxScore: real.maxScore + extra.length, perItem: [...real.perItem, ...extra] };
    const result: AttemptResult = { ...graded, passed: graded.score / graded.maxScore >= EXAM.passMark, certificateId: null };
    if (n % 5 === 4) await store.expireAttempt(id, startedAt + 3_600_000, result);
    else await store.submitAttempt(id, result, startedAt + 60_000);
  }
}

async function compare(store: Store): Promise<void> {
  const scopes: AnalysisScope[] = [{ examId: EXAM.id }, 'bank', { examId: 'second-exam' }, { examId: 'no-such-exam' }];
  for (const scope of scopes) {
    const old = await analyseAttemptsInFull(store, content, scope);
    const now = await analyseStoredAttempts(store, content, scope);
    expect(now.attempts, JSON.stringify(scope)).toBe(old.attempts);
    expect(now.inProgress).toBe(old.inProgress);
    expect(now.unknownItemIds).toEqual(old.unknownItemIds);
    expect(now.minResponses).toBe(old.minResponses);
    // Statistics, D and r to the last bit, flags, option counts and shares, per row and per variant.
    expect(now.rows).toEqual(old.rows);
  }
  // Something to compare: items with enough responses for D, templates, every flag kind the data raises, cuts.
  const bank = await analyseAttemptsInFull(store, content, 'bank');
  expect(bank.attempts).toBeGreaterThan(60);
  expect(bank.unknownItemIds).toEqual(['gone-from-bank']);
  const measured = bank.rows.filter((row) => row.stats.discrimination.status === 'ok');
  expect(measured.length).toBeGreaterThan(5);
  expect(bank.rows.some((row) => row.kind === 'template' && row.variants.length > 1)).toBe(true);
  expect(new Set(bank.rows.flatMap((row) => row.stats.flags)).size).toBeGreaterThan(0);
  expect(new Set(bank.rows.map((row) => row.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'ordering']));
  const aggregates = await store.itemAggregates({});
  expect(aggregates.items.some((item) => item.blank > 0)).toBe(true);
  // Group boundaries inside score levels (ties), resolved by attempt id: the store's boundary query is exercised.
  const plan = planAggregateAnalysis(aggregates, (itemId) => {
    const question = content.lookup(itemId);
    return question ? itemSpec(itemId, question) : undefined;
  });
  expect(plan.cuts.length).toBeGreaterThan(20);
  expect(plan.cuts.some((cut) => cut.scores.length > 1 || cut.itemIds.length > 1)).toBe(true);
}

describe('item analysis from stored outcomes equals the analysis of full attempts', () => {
  let cluster: PostgresCluster;

  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('on lowdb, after a reopen, and after a backfill from the attempt files', async () => {
    const dir = await tempDataDir();
    let store = await openLowdbStore(dir);
    try {
      await fill(store);
      await compare(store);
      await store.close();
      store = await openLowdbStore(dir);
      await compare(store);
      await store.close();
      // A data folder from before the outcomes log: every closed attempt is read once and its line written.
      await unlink(join(dir, DATA_FILES.attemptItems));
      store = await openLowdbStore(dir);
      await compare(store);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('on PostgreSQL, and after migration 8 backfills the outcomes from stored results in SQL', async () => {
    const url = await cluster.createDatabase();
    const store = await openPostgresStore(url, { migrate: true });
    const pool = openPool(url, 1);
    try {
      await fill(store);
      await compare(store);
      const before = await pool.query('SELECT attempt_id, item_id, exam_id, score, max_score, correct, chosen FROM attempt_items ORDER BY 1, 2');
      expect(before.rows.length).toBeGreaterThan(1_000);
      // As a database migrated before 7: no outcomes, then the migration's SQL fills them from results and answers.
      await pool.query('DELETE FROM attempt_items');
      const migration = MIGRATIONS.find((m) => m.name === 'attempt-items')!;
      await pool.query(migration.sql.replace(/CREATE (TABLE|INDEX)[^;]*;/g, ''));
      const after = await pool.query('SELECT attempt_id, item_id, exam_id, score, max_score, correct, chosen FROM attempt_items ORDER BY 1, 2');
      expect(after.rows).toEqual(before.rows);
      await compare(store);
    } finally {
      await pool.end();
      await store.close();
    }
  }, 120_000);
});
