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
import type { AssignmentsArea } from './assignment-types.ts';
import type { ItemAggregates, ItemCutQuery } from '../../quiz/index.ts';
import type { AreaTally } from '../../present/dashboard/index.ts';

/** A new account as the caller builds it; the store adds nothing but checks that the employee id is free. */
export type NewUser = Pick<User, 'id' | 'role' | 'name' | 'employeeId' | 'cohort' | 'passwordHash' | 'createdAt'>;

/** A trainee and the activation link made for it, created together or not at all. */
export interface NewTrainee {
  readonly user: NewUser;
  readonly activation: Activation;
}

/** A new attempt: the store starts it `in-progress` with no answers. */
export type NewAttempt = Omit<AttemptRecord, 'status' | 'fencedAt' | 'answers' | 'submittedAt' | 'result'>;

/** An expected refusal, named by a permanent code; I/O failures reject instead. */
export interface Refused<Code extends string> {
  readonly ok: false;
  readonly code: Code;
}

export type CreateUserResult = { readonly ok: true; readonly user: User } | Refused<'EMPLOYEE_ID_TAKEN'>;

export type DisableStaffResult =
  | { readonly ok: true; readonly user: User }
  | Refused<'USER_NOT_FOUND' | 'LAST_ACTIVE_LEAD'>;

export type CreateFirstLeadResult =
  | { readonly ok: true; readonly user: User }
  | Refused<'SETUP_TOKEN_INVALID' | 'SETUP_ALREADY_DONE' | 'EMPLOYEE_ID_TAKEN'>;

export type CreateTraineesResult = {
  /** Employee ids (as given) that were taken already or repeated in the batch; none of their rows was written. */
  readonly taken: readonly string[];
  readonly created: readonly User[];
};

export type ActivationRefusal = 'ACTIVATION_INVALID' | 'ACTIVATION_USED' | 'ACTIVATION_EXPIRED' | 'ACCOUNT_DISABLED';

export type FindActivationResult =
  { readonly ok: true; readonly activation: Activation; readonly user: User } | Refused<ActivationRefusal>;

export type ConsumeActivationResult = { readonly ok: true; readonly user: User } | Refused<ActivationRefusal>;

export type CreateAttemptResult =
  | { readonly ok: true; readonly attempt: AttemptRecord }
  | (Refused<'ATTEMPT_IN_PROGRESS'> & { readonly attempt: AttemptRecord })
  | Refused<'ATTEMPT_ID_TAKEN'>;

export type SaveAnswerRefusal =
  /** No attempt with that id. */
  | 'ATTEMPT_NOT_FOUND'
  /** The attempt was submitted or expired. */
  | 'ATTEMPT_CLOSED'
  /** Grading has started (see fenceAttempt): no answer is acknowledged any more. */
  | 'ATTEMPT_FENCED'
  /** answer.savedAt is after the attempt's deadlineAt. */
  | 'DEADLINE_PASSED'
  /** The item is not part of this attempt. */
  | 'UNKNOWN_ITEM';

/**
 * What a save did with its answer, judged against the version stored for the same item only:
 * `stored` (version above the stored one, or none stored; or the same version with different content: the later
 * arrival wins), `duplicate` (same version and content: nothing written), `superseded` (version below the stored
 * one: nothing written; the stored version is returned).
 */
export type SaveOutcome = 'stored' | 'duplicate' | 'superseded';

export type SaveAnswerResult =
  | {
      readonly ok: true;
      readonly outcome: SaveOutcome;
      /** The version now stored for the item. */
      readonly version: number;
    }
  | Refused<SaveAnswerRefusal>;

export type FenceAttemptResult =
  | { readonly ok: true; readonly attempt: AttemptRecord }
  | Refused<'ATTEMPT_NOT_FOUND'>
  | (Refused<'ATTEMPT_CLOSED'> & { readonly attempt: AttemptRecord });

export type CloseAttemptResult =
  | { readonly ok: true; readonly attempt: AttemptRecord }
  | Refused<'ATTEMPT_NOT_FOUND'>
  | (Refused<'ATTEMPT_CLOSED'> & { readonly attempt: AttemptRecord });

export type ReserveLoginResult =
  | { readonly ok: true; readonly reservation: LoginReservation }
  | { readonly ok: false; readonly retryAfterMs: number };

