import type pg from 'pg';
import { mergeItemProgress } from '../../present/practice/index.ts';
import { practiceCounts } from './practice-activity.ts';
import type { PracticeArea } from './store.ts';
import type { PracticeActivity, PracticeRecord } from './types.ts';

type Row = Record<string, unknown>;

function toRecord(row: Row): PracticeRecord {
  return {
    itemId: row.item_id as string,
    area: row.area as string,
    attempts: row.attempts as PracticeRecord['attempts'],
    card: (row.card as PracticeRecord['card']) ?? null,
  };
}

/** The practice area in PostgreSQL (table `practice_records`, migration 2). */
export class PostgresPractice implements PracticeArea {
  readonly #pool: pg.Pool;
  readonly #transaction: <R>(work: (client: pg.PoolClient) => Promise<R>) => Promise<R>;

  constructor(pool: pg.Pool, transaction: <R>(work: (client: pg.PoolClient) => Promise<R>) => Promise<R>) {
    this.#pool = pool;
    this.#transaction = transaction;
  }

  async getPractice(userId: string): Promise<PracticeRecord[]> {
    const { rows } = await this.#pool.query('SELECT * FROM practice_records WHERE user_id = $1 ORDER BY item_id COLLATE "C"', [userId]);
    return (rows as Row[]).map(toRecord);
  }

  async mergePractice(userId: string, records: readonly PracticeRecord[]): Promise<PracticeRecord[]> {
    return this.#transaction(async (client) => {
      // One user's merges take turns (any process): a merge reads the stored rows, merges in JavaScript and writes.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`practice:${userId}`]);
      const ids = records.map((record) => record.itemId);
      const { rows } = await client.query('SELECT * FROM practice_records WHERE user_id = $1 AND item_id = ANY($2)', [userId, ids]);
      const stored = new Map((rows as Row[]).map((row) => [row.item_id as string, toRecord(row)]));
      const merged = new Map<string, PracticeRecord>();
      for (const record of records) {
        const item = mergeItemProgress(merged.get(record.itemId) ?? stored.get(record.itemId), record);
        merged.set(record.itemId, { itemId: record.itemId, area: record.area, attempts: item.attempts, card: item.card });
      }
      for (const record of merged.values()) {
        const counts = practiceCounts(record);
        await client.query(
          `INSERT INTO practice_records (user_id, item_id, area, attempts, card, answers, correct, last_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (user_id, item_id) DO UPDATE SET area = $3, attempts = $4, card = $5, answers = $6, correct = $7, last_at = $8`,
          [userId, record.itemId, record.area, JSON.stringify(record.attempts), record.card ? JSON.stringify(record.card) : null, counts.answers, counts.correct, counts.lastAt],
        );
      }
      const all = await client.query('SELECT * FROM practice_records WHERE user_id = $1 ORDER BY item_id COLLATE "C"', [userId]);
      return (all.rows as Row[]).map(toRecord);
    });
  }

  async practiceActivity(filter: { readonly userIds?: readonly string[] } = {}): Promise<PracticeActivity[]> {
    const params: unknown[] = [];
    let where = '';
    if (filter.userIds) {
      params.push(filter.userIds);
      where = 'WHERE user_id = ANY($1)';
    }
    const { rows } = await this.#pool.query(
      `SELECT user_id, area, count(*) FILTER (WHERE answers > 0)::int AS items, sum(answers)::int AS answers,
              sum(correct)::int AS correct, max(last_at) AS last_at
       FROM practice_records ${where}
       GROUP BY user_id, area
       ORDER BY user_id COLLATE "C", area COLLATE "C"`,
      params,
    );
    return (rows as Row[]).map((row) => ({
      userId: row.user_id as string,
      area: row.area as string,
      items: row.items as number,
      answers: row.answers as number,
      correct: row.correct as number,
      lastAt: row.last_at === null ? null : Number(row.last_at),
    }));
  }
}
