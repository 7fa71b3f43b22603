import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  assembleAttempt,
  attemptDuration,
  attemptPhase,
  BlueprintUnfillableError,
  coveredRules,
  examEligibility,
  examQuestion,
  examReview,
  gradePaper,
  responseShapeProblem,
  type AttemptEntry,
  type Exam,
  type KeyedQuestion,
} from '../../quiz/index.ts';
import type { Response } from '../../quiz/index.ts';
import { ApiError, type ApiErrorCode } from '../http/index.ts';
import type { AttemptRecord, AttemptResult, Store, User } from '../store/index.ts';
import type { ExamContent } from './exam-content.ts';

const Version = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * The autosave body: one answer with the client's per-question version (it goes up each time that question's answer
 * or flag changes). `response: null` clears it. The response's shape is checked against the paper, not here. A page
 * loaded before versions existed sends an attempt-wide `seq` instead: it only ever goes up, so per question it orders
 * saves just as a version does, and it is read as one.
 */
export const SaveAnswerBodySchema = z
  .object({
    itemId: z.string().min(1).max(200),
    response: z.custom<unknown>((value) => value !== undefined && JSON.stringify(value).length <= 4000, '缺少 response，或内容太长'),
    flagged: z.boolean().default(false),
    version: Version.optional(),
    seq: Version.optional(),
  })
  .strict()
  .refine((body) => body.version !== undefined || body.seq !== undefined, { message: '缺少 version', path: ['version'] })
  .transform(({ seq, version, ...body }) => ({ ...body, version: (version ?? seq)! }));
export type SaveAnswerBody = z.output<typeof SaveAnswerBodySchema>;

export interface AttemptServiceOptions {
  readonly now?: () => number;
}

/**
 * What the caller adds to the start decision (src/server/assignments: the assignment window, the attempts of the
 * current recertification round); both run only when a new attempt would start, never when one is resumed.
 */
export interface StartPolicy {
  /** The attempts that count against `attemptsAllowed` (default: all of them). */
  readonly countedAttempts?: <A extends { readonly startedAt: number }>(attempts: readonly A[], at: number) => Promise<readonly A[]>;
  /** Throws an ApiError when the trainee may not start the exam at `at`. */
  readonly check?: (exam: Exam, at: number) => Promise<void>;
}

const responsesOf = (attempt: AttemptRecord): Record<string, Response | undefined> =>
  Object.fromEntries(Object.values(attempt.answers).flatMap((answer) => (answer.response === null ? [] : [[answer.itemId, answer.response as Response]])));

const REFUSALS: Record<string, ApiErrorCode> = {
  ATTEMPT_NOT_FOUND: 'ATTEMPT_NOT_FOUND',
  ATTEMPT_CLOSED: 'ATTEMPT_CLOSED',
  ATTEMPT_FENCED: 'ATTEMPT_SUBMITTING',
  DEADLINE_PASSED: 'ATTEMPT_DEADLINE_PASSED',
  UNKNOWN_ITEM: 'ATTEMPT_UNKNOWN_ITEM',
};

/**
 * What never changes in an attempt once it is created (no store verb writes them): whose it is, its deadline and its
 * paper, by item id. Kept per process for the autosave path, so a save checks owner, item and response shape
 * without reading the attempt; the store then judges what does change (status, fence, stored versions) as it writes.
 */
interface Paper {
  readonly userId: string;
  readonly deadlineAt: number;
  readonly entries: ReadonlyMap<string, AttemptEntry>;
}

/** Papers kept per process (the most recently used; a save for one not kept reads its attempt once). */
const PAPERS_KEPT = 20_000;

/** How a fenced attempt found still open (a crash during its close) is closed: by the deadline it was fenced at. */
const closingOf = (attempt: AttemptRecord): 'submit' | 'expire' =>
  attempt.fencedAt !== null && attempt.fencedAt > attempt.deadlineAt ? 'expire' : 'submit';

/**
 * The certification attempt lifecycle on the server clock. Every read or write of an attempt first closes it if its
 * deadline (limit + grace) has passed, so an abandoned attempt is graded on what was saved in time. Keys and traces
 * stay here: the trainee's view carries question text and choices only, and the review exists only after closing.
 */