export type LoginSettlement =
  | { readonly succeeded: false }
  | {
      readonly succeeded: true;
      /** Keys whose stored failures a success wipes (the account's own keys, never a shared address). */
      readonly clear: readonly string[];
      readonly remember: { readonly key: string; readonly until: number } | null;
    };

export type IssueCertificateResult =
  | { readonly ok: true; readonly certificate: Certificate }
  | Refused<'CERTIFICATE_ID_TAKEN'>
  /** The attempt has an unrevoked certificate already (returned): another process closed it at the same moment. */
  | (Refused<'CERTIFICATE_FOR_ATTEMPT_EXISTS'> & { readonly certificate: Certificate });

export type RevokeCertificateResult =
  { readonly ok: true; readonly certificate: Certificate } | Refused<'CERTIFICATE_NOT_FOUND' | 'CERTIFICATE_REVOKED'>;

/** Which sessions `pruneSessions` deletes: those matching either bound (both inclusive). */
export interface SessionPrune {
  /** Sessions whose idle limit ends (`lastSeenAt + idleMs`) at or before this instant are idle-expired. */
  readonly idleEndsUpTo: number;
  /**
   * Sessions whose absolute expiry is at or before this instant are expired, unless an exam hold
   * (`Session.examHold`) runs past it: then the hold's end is judged instead.
   */
  readonly expiresUpTo: number;
}

/** Which attempts to list; every field narrows the list. */
export interface AttemptFilter {
  readonly userId?: string;
  readonly examId?: string;
  readonly status?: AttemptStatus;
  /** Only attempts of these users (a cohort's trainees); an empty list matches nothing. */
  readonly userIds?: readonly string[];
}

/** An attempt without its answers and items: what listings show. */
export interface AttemptSummary {
  readonly id: string;
  readonly examId: string;
  readonly userId: string;
  readonly startedAt: number;
  readonly status: AttemptStatus;
  readonly submittedAt: number | null;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly passed: boolean | null;
  readonly certificateId: string | null;
}

/**
 * A summary with the attempt's per-rule-area tallies: everything a dashboard, completion board or export adds up,
 * without the answers or the questions. The stores keep it with the closed attempt (written when it is graded).
 */
export interface AttemptDigest extends AttemptSummary {
  /** Items right out of items asked per rule area (present's `itemTallies` of the result), first-seen order; empty unless graded. */
  readonly areas: readonly AreaTally[];
}

/** Where a scan goes on: the last attempt of the page before (scans are ordered by startedAt, then id). */
export interface AttemptCursor {
  readonly startedAt: number;
  readonly id: string;
}

/** One page of a scan, and where the next page starts (null when this page reached the end). */
export interface AttemptScan {
  readonly attempts: readonly AttemptDigest[];
  readonly next: AttemptCursor | null;
}

/** One page of attempts, newest first, with the number of attempts the filter matches in all. */
export interface AttemptPage {
  readonly total: number;
  readonly attempts: readonly AttemptSummary[];
}

/*
 * The storage contract, split per area so that each area can be implemented, tested and reasoned about on its own;
 * `Store` is their union and is what callers hold. Domain verbs with data-shaped arguments only (no callbacks), so
 * that an SQL implementation (PostgreSQL) runs every verb in the database.
 *
 * Every method that changes data resolves only after the change is durable (lowdb: written, flushed and renamed into
 * place with the directory flushed; PostgreSQL: committed), or rejects and leaves what readers see unchanged.
 * Expected refusals (a taken employee id, a save after the fence) resolve with `{ ok: false, code }`; only I/O
 * and programming errors reject. Reads return the last committed state. tests/store/contract.ts is the executable
 * form of this contract: every implementation runs it.
 */

