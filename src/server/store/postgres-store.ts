import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type AreaTally, itemTallies } from '../../present/dashboard/index.ts';
import { itemOutcomes, type ItemAggregates, type ItemCutQuery, type ScoreCell } from '../../quiz/index.ts';
import { employeeIdKey } from './employee-id.ts';
import { countedFailures, LOGIN_IN_FLIGHT_RETRY_MS, lockEnd } from './login-throttle.ts';
import { selectUsers } from './lowdb-accounts.ts';
import { canonicalJson, summarize } from './lowdb-attempts.ts';
import { PostgresPractice } from './postgres-practice.ts';
import { PostgresAssignments } from './postgres-assignments.ts';
import { migrate, pendingMigrations } from './postgres-schema.ts';
import type {
  AttemptCursor,
  AttemptDigest,
  AttemptFilter,
  AttemptPage,
  AttemptScan,
  CertificateReader,
  CloseAttemptResult,
  ConsumeActivationResult,
  CreateAttemptResult,
  CreateFirstLeadResult,
  CreateTraineesResult,
  CreateUserResult,
  DisableStaffResult,
  FenceAttemptResult,
  FindActivationResult,
  ItemResultsFilter,
  IssueCertificateResult,
  LoginSettlement,
  NewAttempt,
  NewTrainee,
  NewUser,
  ReserveLoginResult,
  RevokeCertificateResult,
  SaveAnswerResult,
  SessionPrune,
  Store,
} from './store.ts';
import type {
  Activation,
  AttemptRecord,
  AttemptResult,
  AttemptStatus,
  Certificate,
  ExamHold,
  LoginFailures,
  LoginReservation,
  PracticeActivity,
  PracticeRecord,
  Role,
  SavedAnswer,
  Session,
  ThrottleKeyLimit,
  UnreadableAttempt,
  User,
} from './types.ts';

const ATTEMPT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/**
 * A login reservation older than this was left by a process that died while hashing (hashing takes milliseconds):
 * it is counted as the failure it may have been (the contract allows that for a shared database).
 */
const STALE_RESERVATION_MS = 60_000;
/** Throttle entries untouched for this long are dropped now and then, as lowdb drops them. */
const THROTTLE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The advisory-lock number of a throttle key (64 bits of its SHA-256). */
function keyLock(key: string): string {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 16)}`)).toString();
}
/** SQLSTATE of a unique violation. */
const UNIQUE_VIOLATION = '23505';

/** bigint (int8) columns hold epoch milliseconds, exact in a double: read them as numbers, not strings. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresStoreOptions {
  /** Apply missing migrations on open (tests, `db:import`); otherwise opening refuses a database that lacks some. */
  readonly migrate?: boolean;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** `postgres://user:secret@host/db` without the password, for logs and /healthz. */
export function redactUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return 'postgres://(unparsable DATABASE_URL)';
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Opens a pool with the store's type parsing; for the migration CLI and the store. */
export function openPool(url: string, poolSize = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: TYPES });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('[store] PostgreSQL connection error:', error.message));
  return pool;
}

function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === UNIQUE_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

type Row = Record<string, unknown>;

function toUser(row: Row): User {
  return {
    id: row.id as string,
    role: row.role as Role,
    name: row.name as string,
    employeeId: row.employee_id as string,
    cohort: row.cohort as string | null,
    passwordHash: row.password_hash as string | null,
    createdAt: row.created_at as number,
    activatedAt: row.activated_at as number | null,
    disabled: row.disabled as boolean,
  };
}

function toActivation(row: Row): Activation {
  return {
    tokenHash: row.token_hash as string,
    userId: row.user_id as string,
    expiresAt: row.expires_at as number,
    usedAt: row.used_at as number | null,
  };
}

function toSession(row: Row): Session {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    createdAt: row.created_at as number,
    expiresAt: row.expires_at as number,
    lastSeenAt: row.last_seen_at as number,
    idleMs: row.idle_ms as number,
    ...(row.hold_until === null ? {} : { examHold: { attemptId: row.hold_attempt_id as string, until: row.hold_until as number } }),
  };
}

function toFailures(row: Row): LoginFailures {
  return { key: row.key as string, count: row.count as number, firstAt: row.first_at as number, lastAt: row.last_at as number };
}

function toCertificate(row: Row): Certificate {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    examId: row.exam_id as string,
    attemptId: row.attempt_id as string,
    issuedAt: row.issued_at as number,
    expiresAt: row.expires_at as number,
    edition: row.edition as string,
    rules: row.rules as string[],
    revokedAt: row.revoked_at as number | null,
    revokedReason: row.revoked_reason as string | null,
  };
}

interface AnswerJson {
  readonly itemId: string;
  readonly response: unknown;
  readonly flagged: boolean;
  readonly version: number;
  readonly savedAt: number;
}

/** The digest columns of a graded attempt (migration 4) as query parameters: score, max_score, passed, certificate_id, areas. */
function digestParams(result: AttemptResult | null): unknown[] {
  if (result === null) return [null, null, null, null, null];
  return [result.score, result.maxScore, result.passed, result.certificateId, JSON.stringify(itemTallies(result.perItem))];
}

function toAttempt(row: Row): AttemptRecord {
  const answers: Record<string, SavedAnswer> = {};
  for (const answer of (row.answers as AnswerJson[] | null) ?? []) {
    answers[answer.itemId] = {
      itemId: answer.itemId,
      response: answer.response,
      flagged: answer.flagged,
      version: Number(answer.version),
      savedAt: Number(answer.savedAt),
    };
  }
  return {
    id: row.id as string,
    examId: row.exam_id as string,
    userId: row.user_id as string,
    seed: row.seed as number,
    edition: row.edition as string,
    contentVersion: row.content_version as string,
    items: row.items as AttemptRecord['items'],
    startedAt: row.started_at as number,
    deadlineAt: row.deadline_at as number,
    status: row.status as AttemptRecord['status'],
    fencedAt: row.fenced_at as number | null,
    answers,
    submittedAt: row.submitted_at as number | null,
    result: row.result as AttemptResult | null,
  };
}

/** A session and its account's columns (prefixed `u_`; all null when the account is gone), by session id. */
const SESSION_WITH_USER = `
  SELECT s.id, s.user_id, s.created_at, s.expires_at, s.last_seen_at, s.idle_ms, s.hold_attempt_id, s.hold_until,
         u.id AS u_id, u.role AS u_role, u.name AS u_name, u.employee_id AS u_employee_id, u.cohort AS u_cohort,
         u.password_hash AS u_password_hash, u.created_at AS u_created_at, u.activated_at AS u_activated_at,
         u.disabled AS u_disabled
  FROM sessions s LEFT JOIN users u ON u.id = s.user_id
  WHERE s.id = $1`;