export function attemptService(store: Store, content: ExamContent, options: AttemptServiceOptions = {}) {
  const now = options.now ?? Date.now;

  function examOf(examId: string): Exam {
    const exam = content.exams.get(examId);
    if (!exam) throw new ApiError('EXAM_NOT_FOUND');
    return exam;
  }

  const papers = new Map<string, Paper>();

  /** Keeps an open attempt's paper (most recently used last), dropping the least recently used beyond PAPERS_KEPT. */
  function keepPaper(attempt: AttemptRecord): void {
    if (attempt.status !== 'in-progress') {
      papers.delete(attempt.id);
      return;
    }
    const kept = papers.get(attempt.id);
    papers.delete(attempt.id);
    papers.set(
      attempt.id,
      kept ?? { userId: attempt.userId, deadlineAt: attempt.deadlineAt, entries: new Map(attempt.items.map((entry) => [entry.itemId, entry])) },
    );
    if (papers.size > PAPERS_KEPT) papers.delete(papers.keys().next().value!);
  }

  /** The attempt if it belongs to the user; someone else's attempt is answered exactly like a missing one. */
  async function ownAttempt(user: User, attemptId: string): Promise<AttemptRecord> {
    const attempt = await store.getAttempt(attemptId);
    if (!attempt || attempt.userId !== user.id) throw new ApiError('ATTEMPT_NOT_FOUND');
    keepPaper(attempt);
    return attempt;
  }

  /** For an entry of the paper: the shape problem of `response` (null: none); null when there is no such question. */
  function checkResponse(entry: AttemptEntry | undefined, response: unknown): { readonly problem: string | null } | null {
    const question = entry && content.lookup(entry.itemId);
    if (!entry || !question) return null;
    return { problem: responseShapeProblem(examQuestion(entry, question), response) };
  }

  /** The id of the attempt's certificate: one left by an interrupted close, or a newly issued one. */
  async function certificateFor(attempt: AttemptRecord, exam: Exam, at: number): Promise<string> {
    const issued = await store.listCertificates({ userId: attempt.userId, examId: attempt.examId });
    const orphan = issued.find((certificate) => certificate.attemptId === attempt.id && certificate.revokedAt === null);
    if (orphan) return orphan.id;
    const questions = attempt.items.map((entry) => content.lookup(entry.itemId)).filter((q): q is KeyedQuestion => q !== undefined);
    // 128 random bits, URL-safe: the id is the only secret between a certificate and the public verify page.
    const certificate = {
      id: randomBytes(16).toString('base64url'),
      userId: attempt.userId,
      examId: attempt.examId,
      attemptId: attempt.id,
      issuedAt: at,
      expiresAt: at + exam.certificateValidityDays * 86_400_000,
      edition: attempt.edition,
      rules: coveredRules(questions),
      revokedAt: null,
      revokedReason: null,
    };
    const issuedNow = await store.issueCertificate(certificate);
    // Another server process closed the same attempt at the same moment: use the certificate it issued.
    if (!issuedNow.ok && issuedNow.code === 'CERTIFICATE_FOR_ATTEMPT_EXISTS') return issuedNow.certificate.id;
    if (!issuedNow.ok) throw new Error(`certificate id collision: ${issuedNow.code}`);
    return certificate.id;
  }

  // Closes under way, by attempt id: a double-clicked 交卷 (or a submit racing the deadline) joins the first close
  // instead of issuing a second certificate.
  const closing = new Map<string, Promise<AttemptRecord>>();

  /** Grades and closes an in-progress attempt; issues a certificate on a pass. Returns the closed record. */
  function close(attempt: AttemptRecord, how: 'submit' | 'expire'): Promise<AttemptRecord> {
    const running = closing.get(attempt.id);
    if (running) return running;
    const closed = closeOnce(attempt, how).finally(() => closing.delete(attempt.id));
    closing.set(attempt.id, closed);
    return closed;
  }

  async function closeOnce(open: AttemptRecord, how: 'submit' | 'expire'): Promise<AttemptRecord> {
    const exam = examOf(open.examId);
    const at = now();
    // The fence first: from here no save is acknowledged, and the record it returns holds every acknowledged answer,
    // so the grade below is computed from exactly what the trainee was told is saved.
    const fenced = await store.fenceAttempt(open.id, at);
    if (!fenced.ok) {
      if (fenced.code === 'ATTEMPT_CLOSED') return fenced.attempt;
      throw new ApiError('ATTEMPT_NOT_FOUND');
    }
    const attempt = fenced.attempt;
    const graded = gradePaper(attempt.items, responsesOf(attempt), content.lookup);
    const passed = graded.maxScore > 0 && graded.score / graded.maxScore >= exam.passMark;
    // The certificate is written before the attempt is closed: a crash between the two writes then leaves at worst an
    // orphan certificate (found again by attemptId on the next close), never a result naming a missing certificate.
    const certificateId = passed ? await certificateFor(attempt, exam, at) : null;
    const result: AttemptResult = { ...graded, passed, certificateId };
    const closed = how === 'submit' ? await store.submitAttempt(attempt.id, result, at) : await store.expireAttempt(attempt.id, at, result);
    if (!closed.ok) {
      if (closed.code === 'ATTEMPT_CLOSED') return closed.attempt;
      throw new ApiError('ATTEMPT_NOT_FOUND');
    }
    return closed.attempt;
  }

  /** Closes the attempt first when the server clock has passed its deadline, or a crash left it fenced but open. */
  async function current(attempt: AttemptRecord): Promise<AttemptRecord> {
    if (attempt.status === 'in-progress' && attempt.fencedAt !== null) return close(attempt, closingOf(attempt));
    return attemptPhase(attempt, now()) === 'overdue' ? close(attempt, 'expire') : attempt;
  }

  function view(attempt: AttemptRecord) {
    const exam = examOf(attempt.examId);
    return {
      id: attempt.id,
      examId: attempt.examId,
      title: exam.title,
      status: attempt.status,
      serverTime: now(),
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      // The page counts down to the time limit; the grace after it only absorbs network delay.
      endsAt: attempt.startedAt + exam.timeLimitMinutes * 60_000,
      questions: attempt.items.flatMap((entry) => {
        const question = content.lookup(entry.itemId);
        return question ? [examQuestion(entry, question)] : [];
      }),
      answers: Object.fromEntries(
        Object.values(attempt.answers).map((answer) => [answer.itemId, { response: answer.response, flagged: answer.flagged, version: answer.version }]),
      ),
      result: attempt.result
        ? { score: attempt.result.score, maxScore: attempt.result.maxScore, passed: attempt.result.passed, certificateId: attempt.result.certificateId }
        : null,
    };
  }

  /** A save judged on the attempt as read now: closes it first when overdue, and names each refusal. */
  async function saveRead(user: User, attemptId: string, body: SaveAnswerBody) {
    const own = await ownAttempt(user, attemptId);
    // Not `current()`: that would wait for the running close only to refuse afterwards.
    if (own.status === 'in-progress' && own.fencedAt !== null) throw new ApiError('ATTEMPT_SUBMITTING');
    const attempt = await current(own);
    if (attempt.status === 'expired') throw new ApiError('ATTEMPT_DEADLINE_PASSED');
    if (attempt.status !== 'in-progress') throw new ApiError('ATTEMPT_CLOSED');
    const checked = checkResponse(attempt.items.find((item) => item.itemId === body.itemId), body.response);
    if (!checked) throw new ApiError('ATTEMPT_UNKNOWN_ITEM');
    if (checked.problem) throw new ApiError('ATTEMPT_INVALID_RESPONSE', [{ field: 'response', message: checked.problem }]);
    const saved = await store.saveAnswer(attemptId, { ...body, savedAt: now() });
    if (!saved.ok) throw new ApiError(REFUSALS[saved.code] ?? 'ATTEMPT_CLOSED');
    return { itemId: body.itemId, outcome: saved.outcome, version: saved.version, serverTime: now(), deadlineAt: attempt.deadlineAt };
  }

  return {
    /** The exams on offer, by id. */
    exams: content.exams,

    /** The content it grades against, keys included: for lead reports and exports only, never for a trainee. */
    content,

    /** Starts an attempt, or resumes the user's open one at the same exam. */
    async start(user: User, examId: string, policy: StartPolicy = {}) {
      const exam = examOf(examId);
      const mine = await store.listAttempts({ userId: user.id, examId });
      for (const attempt of mine.filter((attempt) => attempt.status === 'in-progress')) {
        const latest = await current(attempt);
        if (latest.status === 'in-progress') {
          keepPaper(latest);
          return { attempt: view(latest), resumed: true };
        }
      }
      const at = now();
      const all = await store.listAttempts({ userId: user.id, examId });
      const past = policy.countedAttempts ? await policy.countedAttempts(all, at) : all;
      const eligibility = examEligibility(exam, past, at);
      const failed = eligibility.conditions.find((condition) => !condition.passed);
      if (failed) {
        const code = ({ opens: 'EXAM_NOT_YET_OPEN', closes: 'EXAM_CLOSED', attempts: 'EXAM_ATTEMPTS_USED', cooldown: 'EXAM_COOLDOWN' } as const)[failed.id];
        throw new ApiError(code);
      }
      await policy.check?.(exam, at);
      const seed = randomInt(1, 2 ** 31);
      let items;
      try {
        items = assembleAttempt(exam, content.bank, seed);
      } catch (error) {
        if (error instanceof BlueprintUnfillableError) throw new ApiError('EXAM_UNAVAILABLE');
        throw error;
      }
      const created = await store.createAttempt({
        id: randomBytes(12).toString('base64url'),
        examId,
        userId: user.id,
        seed,
        edition: content.edition,
        contentVersion: content.contentVersion,
        items,
        startedAt: at,
        deadlineAt: at + attemptDuration(exam),
      });
      if (created.ok) {
        keepPaper(created.attempt);
        return { attempt: view(created.attempt), resumed: false };
      }
      if (created.code === 'ATTEMPT_IN_PROGRESS') {
        keepPaper(created.attempt);
        return { attempt: view(created.attempt), resumed: true };
      }
      throw new Error(`attempt id collision: ${created.code}`);
    },

    /**
     * Where the user stands with an exam: attempts allowed and used, the attempt in progress (an overdue one is closed
     * first, so it no longer counts as open) and whether a new attempt may start now, condition by condition, with
     * `policy` counted as start() counts it (`refusal`: what its check would answer).
     */
    async standing(user: User, examId: string, policy: StartPolicy = {}) {
      const exam = examOf(examId);
      let open: AttemptRecord | null = null;
      for (const attempt of (await store.listAttempts({ userId: user.id, examId })).filter((attempt) => attempt.status === 'in-progress')) {
        const latest = await current(attempt);
        if (latest.status === 'in-progress') open = latest;
      }
      const at = now();
      const all = await store.listAttempts({ userId: user.id, examId });
      const attempts = policy.countedAttempts ? await policy.countedAttempts(all, at) : all;
      const eligibility = examEligibility(exam, attempts, at);
      // The caller's own conditions (an assignment's window), as start() would apply them: their refusal, worded.
      let refusal: string | null = null;
      if (eligibility.eligible && policy.check) {
        try {
          await policy.check(exam, at);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          refusal = error.message;
        }
      }
      return { attemptsAllowed: exam.attemptsAllowed, attemptsUsed: attempts.length, openAttemptId: open?.id ?? null, eligibility, refusal };
    },

    async read(user: User, attemptId: string) {
      return view(await current(await ownAttempt(user, attemptId)));
    },

    /**
     * Stores one answer. Resolves with the outcome (`stored`, `duplicate`, or `superseded` when the server holds a
     * newer version of that question) and the version now stored; a save for another question never interferes.
     * @throws ApiError ATTEMPT_SUBMITTING once grading has started, ATTEMPT_INVALID_RESPONSE when the response is not
     * a valid shape for that question of this paper.
     */
    async save(user: User, attemptId: string, body: SaveAnswerBody) {
      // The autosave path: with the paper kept, the checks that depend only on it run here and the store's one write
      // judges the rest. Anything unusual (no paper kept, past the deadline, a bad item or shape, a refusal) takes the
      // full path below, which reads the attempt and answers exactly as it always has.
      const at = now();
      const paper = papers.get(attemptId);
      if (paper && paper.userId === user.id && at <= paper.deadlineAt && checkResponse(paper.entries.get(body.itemId), body.response)?.problem === null) {
        const saved = await store.saveAnswer(attemptId, { ...body, savedAt: at });
        if (saved.ok) return { itemId: body.itemId, outcome: saved.outcome, version: saved.version, serverTime: now(), deadlineAt: paper.deadlineAt };
      }
      return saveRead(user, attemptId, body);
    },

    /** Fences, grades exactly the acknowledged answers and closes; a second submit while the first runs joins it. */
    async submit(user: User, attemptId: string) {
      const own = await ownAttempt(user, attemptId);
      if (own.status === 'in-progress' && own.fencedAt !== null) return view(await close(own, closingOf(own)));
      const attempt = await current(own);
      if (attempt.status !== 'in-progress') throw new ApiError('ATTEMPT_CLOSED');
      return view(await close(attempt, 'submit'));
    },

    /**
     * Every question of a closed attempt as a lead reviews it (stem, the trainee's answer, the key, the rules),
     * whatever the exam's review policy lets the trainee see; [] while it is open.
     */
    leadReview(attempt: AttemptRecord) {
      return attempt.result ? examReview('full', attempt.items, responsesOf(attempt), content.lookup) : [];
    },

    async review(user: User, attemptId: string) {
      const attempt = await current(await ownAttempt(user, attemptId));
      if (attempt.status === 'in-progress' || !attempt.result) throw new ApiError('ATTEMPT_NOT_SUBMITTED');
      const exam = examOf(attempt.examId);
      return {
        policy: exam.reviewPolicy,
        score: attempt.result.score,
        maxScore: attempt.result.maxScore,
        passed: attempt.result.passed,
        certificateId: attempt.result.certificateId,
        items: examReview(exam.reviewPolicy, attempt.items, responsesOf(attempt), content.lookup),
      };
    },
  };

}

export type AttemptService = ReturnType<typeof attemptService>;