/** Users, activation links and the first-run setup token. */
export interface AccountsArea {
  countUsers(filter?: { readonly role?: Role }): Promise<number>;
  findUser(id: string): Promise<User | null>;
  /** Case-insensitive: employee ids are unique regardless of letter case. */
  findUserByEmployeeId(employeeId: string): Promise<User | null>;
  /** Sorted by cohort, then employee id. */
  listUsers(filter?: { readonly role?: Role; readonly cohort?: string | null }): Promise<User[]>;
  createUser(user: NewUser): Promise<CreateUserResult>;
  /**
   * Creates trainees with their activation links in one write. A row whose employee id is taken (or repeated within
   * the batch, after its first occurrence) is skipped whole and reported in `taken`.
   */
  createTrainees(rows: readonly NewTrainee[]): Promise<CreateTraineesResult>;
  /**
   * Creates one staff account (a lead or an author, the row's own role) with its activation link in one write, or
   * refuses a taken employee id. Only a lead's staff page calls it; trainees go through `createTrainees`, which can
   * never make anything but a trainee.
   */
  createStaff(row: NewTrainee): Promise<CreateUserResult>;
  /** Sets the password hash; `null` when there is no such user. */
  setPassword(userId: string, passwordHash: string): Promise<User | null>;
  /** Disables or re-enables an account; disabling also ends all its sessions. `null` when there is no such user. */
  setDisabled(userId: string, disabled: boolean): Promise<User | null>;
  /**
   * Disables a staff account and ends all its sessions, like `setDisabled`, but refuses (`LAST_ACTIVE_LEAD`) to disable
   * the last active lead (enabled, with a password): checked and written atomically, so two leads disabling each other
   * at the same moment cannot lock everyone out. `USER_NOT_FOUND` for an unknown id.
   */
  disableStaff(userId: string): Promise<DisableStaffResult>;

  /** Replaces any earlier setup token: only the one printed by the latest start works. */
  replaceSetupToken(tokenHash: string, at: number): Promise<void>;
  /** True when a setup token with this hash is stored and no lead exists yet. */
  isSetupTokenValid(tokenHash: string): Promise<boolean>;
  /** Creates the first lead and spends the setup token, atomically; refuses once any lead exists. */
  createFirstLead(tokenHash: string, user: NewUser): Promise<CreateFirstLeadResult>;

  /** Stores a new activation for the user and voids every earlier unused one of that user. */
  createActivation(activation: Activation): Promise<void>;
  /** Looks up an activation token (by hash) as of `at`, without spending it. */
  findActivation(tokenHash: string, at: number): Promise<FindActivationResult>;
  /** Spends the activation and sets the password, in one write; of parallel calls with one token exactly one wins. */
  consumeActivation(tokenHash: string, passwordHash: string, at: number): Promise<ConsumeActivationResult>;
  /** The newest activation of a user, used or not; `null` when none was ever made. */
  latestActivationOf(userId: string): Promise<Activation | null>;
}

/** Signed-in sessions, keyed by the hash of the cookie value. */
export interface SessionsArea {
  createSession(session: Session): Promise<void>;
  /** The stored session with this id, expired or not: the caller applies the time limits. */
  getSession(id: string): Promise<Session | null>;
  /**
   * The stored session with this id (expired or not) and its account as `findUser` returns it (`null` when there is
   * no such account), read together: what every signed-in request resolves, in one round trip on a database.
   */
  getSessionWithUser(id: string): Promise<{ readonly session: Session; readonly user: User | null } | null>;
  /**
   * Records activity; resolves to the updated session (last-seen never moves back), or `null` if it is gone. May be
   * written behind (lowdb: up to TOUCH_WRITE_DELAY_MS), but every later read by any process sees it.
   */
  touchSession(id: string, at: number): Promise<Session | null>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;
  /** Deletes sessions idle or expired by the given bounds (judged by their newest last-seen time); returns how many. */
  pruneSessions(bounds: SessionPrune): Promise<number>;
  /**
   * Sets (or replaces) the session's exam hold, written at once; resolves to the updated session, or `null` if it is
   * gone. The caller decides whether a hold is due (src/server/auth/sessions.ts, `holdSessionForAttempt`).
   */
  holdSession(id: string, hold: ExamHold): Promise<Session | null>;
}