/**
 * An autosave, $1 attempt id, $2 item id, $3 response (JSON text), $4 flagged, $5 version, $6 savedAt.
 *
 * FOR SHARE orders it against fenceAttempt and the close, which lock the row FOR UPDATE: a save that holds the lock
 * commits before the fence reads the answers, and one that waited for the fence sees the row as the fence left it
 * (READ COMMITTED re-reads a row it waited for) and writes nothing. Saves do not block each other on the attempt.
 * The upsert judges the stored answer as it is when the row is locked, committed saves included: a newer version
 * replaces it, an older one never does, and at the same version only different content does (two tabs: the later
 * arrival wins); `written` is null when nothing was written.
 */
const SAVE_ANSWER = `
  WITH a AS (
    SELECT status, fenced_at, deadline_at, items @> jsonb_build_array(jsonb_build_object('itemId', $2::text)) AS has_item
    FROM attempts WHERE id = $1
    FOR SHARE
  ), w AS (
    INSERT INTO answers (attempt_id, item_id, response, flagged, version, saved_at)
    SELECT $1, $2, $3::jsonb, $4, $5, $6 FROM a
    WHERE a.status = 'in-progress' AND a.fenced_at IS NULL AND a.has_item AND $6 <= a.deadline_at
    ON CONFLICT (attempt_id, item_id) DO UPDATE
      SET response = excluded.response, flagged = excluded.flagged, version = excluded.version, saved_at = excluded.saved_at
      WHERE excluded.version > answers.version
         OR (excluded.version = answers.version
             AND (excluded.response IS DISTINCT FROM answers.response OR excluded.flagged <> answers.flagged))
    RETURNING version
  )
  SELECT a.status, a.fenced_at, a.deadline_at, a.has_item, (SELECT version FROM w) AS written FROM a`;

/** One stored answer, $1 attempt id, $2 item id. */
const STORED_ANSWER = 'SELECT item_id, response, flagged, version, saved_at FROM answers WHERE attempt_id = $1 AND item_id = $2';

function toSavedAnswer(row: Row): SavedAnswer {
  return {
    itemId: row.item_id as string,
    response: row.response,
    flagged: row.flagged as boolean,
    version: row.version as number,
    savedAt: row.saved_at as number,
  };
}

/** An attempt row with its answers as one JSON array (none: null). */
const ATTEMPT_SELECT = `
  SELECT a.*, (
    SELECT jsonb_agg(jsonb_build_object(
      'itemId', w.item_id, 'response', w.response, 'flagged', w.flagged, 'version', w.version, 'savedAt', w.saved_at))
    FROM answers w WHERE w.attempt_id = a.id
  ) AS answers
  FROM attempts a`;

