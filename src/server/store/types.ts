/**
 * The storage contract: domain verbs only, so that a PostgreSQL implementation can replace the embedded lowdb one.
 * Every method resolves after the change is durable (flushed to disk), or rejects; nothing is acknowledged early.
 */

import type { ItemProgress } from '../../present/practice/index.ts';

import type { Role } from '../../present/index.ts';

export type { Role };

export interface User {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  /** 工号: unique per store; the login name. */
  readonly employeeId: string;
  readonly cohort: string | null;
  /** Argon2id PHC string; null until the account is activated. */
  readonly passwordHash: string | null;
  readonly createdAt: number;
  readonly activatedAt: number | null;
  readonly disabled: boolean;
}

export interface Activation {
  /** SHA-256 of the one-time token; the token itself is shown once and never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export interface Session {
  /** SHA-256 (hex) of the cookie value: a copied sessions file cannot be replayed as a cookie. */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  /** Absolute expiry (createdAt + 12 h, or + 30 days when 记住我 was ticked); the idle limit counts from lastSeenAt. */
  readonly expiresAt: number;
  /** Last request seen, stored at most once a minute so that browsing does not rewrite the file on every click. */
  readonly lastSeenAt: number;
  /**
   * This session's idle limit: it ends once `lastSeenAt + idleMs` has passed (2 h for a browser session, 30 days for a
   * remembered one; src/server/auth/sessions.ts). Stored per session so a change of policy never shortens or
   * lengthens sessions already handed out.
   */
  readonly idleMs: number;
  /**
   * Set when an exam attempt started (or was resumed) in this session would outlast its absolute limit: past
   * `expiresAt` the session still serves that attempt's API and exam page, and nothing else, until `until` (the
   * attempt's deadline, grace included, plus a few minutes to show the result). The idle limit applies as always.
   * Absent: no hold (src/server/auth/sessions.ts, docs/exams.md "Sessions").
   */
  readonly examHold?: ExamHold | undefined;
}

/** What a session past its absolute limit is still good for: one exam attempt, until a fixed time. */
export interface ExamHold {
  readonly attemptId: string;
  readonly until: number;
}

/** The one-time first-run link: only its SHA-256 is kept; replaced on every start while no lead exists. */
export interface SetupToken {
  readonly tokenHash: string;
  readonly createdAt: number;
}

/** Failed logins counted under one throttle key (an account, a client address, or the pair of both). */
export interface LoginFailures {
  /** `account:<employee id, upper-cased>`, `ip:<address>` or `pair:<employee id>@<address>`. */
  readonly key: string;
  readonly count: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

/** How many failed logins a throttle key allows, and how long it locks after (see `lockEnd` in login-throttle.ts). */
export interface ThrottleLimit {
  /** Failures that are checked normally; once this many are counted (or reserved) the key refuses attempts. */
  readonly freeFailures: number;
  /** The lock after the `freeFailures`-th failure, counted from the last failure; doubles with each failure beyond. */
  readonly firstLockMs: number;
  readonly maxLockMs: number;
  /** A count whose last failure is older than this is forgotten (starts again from zero). */
  readonly forgetAfterMs: number;
}

/** One throttle key of a login attempt and the limit it is judged by. */
export interface ThrottleKeyLimit {
  readonly key: string;
  readonly limit: ThrottleLimit;
}

/** A login attempt counted against its keys before its password is checked; settle it exactly once. */
export interface LoginReservation {
  /** Unique per reservation; settling the same id again does nothing. */
  readonly id: string;
  readonly keys: readonly ThrottleKeyLimit[];
  readonly at: number;
}

/** A place (an account at an address) from which the account signed in successfully, remembered until `until`. */
export interface KnownSignIn {
  /** The `pair:` key. */
  readonly key: string;
  readonly at: number;
  readonly until: number;
}

/**
 * One trainee answer as stored. `version` is the client's per-question counter: it goes up each time the trainee
 * changes that question's answer or flag, so saves for one question are ordered among themselves and saves for
 * different questions never affect each other. (Attempts written before versions existed stored an attempt-wide
 * `seq`; it reads as the version.)
 */
export interface SavedAnswer {
  readonly itemId: string;
  readonly response: unknown;
  readonly flagged: boolean;
  readonly version: number;
  readonly savedAt: number;
}

export type AttemptStatus = 'in-progress' | 'submitted' | 'expired';

export interface AttemptRecord {
  readonly id: string;
  readonly examId: string;
  readonly userId: string;
  readonly seed: number;
  /** Policy edition and content version the attempt was drawn under. */
  readonly edition: string;
  readonly contentVersion: string;
  /** Item ids (variant ids for generated items) in presentation order, with the per-attempt option order. */
  readonly items: readonly { readonly itemId: string; readonly optionOrder?: readonly number[] }[];
  readonly startedAt: number;
  /** Server-clock instant after which no answer is accepted (limit + grace applied by the caller). */
  readonly deadlineAt: number;
  readonly status: AttemptStatus;
  /**
   * Set once when grading starts (submit or expiry): from then on no answer is acknowledged, so the grade is computed
   * from exactly the answers acknowledged before it. An in-progress attempt with a fence is closed on its next read.
   */
  readonly fencedAt: number | null;
  readonly answers: Readonly<Record<string, SavedAnswer>>;
  readonly submittedAt: number | null;
  readonly result: AttemptResult | null;
}

/**
 * An attempt whose stored record cannot be read (its file is damaged): what the store still knows of it. Lists leave
 * it out, so one damaged record cannot take every page down; pages show it as unreadable instead.
 */
export interface UnreadableAttempt {
  readonly id: string;
  readonly examId: string;
  readonly userId: string;
  readonly startedAt: number;
  readonly status: AttemptStatus;
}

export interface AttemptResult {
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly perItem: readonly { readonly itemId: string; readonly correct: boolean; readonly ruleArea: string }[];
  readonly certificateId: string | null;
}

export interface Certificate {
  /** Unguessable (≥128 bits of randomness, URL-safe). */
  readonly id: string;
  readonly userId: string;
  readonly examId: string;
  readonly attemptId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly edition: string;
  /** Rule ids the exam covered; a later policy change to any of them marks the certificate "needs recertification". */
  readonly rules: readonly string[];
  readonly revokedAt: number | null;
  readonly revokedReason: string | null;
}

/** One item's practice progress for one user, as synced from the browser, with the rule area the item is filed under. */
export interface PracticeRecord extends ItemProgress {
  readonly itemId: string;
  readonly area: string;
}

/** What a lead sees of one user's practice in one rule area. */
export interface PracticeActivity {
  readonly userId: string;
  readonly area: string;
  /** Items practised at least once. */
  readonly items: number;
  /** Stored answers (the latest 20 per item) and how many were right. */
  readonly answers: number;
  readonly correct: number;
  /** Time of the newest stored answer (the trainee's device clock), or null. */
  readonly lastAt: number | null;
}
