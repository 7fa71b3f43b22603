import { z } from 'zod';
import { ROLES, SESSION_IDLE_MS } from '../../present/index.ts';
import type {
  Activation,
  AttemptRecord,
  AttemptResult,
  Certificate,
  KnownSignIn,
  LoginFailures,
  SavedAnswer,
  Session,
  SetupToken,
  User,
} from './types.ts';

// Records read back from disk are validated like any other untrusted input: a hand-edited or truncated file is
// refused at start instead of failing later inside a request.

const Millis = z.number().int().nonnegative();

export const UserSchema = z.object({
  id: z.string().min(1),
  role: z.enum(ROLES),
  name: z.string().min(1),
  employeeId: z.string().min(1),
  cohort: z.string().nullable(),
  passwordHash: z.string().nullable(),
  createdAt: Millis,
  activatedAt: Millis.nullable(),
  disabled: z.boolean(),
}) satisfies z.ZodType<User>;

export const ActivationSchema = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  userId: z.string().min(1),
  expiresAt: Millis,
  usedAt: Millis.nullable(),
}) satisfies z.ZodType<Activation>;

export const SetupTokenSchema = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Millis,
}) satisfies z.ZodType<SetupToken>;

export const SessionSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  userId: z.string().min(1),
  createdAt: Millis,
  expiresAt: Millis,
  lastSeenAt: Millis,
  // Sessions written before the field existed were all browser sessions with the 2 h idle limit.
  idleMs: z.number().int().positive().default(SESSION_IDLE_MS),
  examHold: z.object({ attemptId: z.string().min(1), until: Millis }).optional(),
}) satisfies z.ZodType<Session>;

export const LoginFailuresSchema = z.object({
  key: z.string().min(1),
  count: z.number().int().positive(),
  firstAt: Millis,
  lastAt: Millis,
}) satisfies z.ZodType<LoginFailures>;

const AnswerFields = {
  itemId: z.string().min(1),
  // `unknown` is optional to zod 4; a stored answer always has the key, even when the response is null.
  response: z.custom<unknown>((value) => value !== undefined, '缺少 response'),
  flagged: z.boolean(),
  savedAt: Millis,
};

/** An answer as written since per-question versions. */
const VersionedAnswerSchema = z.object({ ...AnswerFields, version: z.number().int().nonnegative() });

/** An answer written before per-question versions: its attempt-wide `seq` reads as the version. */
const SeqAnswerSchema = z.object({ ...AnswerFields, seq: z.number().int().nonnegative() });

export const SavedAnswerSchema = z.union([
  VersionedAnswerSchema,
  SeqAnswerSchema.transform(({ seq, ...answer }) => ({ ...answer, version: seq })),
]) satisfies z.ZodType<SavedAnswer>;

/**
 * One line of `attempts/<id>.jsonl`: an acknowledged answer and its position in the log. Positions are assigned by
 * the server, one per appended line, and the snapshot records the last position folded into it, so replaying after a
 * crash skips exactly the lines already folded (client versions are per question and cannot order the log). Lines
 * written before versions existed are the bare answer; their attempt-wide `seq` was that position.
 */
export const AnswerLogLineSchema = z.union([
  z.object({ position: z.number().int().positive(), answer: VersionedAnswerSchema }),
  SeqAnswerSchema.transform(({ seq, ...answer }) => ({ position: seq, answer: { ...answer, version: seq } })),
]) satisfies z.ZodType<{ position: number; answer: SavedAnswer }>;
export type AnswerLogLine = z.output<typeof AnswerLogLineSchema>;

export const AttemptResultSchema = z.object({
  score: z.number(),
  maxScore: z.number(),
  passed: z.boolean(),
  perItem: z.array(z.object({ itemId: z.string(), correct: z.boolean(), ruleArea: z.string() })),
  certificateId: z.string().nullable(),
}) satisfies z.ZodType<AttemptResult>;