/** Failed-login counters, reserved before the password is checked (see src/server/auth/throttle.ts). */
export interface ThrottleArea {
  /** The failures stored under `key` (forgotten or not: the caller judges them by its limit), or `null`. */
  getLoginFailures(key: string): Promise<LoginFailures | null>;
  /**
   * Counts a login attempt against every key BEFORE its password is checked, atomically with every other
   * reservation, so a parallel burst cannot get more attempts checked than the limits allow.
   *
   * For each key, `n` = the stored failures that still count at `at` (zero when the last is more than
   * `limit.forgetAfterMs` old), `r` = that key's reservations not yet settled. The attempt is refused when for any
   * key `n` has reached a lock that lasts beyond `at` (`lockEnd(limit, n, lastAt) > at`; `retryAfterMs` is the time
   * left), or when `r >= max(1, limit.freeFailures - n)` (the attempts in flight could use up the free failures, or,
   * once a lock has run out, one attempt is already in flight; `retryAfterMs` is `LOGIN_IN_FLIGHT_RETRY_MS`). `retryAfterMs` is the largest over the refusing keys. A refused
   * attempt changes nothing. Otherwise every key gains one reservation and the reservation is returned.
   *
   * A reservation never settled (the process died while hashing) may be lost by a store that keeps reservations in
   * memory (lowdb: one process) or counted as a failure (a shared database); it must never be forgotten while its
   * process is alive.
   */
  reserveLoginAttempt(keys: readonly ThrottleKeyLimit[], at: number): Promise<ReserveLoginResult>;
  /**
   * Settles a reservation once its password was checked. A failure turns the reservation into one stored failure on
   * each key (the count restarting from one when the last failure is more than `forgetAfterMs` before the
   * reservation's `at`; `lastAt` becomes the reservation's `at`). A success drops the reservation without a failure,
   * deletes the stored failures of the keys in `clear`, and with `remember` marks that pair key as a known sign-in
   * until `remember.until` (see `isKnownSignIn`). Settling an id a second time does nothing.
   */
  settleLoginAttempt(reservation: LoginReservation, outcome: LoginSettlement): Promise<void>;
  /** True when `settleLoginAttempt` remembered this pair key with an `until` at or after `at`. */
  isKnownSignIn(key: string, at: number): Promise<boolean>;
}

/** Exam attempts and their answers. */
export interface AttemptsArea {
  /**
   * Refuses when the user already has an in-progress attempt at the same exam (returned, to resume); of parallel
   * starts by one user at one exam exactly one succeeds.
   */
  createAttempt(attempt: NewAttempt): Promise<CreateAttemptResult>;
  getAttempt(id: string): Promise<AttemptRecord | null>;
  /**
   * Full records, sorted by startedAt (then id), oldest first. An attempt whose stored record cannot be read is left
   * out (and logged, naming where it is stored): see listUnreadableAttempts.
   */
  listAttempts(filter?: AttemptFilter): Promise<AttemptRecord[]>;
  /** The attempts matching the filter that listAttempts leaves out because their record cannot be read; oldest first. */
  listUnreadableAttempts(filter?: AttemptFilter): Promise<UnreadableAttempt[]>;
  /**
   * Summaries, newest first (startedAt, then id, descending), `limit` of them after skipping `offset`, with the
   * number of matching attempts in all: what a listing page shows without loading every attempt's answers.
   */
  pageAttempts(filter: AttemptFilter, page: { readonly offset: number; readonly limit: number }): Promise<AttemptPage>;
  /**
   * Digests of the attempts matching the filter, oldest first (startedAt, then id in code-unit order), at most
   * `limit` of them after the cursor `after` (exclusive; null: from the first), and the cursor of the next page (null
   * when none follows). Keyset paging: every page costs the same however deep the scan, so an export of 50,000
   * attempts streams in constant memory and a dashboard adds up digests without reading an answer. Attempts whose
   * record cannot be read are left out (see listUnreadableAttempts).
   */
  scanAttempts(filter: AttemptFilter, page: { readonly after: AttemptCursor | null; readonly limit: number }): Promise<AttemptScan>;
  /**
   * Stores one answer, ordered by its per-item `version` against the answer stored for the same item only (see
   * SaveOutcome); saves for different items never refuse or overwrite each other. Refused once the attempt is
   * fenced or closed, and for a new version whose savedAt is past the deadline. Judged and written atomically with
   * the fence: a save acknowledged before `fenceAttempt` resolves is in the attempt it returns.
   */
  saveAnswer(attemptId: string, answer: SavedAnswer): Promise<SaveAnswerResult>;
  /**
   * Sets `fencedAt` once (an already fenced attempt resolves ok unchanged) and resolves with the attempt exactly as
   * acknowledged: every save acknowledged before resolves into it, every later save is refused ATTEMPT_FENCED.
   */
  fenceAttempt(attemptId: string, at: number): Promise<FenceAttemptResult>;
  /** Closes an in-progress attempt as submitted with its graded result. */
  submitAttempt(attemptId: string, result: AttemptResult, at: number): Promise<CloseAttemptResult>;
  /** Closes an in-progress attempt as expired (deadline passed unsubmitted), with a result when it was graded. */
  expireAttempt(attemptId: string, at: number, result?: AttemptResult | null): Promise<CloseAttemptResult>;
}

