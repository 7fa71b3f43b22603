import type pg from 'pg';

/**
 * The PostgreSQL schema as numbered migrations, applied in order and each exactly once (recorded in
 * `schema_migrations`). Kept as SQL text in a module rather than .sql files so that the built server (one bundle)
 * carries them with it. Never edit a migration that has shipped: add the next one.
 *
 * Times are epoch milliseconds in `bigint` columns (the domain's unit everywhere else); JSON-shaped values (an
 * attempt's items and result, an answer's response, a certificate's rules) are `jsonb`.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('lead', 'trainee')),
        name text NOT NULL,
        employee_id text NOT NULL,
        -- employeeIdKey(employee_id) (trimmed, upper-cased by JavaScript's Unicode rules): the uniqueness key.
        employee_key text NOT NULL,
        cohort text,
        password_hash text,
        created_at bigint NOT NULL,
        activated_at bigint,
        disabled boolean NOT NULL DEFAULT false
      );
      CREATE UNIQUE INDEX users_employee_key ON users (employee_key);
      CREATE INDEX users_role ON users (role);

      CREATE TABLE activations (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL,
        expires_at bigint NOT NULL,
        used_at bigint,
        -- Insertion order: "the newest activation of a user".
        seq bigserial NOT NULL
      );
      CREATE INDEX activations_user ON activations (user_id, seq);

      -- At most one row: the first-run setup token while no lead exists.
      CREATE TABLE setup_token (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        token_hash text NOT NULL,
        created_at bigint NOT NULL
      );

      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        last_seen_at bigint NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
      CREATE INDEX sessions_expires ON sessions (expires_at);

      CREATE TABLE login_failures (
        key text PRIMARY KEY,
        count integer NOT NULL CHECK (count > 0),
        first_at bigint NOT NULL,
        last_at bigint NOT NULL
      );
      CREATE INDEX login_failures_last_at ON login_failures (last_at);

      -- Login attempts counted before their password is checked, one row per key, until settled.
      CREATE TABLE login_reservations (
        id text NOT NULL,
        key text NOT NULL,
        at bigint NOT NULL,
        -- Wall-clock time of the reservation, to find those a dead process never settled.
        reserved_at bigint NOT NULL,
        PRIMARY KEY (id, key)
      );
      CREATE INDEX login_reservations_key ON login_reservations (key, reserved_at);

      -- Places (an account at an address) an account signed in from, remembered until "until".
      CREATE TABLE known_sign_ins (
        key text PRIMARY KEY,
        at bigint NOT NULL,
        until bigint NOT NULL
      );

      CREATE TABLE attempts (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{8,64}$'),
        exam_id text NOT NULL,
        user_id text NOT NULL,
        seed bigint NOT NULL,
        edition text NOT NULL,
        content_version text NOT NULL,
        items jsonb NOT NULL,
        started_at bigint NOT NULL,
        deadline_at bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('in-progress', 'submitted', 'expired')),
        -- Submit fencing (STORE-SPEC.md): once set, no answer is accepted.
        fenced_at bigint,
        submitted_at bigint,
        result jsonb
      );
      -- One in-progress attempt per trainee and exam, whatever process starts it.
      CREATE UNIQUE INDEX attempts_one_in_progress ON attempts (user_id, exam_id) WHERE status = 'in-progress';
      CREATE INDEX attempts_user ON attempts (user_id, started_at);
      CREATE INDEX attempts_exam ON attempts (exam_id, started_at DESC, id DESC);
      CREATE INDEX attempts_started ON attempts (started_at DESC, id DESC);

      -- One row per question: saves of different questions never touch each other's rows.
      CREATE TABLE answers (
        attempt_id text NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        item_id text NOT NULL,
        response jsonb NOT NULL,
        flagged boolean NOT NULL,
        -- The client's per-question version (STORE-SPEC.md); an older one never replaces a newer one.
        version bigint NOT NULL CHECK (version >= 0),
        saved_at bigint NOT NULL,
        PRIMARY KEY (attempt_id, item_id)
      );

      CREATE TABLE certificates (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        exam_id text NOT NULL,
        attempt_id text NOT NULL,
        issued_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        edition text NOT NULL,
        rules jsonb NOT NULL,
        revoked_at bigint,
        revoked_reason text,
        seq bigserial NOT NULL
      );
      -- One standing certificate per attempt, even when two processes close the attempt at the same moment.
      CREATE UNIQUE INDEX certificates_one_per_attempt ON certificates (attempt_id) WHERE revoked_at IS NULL;
      CREATE INDEX certificates_user ON certificates (user_id, issued_at);
      CREATE INDEX certificates_exam ON certificates (exam_id, issued_at);
    `,
  },
  {
    version: 2,
    name: 'practice',
    sql: `
      -- Practice progress synced from browsers: one row per user and item (src/server/store/postgres-practice.ts).
      CREATE TABLE practice_records (
        user_id text NOT NULL,
        item_id text NOT NULL,
        area text NOT NULL,
        attempts jsonb NOT NULL,
        card jsonb,
        -- Counts of attempts, kept with the row so that the lead's activity view sums columns, not JSON.
        answers integer NOT NULL,
        correct integer NOT NULL,
        last_at bigint,
        PRIMARY KEY (user_id, item_id)
      );
    `,
  },
  {
    // 3, not 2: version 2 is left to the practice-progress area, built at the same time in another branch.
    version: 3,
    name: 'assignments',
    sql: `
      CREATE TABLE assignments (
        id text PRIMARY KEY,
        exam_id text NOT NULL,
        cohorts text[] NOT NULL CHECK (cardinality(cohorts) > 0),
        opens_at bigint NOT NULL,
        closes_at bigint,
        due_at bigint NOT NULL,
        note text NOT NULL DEFAULT '',
        created_at bigint NOT NULL,
        created_by text NOT NULL,
        updated_at bigint NOT NULL,
        revision integer NOT NULL CHECK (revision > 0)
      );
      CREATE INDEX assignments_exam ON assignments (exam_id);
      CREATE INDEX assignments_cohorts ON assignments USING gin (cohorts);
    `,
  },
  {
    version: 4,
    name: 'attempt digests',
    // What listings and dashboards read of a graded attempt, as plain columns written in the same UPDATE as the
    // grade (the result stays the record): score, max, passed, certificate id, and the items right out of asked per
    // rule area (present's itemTallies, first-seen order). Reading four fields out of the compressed result jsonb cost
    // 4× a plain-column scan (1.1 s against 0.25 s for 50,000 rows under load). Existing graded attempts are filled
    // here from their result. No new index: scans go by exam_id, started_at through attempts_exam (or by started_at
    // through attempts_started), the id only breaking ties.
    sql: `
      ALTER TABLE attempts
        ADD COLUMN score double precision,
        ADD COLUMN max_score double precision,
        ADD COLUMN passed boolean,
        ADD COLUMN certificate_id text,
        ADD COLUMN areas jsonb;
      UPDATE attempts a SET
        score = (a.result->>'score')::double precision,
        max_score = (a.result->>'maxScore')::double precision,
        passed = (a.result->>'passed')::boolean,
        certificate_id = a.result->>'certificateId',
        areas = COALESCE((
          SELECT jsonb_agg(jsonb_build_object('area', t.area, 'correct', t.correct, 'total', t.total) ORDER BY t.first)
          FROM (
            SELECT e->>'ruleArea' AS area, count(*) FILTER (WHERE (e->>'correct')::boolean) AS correct, count(*) AS total, min(o) AS first
            FROM jsonb_array_elements(a.result->'perItem') WITH ORDINALITY AS x(e, o)
            GROUP BY e->>'ruleArea'
          ) t
        ), '[]'::jsonb)
      WHERE a.result IS NOT NULL;
    `,
  },
  {
    // 5, not 4: version 4 (attempt digests) was built at the same time in another branch.
    version: 5,
    name: 'session-idle-limit',
    sql: `
      -- Each session's own idle limit (记住我: 30 days; a browser session: 2 h, as every session before this).
      ALTER TABLE sessions ADD COLUMN idle_ms bigint NOT NULL DEFAULT 7200000 CHECK (idle_ms > 0);
      ALTER TABLE sessions ALTER COLUMN idle_ms DROP DEFAULT;
      -- Pruning asks when the idle limit ends, not when the session was last seen.
      DROP INDEX sessions_last_seen;
      CREATE INDEX sessions_idle_end ON sessions ((last_seen_at + idle_ms));
    `,
  },
  {
    // 6, not 5: version 5 (session idle limits) was built at the same time in another branch.
    version: 6,
    name: 'author-role',
    sql: `
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('lead', 'author', 'trainee'));
    `,
  },
  {
    version: 7,
    name: 'session-exam-hold',
    sql: `
      -- An exam attempt that would outlast its session's absolute limit holds the session for that attempt only, until
      -- the attempt's deadline (docs/exams.md, "Sessions"). Both or neither.
      ALTER TABLE sessions
        ADD COLUMN hold_attempt_id text,
        ADD COLUMN hold_until bigint,
        ADD CONSTRAINT sessions_hold_whole CHECK ((hold_attempt_id IS NULL) = (hold_until IS NULL));
    `,
  },
  {
    // 8, not 7: version 7 (session exam holds) was built at the same time in another branch.
    version: 8,
    name: 'attempt-items',
    // One row per question of a graded attempt (quiz's itemOutcomes: right or wrong, chosen options in authored ids,
    // null when blank), with the attempt's exam and grade copied so the item analysis is a GROUP BY over this table
    // alone. Written in the transaction that closes the attempt. Attempts graded before it are filled here from the
    // stored result, answers and option order: the same mapping as chosenOptions (a number goes through optionOrder, a
    // list of numbers too (distinct, ascending), a boolean is 'true'/'false', a list of steps is one ' → '-joined id),
    // tests/server/item-aggregates.test.ts compares both. The index serves the boundary query of discrimination
    // (one item's responses at one score level, in attempt-id order).
    sql: `
      CREATE TABLE attempt_items (
        attempt_id text NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        item_id text NOT NULL,
        exam_id text NOT NULL,
        score double precision NOT NULL,
        max_score double precision NOT NULL,
        correct boolean NOT NULL,
        chosen text[],
        PRIMARY KEY (attempt_id, item_id)
      );
      -- One item's responses at one score level in attempt-id order (code-unit, as JavaScript compares): a boundary
      -- query reads only the responses its group takes.
      CREATE INDEX attempt_items_level ON attempt_items (item_id, score, max_score, attempt_id COLLATE "C") INCLUDE (correct);
      INSERT INTO attempt_items (attempt_id, item_id, exam_id, score, max_score, correct, chosen)
      SELECT a.id, p.e->>'itemId', a.exam_id, (a.result->>'score')::double precision, (a.result->>'maxScore')::double precision,
        (p.e->>'correct')::boolean,
        CASE jsonb_typeof(w.response)
          WHEN 'boolean' THEN ARRAY[w.response::text]
          WHEN 'number' THEN (
            SELECT CASE WHEN m.v >= 0 AND m.v = trunc(m.v) THEN ARRAY[m.v::text] END
            FROM (SELECT CASE WHEN i.ord IS NULL THEN (w.response)::numeric
                 WHEN (w.response)::numeric = trunc((w.response)::numeric) AND (w.response)::numeric >= 0 AND (w.response)::numeric < jsonb_array_length(i.ord)
                   THEN (i.ord->((w.response)::numeric::int))::numeric
                 ELSE -1 END AS v) m)
          WHEN 'array' THEN CASE
            WHEN jsonb_array_length(w.response) = 0 THEN NULL
            WHEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(w.response) x WHERE jsonb_typeof(x) <> 'number') THEN (
              SELECT CASE WHEN bool_and(m.v >= 0 AND m.v = trunc(m.v)) THEN array_agg(DISTINCT m.v ORDER BY m.v)::text[] END
              FROM (SELECT CASE WHEN i.ord IS NULL THEN (x)::numeric
                 WHEN (x)::numeric = trunc((x)::numeric) AND (x)::numeric >= 0 AND (x)::numeric < jsonb_array_length(i.ord)
                   THEN (i.ord->((x)::numeric::int))::numeric
                 ELSE -1 END AS v FROM jsonb_array_elements(w.response) x) m)
            WHEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(w.response) x WHERE jsonb_typeof(x) <> 'string') THEN
              ARRAY[(SELECT string_agg(x, ' → ' ORDER BY o) FROM jsonb_array_elements_text(w.response) WITH ORDINALITY t(x, o))]
          END
        END
      FROM attempts a
      CROSS JOIN LATERAL jsonb_array_elements(a.result->'perItem') p(e)
      LEFT JOIN answers w ON w.attempt_id = a.id AND w.item_id = p.e->>'itemId'
      LEFT JOIN LATERAL (
        SELECT x->'optionOrder' AS ord FROM jsonb_array_elements(a.items) x WHERE x->>'itemId' = p.e->>'itemId' LIMIT 1
      ) i ON true
      WHERE a.result IS NOT NULL AND a.status <> 'in-progress'
      ON CONFLICT (attempt_id, item_id) DO NOTHING;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Any constant: the advisory lock that makes concurrent migration runs (several workers, machines) take turns. */
const MIGRATION_LOCK = 0x61636164;

async function appliedVersions(client: pg.ClientBase): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number }>(
    `SELECT version FROM schema_migrations`,
  );
  return new Set(rows.map((row) => Number(row.version)));
}

/**
 * Applies the migrations the database lacks, each in its own transaction (PostgreSQL DDL is transactional, so a
 * failed migration leaves nothing half-done), under an advisory lock. Returns the versions it applied.
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = await appliedVersions(client);
      const done: number[] = [];
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${String(error)}`, { cause: error });
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** The migrations the database lacks (all of them for an empty database). */
export async function pendingMigrations(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return MIGRATIONS.map((m) => m.version);
  const client = await pool.connect();
  try {
    const applied = await appliedVersions(client);
    return MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v));
  } finally {
    client.release();
  }
}