export const AttemptRecordSchema = z.object({
  id: z.string().min(1),
  examId: z.string().min(1),
  userId: z.string().min(1),
  seed: z.number().int(),
  edition: z.string(),
  contentVersion: z.string(),
  items: z.array(z.object({ itemId: z.string().min(1), optionOrder: z.array(z.number().int()).exactOptional() })),
  startedAt: Millis,
  deadlineAt: Millis,
  status: z.enum(['in-progress', 'submitted', 'expired']),
  // Absent from attempts written before submit fencing.
  fencedAt: Millis.nullable().default(null),
  answers: z.record(z.string(), SavedAnswerSchema),
  submittedAt: Millis.nullable(),
  result: AttemptResultSchema.nullable(),
}) satisfies z.ZodType<AttemptRecord>;

export const CertificateSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  examId: z.string().min(1),
  attemptId: z.string().min(1),
  issuedAt: Millis,
  expiresAt: Millis,
  edition: z.string(),
  rules: z.array(z.string()),
  revokedAt: Millis.nullable(),
  revokedReason: z.string().nullable(),
}) satisfies z.ZodType<Certificate>;

/** `accounts.json`: users, their activation links and the first-run token change together, so they share a file. */
export const AccountsFileSchema = z.object({
  version: z.literal(1),
  users: z.array(UserSchema),
  activations: z.array(ActivationSchema),
  setup: SetupTokenSchema.nullable(),
});
export type AccountsFile = z.infer<typeof AccountsFileSchema>;

export const SessionsFileSchema = z.object({ version: z.literal(1), sessions: z.array(SessionSchema) });
export type SessionsFile = z.infer<typeof SessionsFileSchema>;

export const KnownSignInSchema = z.object({
  key: z.string().min(1),
  at: Millis,
  until: Millis,
}) satisfies z.ZodType<KnownSignIn>;

// `known` arrived after version 1 was in use; a file without it simply knows no sign-ins yet.
export const ThrottleFileSchema = z.object({
  version: z.literal(1),
  failures: z.array(LoginFailuresSchema),
  known: z.array(KnownSignInSchema).default([]),
});
export type ThrottleFile = z.infer<typeof ThrottleFileSchema>;

export const CertificatesFileSchema = z.object({ version: z.literal(1), certificates: z.array(CertificateSchema) });
export type CertificatesFile = z.infer<typeof CertificatesFileSchema>;

/**
 * `attempts/<id>.json`: one attempt per file, with `logPosition`, the last answer-log position folded into it (see
 * AnswerLogLineSchema). Files written before versions existed have none; their attempt's `lastSeq` was that position.
 */
export const AttemptFileSchema = z
  .object({
    version: z.literal(1),
    attempt: AttemptRecordSchema.extend({ lastSeq: z.number().int().nonnegative().optional() }),
    logPosition: z.number().int().nonnegative().optional(),
  })
  .transform(({ version, attempt: { lastSeq, ...attempt }, logPosition }) => ({
    version,
    attempt,
    logPosition: logPosition ?? lastSeq ?? 0,
  }));
export type AttemptFile = z.output<typeof AttemptFileSchema>;
/** What an attempt file may hold on disk, old or new. */
export type AttemptFileInput = z.input<typeof AttemptFileSchema>;

/**
 * `attempt-index.jsonl`: one line when an attempt starts and one when it closes, so that opening the store knows every
 * attempt's owner, exam and status without reading its file. Written after the attempt file itself; opening repairs
 * an index that a crash left one step behind.
 */
export const AttemptIndexRecordSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('start'),
    id: z.string().min(1),
    examId: z.string().min(1),
    userId: z.string().min(1),
    startedAt: Millis,
  }),
  z.object({
    op: z.literal('close'),
    id: z.string().min(1),
    status: z.enum(['submitted', 'expired']),
    // The result as listings show it, so /lead/attempts and results.csv read no attempt file (absent in indexes
    // written before it was added: those attempts are read from their files).
    result: z
      .object({
        submittedAt: Millis.nullable(),
        score: z.number(),
        maxScore: z.number(),
        passed: z.boolean(),
        certificateId: z.string().nullable(),
        // Per-rule-area tallies, so dashboards read the index alone (absent in lines written before them: the
        // attempt's file is read once and a fresh close line appended, see AttemptFiles.backfill).
        areas: z
          .array(z.object({ area: z.string(), correct: z.number().int().nonnegative(), total: z.number().int().nonnegative() }))
          .optional(),
      })
      .optional(),
  }),
]);
export type AttemptIndexRecord = z.infer<typeof AttemptIndexRecordSchema>;
