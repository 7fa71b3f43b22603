import pg from 'pg';
import { expect, it } from 'vitest';
import { itemTallies } from '../../src/present/index.ts';
import { MIGRATIONS, migrate } from '../../src/server/store/postgres-schema.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { usePostgres } from './use-postgres.ts';

// Migration 4 adds the digest columns (score, max, passed, certificate id, per-area tallies) and fills them for attempts
// graded before it, in SQL: the tallies must be those the stores write at grading time (present's itemTallies), in the
// same first-seen order.

const postgres = usePostgres();

it('backfills the digest columns of attempts graded before migration 4, tallies as itemTallies counts them', async () => {
  const perItem = [
    { itemId: 'q1', correct: false, ruleArea: 'freight' },
    { itemId: 'q2', correct: true, ruleArea: 'refund' },
    { itemId: 'q3', correct: true, ruleArea: 'freight' },
    { itemId: 'q4', correct: true, ruleArea: 'gift' },
    { itemId: 'q5', correct: false, ruleArea: 'refund' },
  ];
  const url = await postgres.cluster.createDatabase();
  const pool = new pg.Pool({ connectionString: url });
  try {
    // The database as it was before migration 4.
    await pool.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const migration of MIGRATIONS.filter((m) => m.version < 4)) {
      await pool.query(migration.sql);
      await pool.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    const result = { score: 3, maxScore: 5, passed: false, perItem, certificateId: null };
    const insert = `INSERT INTO attempts (id, exam_id, user_id, seed, edition, content_version, items, started_at, deadline_at, status, submitted_at, result)
                    VALUES ($1, 'exam-a', 'u1', 1, '2026', 'v1', '[]', $2::bigint, $2::bigint + 1000, $3, $4::bigint, $5::jsonb)`;
    await pool.query(insert, ['attempt-graded', 1_000, 'submitted', 1_500, JSON.stringify(result)]);
    await pool.query(insert, ['attempt-ungraded', 2_000, 'expired', null, null]);
    await pool.query(insert, ['attempt-open', 3_000, 'in-progress', null, null]);
    expect(await migrate(pool)).toContain(4);
  } finally {
    await pool.end();
  }
  const store = await openPostgresStore(url);
  try {
    const { attempts } = await store.scanAttempts({}, { after: null, limit: 10 });
    expect(attempts.map((a) => [a.id, a.areas])).toEqual([
      ['attempt-graded', itemTallies(perItem)],
      ['attempt-ungraded', []],
      ['attempt-open', []],
    ]);
    expect(itemTallies(perItem)[0]).toEqual({ area: 'freight', correct: 1, total: 2 });
    expect(attempts[0]).toMatchObject({ status: 'submitted', submittedAt: 1_500, score: 3, maxScore: 5, passed: false, certificateId: null });
    expect(attempts[1]).toMatchObject({ status: 'expired', score: null, maxScore: null, passed: null });
  } finally {
    await store.close();
  }
}, 60_000);