/** Which graded attempts the item analysis adds up: one exam's, or every exam's when `examId` is absent. */
export interface ItemResultsFilter {
  readonly examId?: string;
}

/**
 * Per-question outcomes of graded attempts (quiz's `itemOutcomes`: right or wrong, chosen options in authored ids),
 * recorded when the attempt is graded (lowdb: `attempt-items.jsonl`; PostgreSQL: the `attempt_items` table, written
 * in the transaction that closes the attempt) and backfilled for attempts graded before they existed. The item
 * analysis reads these sums, never an attempt.
 */
export interface ItemResultsArea {
  /**
   * Per item answered in a graded attempt of the scope: score cells (responses per attempt (score, maxScore), right
   * ones), blanks and option counts; sorted by item id, cells by (maxScore, score), options by id. With the number of
   * graded attempts and of the others (in progress, or expired without a grade) in the scope.
   */
  itemAggregates(filter: ItemResultsFilter): Promise<ItemAggregates>;
  /** For each cut, in order: right answers among the responses it takes (see ItemCutQuery; attempt ids in code-unit order). */
  itemCutCorrect(filter: ItemResultsFilter, cuts: readonly ItemCutQuery[]): Promise<number[]>;
}

/** Issued certificates. */
export interface CertificatesArea {
  /** At most one unrevoked certificate per attempt: of parallel issues for one attempt exactly one succeeds. */
  issueCertificate(certificate: Certificate): Promise<IssueCertificateResult>;
  getCertificate(id: string): Promise<Certificate | null>;
  /** Sorted by issuedAt, oldest first. */
  listCertificates(filter?: { readonly userId?: string; readonly examId?: string }): Promise<Certificate[]>;
  revokeCertificate(id: string, reason: string, at: number): Promise<RevokeCertificateResult>;
}

/**
 * Practice progress synced from trainees' browsers (src/server/practice/): one record per user and item, merged by
 * present/practice's `mergeItemProgress`, which is commutative, associative and idempotent, so replays and any
 * order of syncs leave the same record.
 */
export interface PracticeArea {
  /** The user's records, sorted by item id; empty when the user never synced. */
  getPractice(userId: string): Promise<PracticeRecord[]>;
  /**
   * Merges each record into the user's stored record of the same item, all in one write (parallel merges for one
   * user lose nothing); the stored area becomes the given one. Resolves with all the user's records, as getPractice.
   */
  mergePractice(userId: string, records: readonly PracticeRecord[]): Promise<PracticeRecord[]>;
  /** Practice per user and rule area (users with no records are absent), sorted by user id, then area. */
  practiceActivity(filter?: { readonly userIds?: readonly string[] }): Promise<PracticeActivity[]>;
}

/**
 * Writing records that another store made, as they are (ids, times, statuses and answers kept): how `npm run
 * db:import` moves a lowdb folder into PostgreSQL, and how benchmarks fill a store quickly.
 */
export interface ImportArea {
  /** Refuses (rejects) when an id or employee id is taken; nothing of the batch is written then. */
  importUsers(users: readonly User[]): Promise<void>;
  /** Rejects when the id is taken. A closed attempt stays closed; an in-progress one can be continued. */
  importAttempt(attempt: AttemptRecord): Promise<void>;
}

/** What every store offers besides the areas. */
export interface StoreLifecycle {
  /** Which implementation this is and where its data lives (no password), e.g. for the start banner and /healthz. */
  readonly kind: 'lowdb' | 'postgres';
  readonly location: string;
  /** Resolves when the store can read its data (PostgreSQL: one round trip); rejects otherwise. For /healthz. */
  ping(): Promise<void>;
  /** Waits for pending writes; the store must not be used afterwards. */
  close(): Promise<void>;
}

/**
 * The reads a report needs while the server runs (the impact CLI): lowdb serves them from its files without opening
 * the store (read-only.ts), PostgreSQL from the database.
 */
export interface CertificateReader extends Pick<CertificatesArea, 'listCertificates'>, Pick<AccountsArea, 'listUsers'> {
  close(): Promise<void>;
}

/** The whole storage contract: every area plus the lifecycle. */
export interface Store
  extends AccountsArea, SessionsArea, ThrottleArea, AttemptsArea, CertificatesArea, PracticeArea, ImportArea, StoreLifecycle,
    AssignmentsArea, ItemResultsArea {}