function attemptWhere(filter: AttemptFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (column: string, value: unknown) => {
    params.push(value);
    clauses.push(`${column} = $${params.length}`);
  };
  if (filter.userId !== undefined) add('a.user_id', filter.userId);
  if (filter.examId !== undefined) add('a.exam_id', filter.examId);
  if (filter.status !== undefined) add('a.status', filter.status);
  if (filter.userIds !== undefined) {
    params.push([...filter.userIds]);
    clauses.push(`a.user_id = ANY($${params.length}::text[])`);
  }
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

function newUserParams(user: NewUser, role: Role = user.role): unknown[] {
  return [
    user.id,
    role,
    user.name,
    user.employeeId,
    employeeIdKey(user.employeeId),
    user.cohort,
    user.passwordHash,
    user.createdAt,
    user.passwordHash ? user.createdAt : null,
  ];
}

const INSERT_USER = `
  INSERT INTO users (id, role, name, employee_id, employee_key, cohort, password_hash, created_at, activated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (employee_key) DO NOTHING
  RETURNING *`;

/**
 * The store in PostgreSQL: every verb is one statement or one transaction, and the invariants are constraints
 * (postgres-schema.ts), so any number of server processes on any number of machines can share one database.
 * Nothing is cached in the process: every read sees what any process committed.
 */
class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #practice: PostgresPractice;
  #closed = false;

  readonly #assignments: PostgresAssignments;

  constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.location = redactUrl(url);
    this.#practice = new PostgresPractice(pool, (work) => this.#transaction((client) => work(client)));
    this.#assignments = new PostgresAssignments(pool, () => this.#assertOpen());
  }

  // Assignments live in their own module; these lines only delegate.
  createAssignment: Store['createAssignment'] = (assignment) => this.#assignments.createAssignment(assignment);
  getAssignment: Store['getAssignment'] = (id) => this.#assignments.getAssignment(id);
  listAssignments: Store['listAssignments'] = (filter) => this.#assignments.listAssignments(filter);
  updateAssignment: Store['updateAssignment'] = (id, changes, base, at) => this.#assignments.updateAssignment(id, changes, base, at);
  deleteAssignment: Store['deleteAssignment'] = (id, base) => this.#assignments.deleteAssignment(id, base);

  #assertOpen(): void {
    if (this.#closed) throw new Error('The store is closed.');
  }

  async #query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query(sql, params as unknown[])).rows as Row[];
  }

  /**
   * A statement of the per-request path, prepared once per connection under `name`: the database then plans it once
   * instead of on every autosave (`name` must always go with the same `sql`).
   */
  async #prepared(name: string, sql: string, params: readonly unknown[]): Promise<Row[]> {
    this.#assertOpen();
    return (await this.#pool.query({ name: `academy-${name}`, text: sql, values: params as unknown[] })).rows as Row[];
  }

  /** Runs `work` in one transaction; it commits when `work` resolves, rolls back when it rejects or asks to. */
  async #transaction<R>(work: (client: pg.PoolClient, rollback: () => void) => Promise<R>): Promise<R> {
    this.#assertOpen();
    const client = await this.#pool.connect();
    let rollback = false;
    try {
      await client.query('BEGIN');
      const value = await work(client, () => {
        rollback = true;
      });
      await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    await this.#query('SELECT 1 FROM schema_migrations LIMIT 1');
  }

  // ── accounts ────────────────────────────────────────────────────────────────────────────────────────────────

  async countUsers(filter: { readonly role?: Role } = {}): Promise<number> {
    const rows =
      filter.role === undefined
        ? await this.#query('SELECT count(*)::int AS n FROM users')
        : await this.#query('SELECT count(*)::int AS n FROM users WHERE role = $1', [filter.role]);
    return rows[0]!.n as number;
  }

  async findUser(id: string): Promise<User | null> {
    const [row] = await this.#query('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toUser(row) : null;
  }

  async findUserByEmployeeId(employeeId: string): Promise<User | null> {
    const [row] = await this.#query('SELECT * FROM users WHERE employee_key = $1', [employeeIdKey(employeeId)]);
    return row ? toUser(row) : null;
  }

  async listUsers(filter: { readonly role?: Role; readonly cohort?: string | null } = {}): Promise<User[]> {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (filter.role !== undefined) {
      params.push(filter.role);
      clauses.push(`role = $${params.length}`);
    }
    if (filter.cohort !== undefined) {
      if (filter.cohort === null) clauses.push('cohort IS NULL');
      else {
        params.push(filter.cohort);
        clauses.push(`cohort = $${params.length}`);
      }
    }
    const rows = await this.#query(`SELECT * FROM users ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`, params);
    // Cohorts sort as a lead reads them (售后二组 before 售后十组): the same JavaScript order as lowdb.
    return selectUsers(rows.map(toUser), {});
  }

  async createUser(user: NewUser): Promise<CreateUserResult> {
    this.#assertOpen();
    const [row] = await this.#query(INSERT_USER, newUserParams(user));
    return row ? { ok: true, user: toUser(row) } : { ok: false, code: 'EMPLOYEE_ID_TAKEN' };
  }

  async createStaff(row: NewTrainee): Promise<CreateUserResult> {
    return this.#transaction(async (client) => {
      const inserted = (await client.query(INSERT_USER, newUserParams(row.user))).rows[0] as Row | undefined;
      if (!inserted) return { ok: false, code: 'EMPLOYEE_ID_TAKEN' } as const;
      const user = toUser(inserted);
      await client.query('INSERT INTO activations (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, $3, $4)', [
        row.activation.tokenHash,
        user.id,
        row.activation.expiresAt,
        row.activation.usedAt,
      ]);
      return { ok: true, user } as const;
    });
  }

  async createTrainees(rows: readonly NewTrainee[]): Promise<CreateTraineesResult> {
    return this.#transaction(async (client) => {
      const taken: string[] = [];
      const created: User[] = [];
      for (const row of rows) {
        const inserted = (await client.query(INSERT_USER, newUserParams(row.user, 'trainee'))).rows[0] as Row | undefined;
        if (!inserted) {
          taken.push(row.user.employeeId);
          continue;
        }
        const user = toUser(inserted);
        await client.query('INSERT INTO activations (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, $3, $4)', [
          row.activation.tokenHash,
          user.id,
          row.activation.expiresAt,
          row.activation.usedAt,
        ]);
        created.push(user);
      }
      return { taken, created };
    });
  }

  async importUsers(users: readonly User[]): Promise<void> {
    await this.#transaction(async (client) => {
      for (const user of users) {
        await client.query(
          `INSERT INTO users (id, role, name, employee_id, employee_key, cohort, password_hash, created_at, activated_at, disabled)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            user.id,
            user.role,
            user.name,
            user.employeeId,
            employeeIdKey(user.employeeId),
            user.cohort,
            user.passwordHash,
            user.createdAt,
            user.activatedAt,
            user.disabled,
          ],
        ).catch((error: unknown) => {
          throw isUniqueViolation(error) ? new Error(`User ${user.id} (${user.employeeId}) exists already.`) : error;
        });
      }
    });
  }

  async setPassword(userId: string, passwordHash: string): Promise<User | null> {
    this.#assertOpen();
    const [row] = await this.#query('UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING *', [userId, passwordHash]);
    return row ? toUser(row) : null;
  }

  async setDisabled(userId: string, disabled: boolean): Promise<User | null> {
    return this.#transaction(async (client) => {
      const row = (await client.query('UPDATE users SET disabled = $2 WHERE id = $1 RETURNING *', [userId, disabled]))
        .rows[0] as Row | undefined;
      if (row && disabled) await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      return row ? toUser(row) : null;
    });
  }

  async disableStaff(userId: string): Promise<DisableStaffResult> {
    return this.#transaction<DisableStaffResult>(async (client) => {
      // Locking every active lead's row makes two leads disabling each other queue: the second sees the first's write.
      const leads = (
        await client.query(
          `SELECT id FROM users WHERE role = 'lead' AND NOT disabled AND password_hash IS NOT NULL ORDER BY id FOR UPDATE`,
        )
      ).rows as { id: string }[];
      if (leads.length === 1 && leads[0]!.id === userId) return { ok: false, code: 'LAST_ACTIVE_LEAD' };
      const row = (await client.query('UPDATE users SET disabled = true WHERE id = $1 RETURNING *', [userId])).rows[0] as
        | Row
        | undefined;
      if (!row) return { ok: false, code: 'USER_NOT_FOUND' };
      await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      return { ok: true, user: toUser(row) };
    });
  }

  async replaceSetupToken(tokenHash: string, at: number): Promise<void> {
    this.#assertOpen();
    await this.#query(
      `INSERT INTO setup_token (singleton, token_hash, created_at) VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
      [tokenHash, at],
    );
  }

  async isSetupTokenValid(tokenHash: string): Promise<boolean> {
    const [row] = await this.#query(
      `SELECT EXISTS (SELECT 1 FROM setup_token WHERE token_hash = $1)
              AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'lead') AS valid`,
      [tokenHash],
    );
    return row!.valid as boolean;
  }

  async createFirstLead(tokenHash: string, user: NewUser): Promise<CreateFirstLeadResult> {
    return this.#transaction<CreateFirstLeadResult>(async (client, rollback) => {
      // Spending the token first makes parallel calls queue on its row: exactly one of them finds it.
      const spent = (await client.query('DELETE FROM setup_token WHERE token_hash = $1 RETURNING token_hash', [tokenHash]))
        .rowCount;
      const leads = (await client.query(`SELECT 1 FROM users WHERE role = 'lead' LIMIT 1`)).rowCount;
      const refuse = (code: 'SETUP_TOKEN_INVALID' | 'SETUP_ALREADY_DONE' | 'EMPLOYEE_ID_TAKEN') => {
        rollback();
        return { ok: false, code } as const;
      };
      if (leads) return refuse('SETUP_ALREADY_DONE');
      if (!spent) return refuse('SETUP_TOKEN_INVALID');
      const row = (await client.query(INSERT_USER, newUserParams(user, 'lead'))).rows[0] as Row | undefined;
      if (!row) return refuse('EMPLOYEE_ID_TAKEN');
      return { ok: true, user: toUser(row) };
    });
  }

  async createActivation(activation: Activation): Promise<void> {
    await this.#transaction(async (client) => {
      // One link per user: a new link voids the old one, used or not, so a leaked older link is worthless.
      await client.query('DELETE FROM activations WHERE user_id = $1', [activation.userId]);
      await client.query('INSERT INTO activations (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, $3, $4)', [
        activation.tokenHash,
        activation.userId,
        activation.expiresAt,
        activation.usedAt,
      ]);
    });
  }

  async #checkActivation(client: pg.ClientBase | pg.Pool, tokenHash: string, at: number): Promise<FindActivationResult> {
    const row = (
      await client.query(
        `SELECT a.token_hash, a.user_id, a.expires_at, a.used_at, row_to_json(u) AS user
         FROM activations a JOIN users u ON u.id = a.user_id WHERE a.token_hash = $1`,
        [tokenHash],
      )
    ).rows[0] as Row | undefined;
    if (!row) return { ok: false, code: 'ACTIVATION_INVALID' };
    const activation = toActivation(row);
    const userJson = row.user as Row;
    const user = toUser({ ...userJson, created_at: Number(userJson.created_at), activated_at: userJson.activated_at === null ? null : Number(userJson.activated_at) });
    if (activation.usedAt !== null) return { ok: false, code: 'ACTIVATION_USED' };
    if (at > activation.expiresAt) return { ok: false, code: 'ACTIVATION_EXPIRED' };
    if (user.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
    return { ok: true, activation, user };
  }

  async findActivation(tokenHash: string, at: number): Promise<FindActivationResult> {
    return this.#checkActivation(this.#pool, tokenHash, at);
  }

  async consumeActivation(tokenHash: string, passwordHash: string, at: number): Promise<ConsumeActivationResult> {
    return this.#transaction<ConsumeActivationResult>(async (client, rollback) => {
      // Spent only if still unused: of parallel consumptions, one updates the row and the others find it used.
      const spent = (
        await client.query(
          `UPDATE activations a SET used_at = $2
           FROM users u
           WHERE a.token_hash = $1 AND a.used_at IS NULL AND a.expires_at >= $2 AND u.id = a.user_id AND NOT u.disabled
           RETURNING a.user_id`,
          [tokenHash, at],
        )
      ).rows[0] as Row | undefined;
      if (!spent) {
        rollback();
        const checked = await this.#checkActivation(client, tokenHash, at);
        // The row changed between the two statements (another call spent it): report it as used.
        return checked.ok ? { ok: false, code: 'ACTIVATION_USED' } : checked;
      }
      const row = (
        await client.query(
          'UPDATE users SET password_hash = $2, activated_at = COALESCE(activated_at, $3) WHERE id = $1 RETURNING *',
          [spent.user_id, passwordHash, at],
        )
      ).rows[0] as Row;
      return { ok: true, user: toUser(row) };
    });
  }

  async latestActivationOf(userId: string): Promise<Activation | null> {
    const [row] = await this.#query('SELECT * FROM activations WHERE user_id = $1 ORDER BY seq DESC LIMIT 1', [userId]);
    return row ? toActivation(row) : null;
  }

  // ── sessions ────────────────────────────────────────────────────────────────────────────────────────────────

  async createSession(session: Session): Promise<void> {
    this.#assertOpen();
    await this.#query(
      `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at, idle_ms, hold_attempt_id, hold_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        session.id,
        session.userId,
        session.createdAt,
        session.expiresAt,
        session.lastSeenAt,
        session.idleMs,
        session.examHold?.attemptId ?? null,
        session.examHold?.until ?? null,
      ],
    );
  }

  async getSession(id: string): Promise<Session | null> {
    const [row] = await this.#query('SELECT * FROM sessions WHERE id = $1', [id]);
    return row ? toSession(row) : null;
  }

  async getSessionWithUser(id: string): Promise<{ readonly session: Session; readonly user: User | null } | null> {
    const [row] = await this.#prepared('session-with-user', SESSION_WITH_USER, [id]);
    if (!row) return null;
    const user = row.u_id === null ? null : toUser(Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (k.startsWith('u_') ? [[k.slice(2), v]] : []))));
    return { session: toSession(row), user };
  }

  /** Written at once (callers touch a session at most once a minute), so every process sees it. */
  async touchSession(id: string, at: number): Promise<Session | null> {
    this.#assertOpen();
    const [row] = await this.#query(
      'UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id = $1 RETURNING *',
      [id, at],
    );
    return row ? toSession(row) : null;
  }

  async deleteSession(id: string): Promise<void> {
    this.#assertOpen();
    await this.#query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    this.#assertOpen();
    await this.#query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async pruneSessions(bounds: SessionPrune): Promise<number> {
    this.#assertOpen();
    const result = await this.#pool.query(
      'DELETE FROM sessions WHERE last_seen_at + idle_ms <= $1 OR (expires_at <= $2 AND (hold_until IS NULL OR hold_until <= $2))',
      [bounds.idleEndsUpTo, bounds.expiresUpTo],
    );
    return result.rowCount ?? 0;
  }

  async holdSession(id: string, hold: ExamHold): Promise<Session | null> {
    this.#assertOpen();
    const [row] = await this.#query('UPDATE sessions SET hold_attempt_id = $2, hold_until = $3 WHERE id = $1 RETURNING *', [
      id,
      hold.attemptId,
      hold.until,
    ]);
    return row ? toSession(row) : null;
  }

  // ── throttle ────────────────────────────────────────────────────────────────────────────────────────────────

  async getLoginFailures(key: string): Promise<LoginFailures | null> {
    const [row] = await this.#query('SELECT * FROM login_failures WHERE key = $1', [key]);
    return row ? toFailures(row) : null;
  }

  /** Serialises every reservation and settlement touching these keys (in one order, so two never deadlock). */
  async #lockKeys(client: pg.ClientBase, keys: readonly string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [keyLock(key)]);
    }
  }

  async #failures(client: pg.ClientBase, key: string): Promise<LoginFailures | null> {
    const row = (await client.query('SELECT * FROM login_failures WHERE key = $1', [key])).rows[0] as Row | undefined;
    return row ? toFailures(row) : null;
  }

  /** One failure more under each key, as of `at` (the same arithmetic as lowdb's). */
  async #recordFailure(client: pg.ClientBase, keys: readonly ThrottleKeyLimit[], at: number): Promise<void> {
    // Keep the tables small, as lowdb does on every write; now and then is enough.
    if (Math.random() < 0.01) {
      await client.query('DELETE FROM login_failures WHERE last_at < $1', [at - THROTTLE_RETENTION_MS]);
      await client.query('DELETE FROM known_sign_ins WHERE until < $1', [at]);
    }
    for (const { key, limit } of keys) {
      const previous = await this.#failures(client, key);
      const next: LoginFailures =
        previous && countedFailures(limit, previous, at) > 0
          ? { ...previous, count: previous.count + 1, lastAt: Math.max(previous.lastAt, at) }
          : { key, count: 1, firstAt: at, lastAt: at };
      await client.query(
        `INSERT INTO login_failures (key, count, first_at, last_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at, last_at = excluded.last_at`,
        [key, next.count, next.firstAt, next.lastAt],
      );
    }
  }

  async reserveLoginAttempt(keys: readonly ThrottleKeyLimit[], at: number): Promise<ReserveLoginResult> {
    return this.#transaction<ReserveLoginResult>(async (client, rollback) => {
      await this.#lockKeys(client, keys.map((k) => k.key));
      // A reservation its process never settled (it died while hashing) counts as the failure it may have been.
      const stale = (
        await client.query(
          'DELETE FROM login_reservations WHERE key = ANY($1) AND reserved_at < $2 RETURNING key, at',
          [keys.map((k) => k.key), Date.now() - STALE_RESERVATION_MS],
        )
      ).rows as { key: string; at: number }[];
      for (const { key, at: staleAt } of stale) {
        const limit = keys.find((k) => k.key === key)!.limit;
        await this.#recordFailure(client, [{ key, limit }], staleAt);
      }
      let retryAfterMs = 0;
      for (const { key, limit } of keys) {
        const stored = await this.#failures(client, key);
        const counted = countedFailures(limit, stored, at);
        const until = stored ? lockEnd(limit, counted, stored.lastAt) : null;
        const inFlight = (
          await client.query('SELECT count(*)::int AS n FROM login_reservations WHERE key = $1', [key])
        ).rows[0].n as number;
        if (until !== null && until > at) retryAfterMs = Math.max(retryAfterMs, until - at);
        else if (inFlight >= Math.max(1, limit.freeFailures - counted)) {
          retryAfterMs = Math.max(retryAfterMs, LOGIN_IN_FLIGHT_RETRY_MS);
        }
      }
      if (retryAfterMs > 0) {
        // Keep the stale reservations' failures, though: commit unless there were none.
        if (stale.length === 0) rollback();
        return { ok: false, retryAfterMs };
      }
      const reservation: LoginReservation = { id: randomUUID(), keys, at };
      for (const { key } of keys) {
        await client.query('INSERT INTO login_reservations (id, key, at, reserved_at) VALUES ($1, $2, $3, $4)', [
          reservation.id,
          key,
          at,
          Date.now(),
        ]);
      }
      return { ok: true, reservation };
    });
  }

  async settleLoginAttempt(reservation: LoginReservation, outcome: LoginSettlement): Promise<void> {
    await this.#transaction(async (client) => {
      await this.#lockKeys(client, reservation.keys.map((k) => k.key));
      const held = (await client.query('DELETE FROM login_reservations WHERE id = $1', [reservation.id])).rowCount;
      // Settled already (or turned into a failure as stale): nothing more.
      if (!held) return;
      if (!outcome.succeeded) {
        await this.#recordFailure(client, reservation.keys, reservation.at);
        return;
      }
      if (outcome.clear.length > 0) await client.query('DELETE FROM login_failures WHERE key = ANY($1)', [outcome.clear]);
      if (outcome.remember) {
        await client.query(
          `INSERT INTO known_sign_ins (key, at, until) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET at = excluded.at, until = GREATEST(known_sign_ins.until, excluded.until)`,
          [outcome.remember.key, reservation.at, outcome.remember.until],
        );
      }
    });
  }

  async isKnownSignIn(key: string, at: number): Promise<boolean> {
    const [row] = await this.#query('SELECT 1 FROM known_sign_ins WHERE key = $1 AND until >= $2', [key, at]);
    return row !== undefined;
  }

  // ── attempts ────────────────────────────────────────────────────────────────────────────────────────────────

  async createAttempt(attempt: NewAttempt): Promise<CreateAttemptResult> {
    this.#assertOpen();
    if (!ATTEMPT_ID.test(attempt.id)) {
      throw new Error(`Attempt id ${JSON.stringify(attempt.id)} is not 8–64 URL-safe characters.`);
    }
    for (;;) {
      try {
        await this.#insertAttempt(this.#pool, { ...attempt, status: 'in-progress', fencedAt: null, answers: {}, submittedAt: null, result: null });
        return { ok: true, attempt: (await this.getAttempt(attempt.id))! };
      } catch (error) {
        if (isUniqueViolation(error, 'attempts_pkey')) return { ok: false, code: 'ATTEMPT_ID_TAKEN' };
        if (!isUniqueViolation(error, 'attempts_one_in_progress')) throw error;
      }
      const [open] = await this.#query(`${ATTEMPT_SELECT} WHERE a.user_id = $1 AND a.exam_id = $2 AND a.status = 'in-progress'`, [
        attempt.userId,
        attempt.examId,
      ]);
      if (open) return { ok: false, code: 'ATTEMPT_IN_PROGRESS', attempt: toAttempt(open) };
      // The open attempt closed between the two statements: try again.
    }
  }

  async #insertAttempt(client: pg.ClientBase | pg.Pool, record: AttemptRecord): Promise<void> {
    await client.query(
      `INSERT INTO attempts (id, exam_id, user_id, seed, edition, content_version, items, started_at, deadline_at,
                             status, fenced_at, submitted_at, result, score, max_score, passed, certificate_id, areas)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        record.id,
        record.examId,
        record.userId,
        record.seed,
        record.edition,
        record.contentVersion,
        JSON.stringify(record.items),
        record.startedAt,
        record.deadlineAt,
        record.status,
        record.fencedAt,
        record.submittedAt,
        record.result === null ? null : JSON.stringify(record.result),
        ...digestParams(record.result),
      ],
    );
  }

  async importAttempt(attempt: AttemptRecord): Promise<void> {
    if (!ATTEMPT_ID.test(attempt.id)) {
      throw new Error(`Attempt id ${JSON.stringify(attempt.id)} is not 8–64 URL-safe characters.`);
    }
    await this.#transaction(async (client) => {
      await this.#insertAttempt(client, attempt).catch((error: unknown) => {
        throw isUniqueViolation(error, 'attempts_pkey') ? new Error(`Attempt ${attempt.id} exists already.`) : error;
      });
      for (const answer of Object.values(attempt.answers)) await this.#upsertAnswer(client, attempt.id, answer);
      await this.#insertItemOutcomes(client, attempt);
    });
  }

  /** A graded closed attempt's per-question outcomes (migration 8), in the caller's transaction; nothing otherwise. */
  async #insertItemOutcomes(client: pg.ClientBase, attempt: AttemptRecord): Promise<void> {
    const outcomes = attempt.status === 'in-progress' ? null : itemOutcomes(attempt);
    if (!outcomes || !attempt.result || outcomes.length === 0) return;
    await client.query(
      `INSERT INTO attempt_items (attempt_id, item_id, exam_id, score, max_score, correct, chosen)
       SELECT $1, r.item_id, $2, $3, $4, r.correct, r.chosen
       FROM jsonb_to_recordset($5::jsonb) AS r(item_id text, correct boolean, chosen text[])
       ON CONFLICT (attempt_id, item_id) DO NOTHING`,
      [
        attempt.id,
        attempt.examId,
        attempt.result.score,
        attempt.result.maxScore,
        JSON.stringify(outcomes.map(({ itemId, correct, chosen }) => ({ item_id: itemId, correct, chosen }))),
      ],
    );
  }

  // ── item analysis (migration 8) ───────────────────────────────────────────────────────────────────────────────

  /** Three GROUP BYs run side by side: score cells and blanks, option counts (unnest of chosen), attempts by grade. */
  async itemAggregates(filter: ItemResultsFilter): Promise<ItemAggregates> {
    this.#assertOpen();
    const params = filter.examId === undefined ? [] : [filter.examId];
    const where = filter.examId === undefined ? '' : 'WHERE exam_id = $1';
    const [cellRows, optionRows, [counts]] = await Promise.all([
      this.#query(
        `SELECT item_id, score, max_score, count(*)::int AS n, count(*) FILTER (WHERE correct)::int AS correct,
                count(*) FILTER (WHERE chosen IS NULL)::int AS blank
         FROM attempt_items ${where} GROUP BY item_id, score, max_score`,
        params,
      ),
      this.#query(`SELECT item_id, o AS id, count(*)::int AS n FROM attempt_items, unnest(chosen) AS o ${where} GROUP BY item_id, o`, params),
      this.#query(
        `SELECT count(*) FILTER (WHERE status <> 'in-progress' AND score IS NOT NULL)::int AS graded, count(*)::int AS total
         FROM attempts ${where}`,
        params,
      ),
    ]);
    const items = new Map<string, { itemId: string; cells: ScoreCell[]; blank: number; options: { id: string; count: number }[] }>();
    const itemOf = (itemId: string) => {
      let item = items.get(itemId);
      if (!item) items.set(itemId, (item = { itemId, cells: [], blank: 0, options: [] }));
      return item;
    };
    for (const row of cellRows) {
      const item = itemOf(row.item_id as string);
      item.cells.push({ score: row.score as number, maxScore: row.max_score as number, n: row.n as number, correct: row.correct as number });
      item.blank += row.blank as number;
    }
    for (const row of optionRows) itemOf(row.item_id as string).options.push({ id: row.id as string, count: row.n as number });
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const item of items.values()) {
      item.cells.sort((a, b) => a.maxScore - b.maxScore || a.score - b.score);
      item.options.sort((a, b) => order(a.id, b.id));
    }
    const graded = counts!.graded as number;
    return {
      graded,
      ungraded: (counts!.total as number) - graded,
      items: [...items.values()].sort((a, b) => order(a.itemId, b.itemId)),
    };
  }

  /**
   * Every cut in one statement. Each (cut, item, score level) part walks attempt_items_level in attempt-id order
   * (COLLATE "C", as JavaScript compares) and stops after the cut's `take` rows; the parts of a cut (a pooled template,
   * or levels such as 5/10 and 10/20) are then merged and cut again. No level is read or sorted whole.
   */
  async itemCutCorrect(filter: ItemResultsFilter, cuts: readonly ItemCutQuery[]): Promise<number[]> {
    this.#assertOpen();
    if (cuts.length === 0) return [];
    const parts = cuts.flatMap((cut, index) =>
      cut.itemIds.flatMap((itemId) => cut.scores.map(({ score, maxScore }) => [index, itemId, score, maxScore] as const)),
    );
    const params: unknown[] = [
      parts.map(([index]) => index),
      parts.map(([, itemId]) => itemId),
      parts.map(([, , score]) => score),
      parts.map(([, , , maxScore]) => maxScore),
      cuts.map((_, index) => index),
      cuts.map((cut) => cut.side === 'upper'),
      cuts.map((cut) => cut.take),
    ];
    if (filter.examId !== undefined) params.push(filter.examId);
    const exam = filter.examId === undefined ? '' : 'AND t.exam_id = $8';
    const level = `t.item_id = p.item_id AND t.score = p.score AND t.max_score = p.max_score ${exam}`;
    const rows = await this.#query(
      `WITH parts AS (SELECT * FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[]) AS p(cut, item_id, score, max_score)),
            cuts AS (SELECT * FROM unnest($5::int[], $6::boolean[], $7::int[]) AS c(cut, upper, take)),
            taken AS (
              SELECT c.cut, c.upper, c.take, x.attempt_id, x.correct
              FROM cuts c
              JOIN parts p ON p.cut = c.cut
              CROSS JOIN LATERAL (
                (SELECT t.attempt_id, t.correct FROM attempt_items t WHERE c.upper AND ${level}
                 ORDER BY t.attempt_id COLLATE "C" LIMIT c.take)
                UNION ALL
                (SELECT t.attempt_id, t.correct FROM attempt_items t WHERE NOT c.upper AND ${level}
                 ORDER BY t.attempt_id COLLATE "C" DESC LIMIT c.take)
              ) x
            ),
            ranked AS (
              SELECT cut, upper, take, correct,
                     row_number() OVER (PARTITION BY cut ORDER BY attempt_id COLLATE "C") AS from_top,
                     row_number() OVER (PARTITION BY cut ORDER BY attempt_id COLLATE "C" DESC) AS from_bottom
              FROM taken
            )
       SELECT cut, count(*) FILTER (WHERE correct AND CASE WHEN upper THEN from_top <= take ELSE from_bottom <= take END)::int AS correct
       FROM ranked GROUP BY cut`,
      params,
    );
    const byCut = new Map(rows.map((row) => [row.cut as number, row.correct as number]));
    return cuts.map((_, index) => byCut.get(index) ?? 0);
  }

  async #upsertAnswer(client: pg.ClientBase, attemptId: string, answer: SavedAnswer): Promise<void> {
    // A newer version of the question's answer replaces the stored one and an older one never does, even outside the
    // attempt's row lock; at the same version the later arrival wins (two tabs: STORE-SPEC.md, last write per question).
    await client.query(
      `INSERT INTO answers (attempt_id, item_id, response, flagged, version, saved_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (attempt_id, item_id) DO UPDATE
         SET response = excluded.response, flagged = excluded.flagged, version = excluded.version, saved_at = excluded.saved_at
         WHERE excluded.version >= answers.version`,
      [attemptId, answer.itemId, JSON.stringify(answer.response ?? null), answer.flagged, answer.version, answer.savedAt],
    );
  }

  async getAttempt(id: string): Promise<AttemptRecord | null> {
    const [row] = await this.#query(`${ATTEMPT_SELECT} WHERE a.id = $1`, [id]);
    return row ? toAttempt(row) : null;
  }

  async listAttempts(filter: AttemptFilter = {}): Promise<AttemptRecord[]> {
    const params: unknown[] = [];
    const rows = await this.#query(`${ATTEMPT_SELECT} ${attemptWhere(filter, params)}`, params);
    // The same order as lowdb (its id tie-break is localeCompare, which SQL collations do not reproduce).
    return rows.map(toAttempt).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  }

  /** Rows are checked by the database's own types and constraints when written, so none is ever unreadable here. */
  async listUnreadableAttempts(_filter: AttemptFilter = {}): Promise<UnreadableAttempt[]> {
    return [];
  }

  async pageAttempts(filter: AttemptFilter, page: { readonly offset: number; readonly limit: number }): Promise<AttemptPage> {
    const params: unknown[] = [];
    const where = attemptWhere(filter, params);
    const [count] = await this.#query(`SELECT count(*)::int AS n FROM attempts a ${where}`, params);
    params.push(Math.max(0, page.limit), Math.max(0, page.offset));
    const rows = await this.#query(
      `SELECT a.id, a.exam_id, a.user_id, a.started_at, a.status, a.submitted_at, a.result, a.items, a.seed,
              a.edition, a.content_version, a.deadline_at, a.fenced_at, NULL AS answers
       FROM attempts a ${where}
       ORDER BY a.started_at DESC, a.id COLLATE "C" DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { total: count!.n as number, attempts: rows.map((row) => summarize(toAttempt(row))) };
  }

  /** Keyset paging on (started_at, id): each page is one index range scan, however deep; no answer or item is read. */
  async scanAttempts(filter: AttemptFilter, page: { readonly after: AttemptCursor | null; readonly limit: number }): Promise<AttemptScan> {
    const params: unknown[] = [];
    let where = attemptWhere(filter, params);
    if (page.after) {
      params.push(page.after.startedAt, page.after.id);
      // The first bound is redundant but gives the planner an index range on started_at, so a deep page starts at the
      // cursor instead of filtering every earlier row.
      const at = `$${params.length - 1}`;
      const after = `a.started_at >= ${at} AND (a.started_at > ${at} OR a.id COLLATE "C" > $${params.length})`;
      where = where ? `${where} AND ${after}` : `WHERE ${after}`;
    }
    const limit = Math.max(0, page.limit);
    params.push(limit);
    const rows = await this.#query(
      `SELECT a.id, a.exam_id, a.user_id, a.started_at, a.status, a.submitted_at, a.score, a.max_score, a.passed,
              a.certificate_id, a.areas
       FROM attempts a ${where}
       ORDER BY a.started_at, a.id COLLATE "C" LIMIT $${params.length}`,
      params,
    );
    const attempts = rows.map((row): AttemptDigest => {
      const status = row.status as AttemptStatus;
      const graded = status !== 'in-progress' && row.score !== null;
      return {
        id: row.id as string,
        examId: row.exam_id as string,
        userId: row.user_id as string,
        startedAt: row.started_at as number,
        status,
        submittedAt: row.submitted_at as number | null,
        score: graded ? (row.score as number) : null,
        maxScore: graded ? (row.max_score as number) : null,
        passed: graded ? (row.passed as boolean) : null,
        certificateId: graded ? (row.certificate_id as string | null) : null,
        areas: graded ? ((row.areas as AreaTally[] | null) ?? []) : [],
      };
    });
    const last = attempts.at(-1);
    return { attempts, next: limit > 0 && attempts.length === limit && last ? { startedAt: last.startedAt, id: last.id } : null };
  }

  /**
   * One statement (SAVE_ANSWER): it share-locks the attempt's row, judges the fence, status, item and deadline on the
   * row as it is once the lock is held, and upserts the answer unless the stored one is newer or the same. A save
   * that wrote nothing reads the stored answer once more to say why (superseded, duplicate or too late).
   */
  async saveAnswer(attemptId: string, answer: SavedAnswer): Promise<SaveAnswerResult> {
    const response = JSON.stringify(answer.response ?? null);
    const [row] = await this.#prepared('save-answer', SAVE_ANSWER, [
      attemptId,
      answer.itemId,
      response,
      answer.flagged,
      answer.version,
      answer.savedAt,
    ]);
    if (!row) return { ok: false, code: 'ATTEMPT_NOT_FOUND' };
    if (row.status !== 'in-progress') return { ok: false, code: 'ATTEMPT_CLOSED' };
    if (row.fenced_at !== null) return { ok: false, code: 'ATTEMPT_FENCED' };
    if (!row.has_item) return { ok: false, code: 'UNKNOWN_ITEM' };
    if (row.written !== null) return { ok: true, outcome: 'stored', version: answer.version };
    // Nothing written: the answer stored when the upsert ran was newer, or the same, or this one came too late. That
    // row is committed (the upsert waited for it), so a new statement sees it or a still newer version.
    const [stored] = await this.#prepared('stored-answer', STORED_ANSWER, [attemptId, answer.itemId]);
    if (stored && answer.version < (stored.version as number)) return { ok: true, outcome: 'superseded', version: stored.version as number };
    const late = answer.savedAt > (row.deadline_at as number);
    if (stored && answer.version === stored.version && (!late || isSameAnswer(toSavedAnswer(stored), answer))) {
      return { ok: true, outcome: 'duplicate', version: answer.version };
    }
    if (late) return { ok: false, code: 'DEADLINE_PASSED' };
    throw new Error(`answer ${answer.itemId} of attempt ${attemptId} was neither written nor found stored`);
  }

  /**
   * Locks the attempt's row, then reads it with its answers. Two statements on purpose: under READ COMMITTED a
   * statement that waits for a lock re-reads only the locked row, not the answers a subquery read before the wait,
   * so one statement would miss an answer committed by the save it waited for.
   */
  async #lockAttempt(client: pg.ClientBase, attemptId: string): Promise<Row | undefined> {
    const locked = await client.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [attemptId]);
    if (locked.rowCount === 0) return undefined;
    return (await client.query(`${ATTEMPT_SELECT} WHERE a.id = $1`, [attemptId])).rows[0] as Row | undefined;
  }

  async fenceAttempt(attemptId: string, at: number): Promise<FenceAttemptResult> {
    return this.#transaction<FenceAttemptResult>(async (client) => {
      // Waits for saves holding the row; saves after it see the fence. Grading reads exactly this attempt.
      const row = await this.#lockAttempt(client, attemptId);
      if (!row) return { ok: false, code: 'ATTEMPT_NOT_FOUND' };
      const attempt = toAttempt(row);
      if (attempt.status !== 'in-progress') return { ok: false, code: 'ATTEMPT_CLOSED', attempt };
      if (attempt.fencedAt !== null) return { ok: true, attempt };
      await client.query('UPDATE attempts SET fenced_at = $2 WHERE id = $1', [attemptId, at]);
      return { ok: true, attempt: { ...attempt, fencedAt: at } };
    });
  }

  async submitAttempt(attemptId: string, result: AttemptResult, at: number): Promise<CloseAttemptResult> {
    return this.#close(attemptId, 'submitted', at, result);
  }

  async expireAttempt(attemptId: string, _at: number, result: AttemptResult | null = null): Promise<CloseAttemptResult> {
    // The deadline is when it expired; submitted_at stays null because nobody submitted it.
    return this.#close(attemptId, 'expired', null, result);
  }

  async #close(
    attemptId: string,
    status: 'submitted' | 'expired',
    submittedAt: number | null,
    result: AttemptResult | null,
  ): Promise<CloseAttemptResult> {
    return this.#transaction<CloseAttemptResult>(async (client) => {
      const row = await this.#lockAttempt(client, attemptId);
      if (!row) return { ok: false, code: 'ATTEMPT_NOT_FOUND' };
      const attempt = toAttempt(row);
      if (attempt.status !== 'in-progress') return { ok: false, code: 'ATTEMPT_CLOSED', attempt };
      await client.query(
        `UPDATE attempts SET status = $2, submitted_at = $3, result = $4, score = $5, max_score = $6, passed = $7,
                             certificate_id = $8, areas = $9
         WHERE id = $1`,
        [attemptId, status, submittedAt, result === null ? null : JSON.stringify(result), ...digestParams(result)],
      );
      await this.#insertItemOutcomes(client, { ...attempt, status, result });
      return { ok: true, attempt: { ...attempt, status, submittedAt, result: result === null ? null : roundTrip(result) } };
    });
  }

  // ── certificates ────────────────────────────────────────────────────────────────────────────────────────────

  async issueCertificate(certificate: Certificate): Promise<IssueCertificateResult> {
    this.#assertOpen();
    const [row] = await this.#query(
      `INSERT INTO certificates (id, user_id, exam_id, attempt_id, issued_at, expires_at, edition, rules, revoked_at, revoked_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING *`,
      [
        certificate.id,
        certificate.userId,
        certificate.examId,
        certificate.attemptId,
        certificate.issuedAt,
        certificate.expiresAt,
        certificate.edition,
        JSON.stringify(certificate.rules),
        certificate.revokedAt,
        certificate.revokedReason,
      ],
    );
    if (row) return { ok: true, certificate: toCertificate(row) };
    if (await this.getCertificate(certificate.id)) return { ok: false, code: 'CERTIFICATE_ID_TAKEN' };
    const [standing] = await this.#query('SELECT * FROM certificates WHERE attempt_id = $1 AND revoked_at IS NULL', [
      certificate.attemptId,
    ]);
    if (standing) return { ok: false, code: 'CERTIFICATE_FOR_ATTEMPT_EXISTS', certificate: toCertificate(standing) };
    // The conflicting row was revoked in between: try once more.
    return this.issueCertificate(certificate);
  }

  async getCertificate(id: string): Promise<Certificate | null> {
    const [row] = await this.#query('SELECT * FROM certificates WHERE id = $1', [id]);
    return row ? toCertificate(row) : null;
  }

  async listCertificates(filter: { readonly userId?: string; readonly examId?: string } = {}): Promise<Certificate[]> {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (filter.userId !== undefined) {
      params.push(filter.userId);
      clauses.push(`user_id = $${params.length}`);
    }
    if (filter.examId !== undefined) {
      params.push(filter.examId);
      clauses.push(`exam_id = $${params.length}`);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    return (await this.#query(`SELECT * FROM certificates ${where} ORDER BY issued_at, seq`, params)).map(toCertificate);
  }

  async revokeCertificate(id: string, reason: string, at: number): Promise<RevokeCertificateResult> {
    this.#assertOpen();
    const [row] = await this.#query(
      'UPDATE certificates SET revoked_at = $3, revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *',
      [id, reason, at],
    );
    if (row) return { ok: true, certificate: toCertificate(row) };
    return (await this.getCertificate(id))
      ? { ok: false, code: 'CERTIFICATE_REVOKED' }
      : { ok: false, code: 'CERTIFICATE_NOT_FOUND' };
  }

  getPractice(userId: string): Promise<PracticeRecord[]> {
    return this.#practice.getPractice(userId);
  }

  mergePractice(userId: string, records: readonly PracticeRecord[]): Promise<PracticeRecord[]> {
    return this.#practice.mergePractice(userId, records);
  }

  practiceActivity(filter?: { readonly userIds?: readonly string[] }): Promise<PracticeActivity[]> {
    return this.#practice.practiceActivity(filter);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** What a value looks like after a trip through jsonb (undefined members dropped), so results match what is read back. */
function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

function isSameAnswer(stored: SavedAnswer, answer: SavedAnswer): boolean {
  // savedAt is stamped on arrival, so a replay differs there and nowhere else.
  return (
    stored.version === answer.version &&
    stored.itemId === answer.itemId &&
    stored.flagged === answer.flagged &&
    canonicalJson(stored.response) === canonicalJson(answer.response)
  );
}

/**
 * Opens the PostgreSQL store at `url` (`postgres://user:password@host:port/database`).
 * @throws Error when the database cannot be reached, or lacks migrations and `migrate` is not set (the message
 * says to run `npm run db:migrate`).
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = openPool(url, options.poolSize);
  try {
    if (options.migrate) await migrate(pool);
    else {
      const pending = await pendingMigrations(pool);
      if (pending.length > 0) {
        throw new Error(
          `The database ${redactUrl(url)} lacks schema migration(s) ${pending.join(', ')}: run \`npm run db:migrate\` first.`,
        );
      }
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PostgresStore(pool, url);
}

/** The impact report's reads from PostgreSQL (consistent with what the running servers commit). */
export async function openPostgresReader(url: string): Promise<CertificateReader> {
  return openPostgresStore(url, { poolSize: 2 });
}
