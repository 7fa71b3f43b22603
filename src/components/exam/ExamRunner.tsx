import { useEffect, useRef, useState } from 'preact/hooks';
import { call, sendAnswer, type AttemptView, type ReviewView } from './exam-api.ts';
import ExamQuestion from './ExamQuestion.tsx';
import ExamResult from './ExamResult.tsx';
import { SaveQueue, type SaveStatus, type ShownAnswer } from './save-queue.ts';

interface Props {
  readonly examId: string;
  /** An attempt to resume or review (from /me); otherwise the page offers 开始考试. */
  readonly attemptId: string | null;
}

/** How long 交卷 waits for unsaved answers to reach the server before warning. */
const FLUSH_BEFORE_SUBMIT_MS = 8_000;
/** Remaining times (seconds) announced to screen readers; the visible countdown itself is never announced. */
const WARNINGS: readonly (readonly [number, string])[] = [
  [300, '考试剩余 5 分钟。'],
  [60, '考试剩余 1 分钟。'],
];
const STATUS_TEXT: Record<SaveStatus, string> = { saved: '已保存', saving: '正在保存', unsaved: '未保存' };
const STATUS_MARK: Record<SaveStatus, string> = { saved: '✓', saving: '…', unsaved: '!' };

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

/** sessionStorage, or null where the browser refuses it (some private modes): the queue then lives in memory only. */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const numbersOf = (questions: AttemptView['questions'], pick: (id: string) => boolean) =>
  questions.flatMap((question, position) => (pick(question.id) ? [position + 1] : []));

/** The confirmation before submitting: which questions are still unanswered or flagged, by number. */
function submitPrompt(questions: AttemptView['questions'], answers: Readonly<Record<string, ShownAnswer>>): string {
  const unanswered = numbersOf(questions, (id) => answers[id]?.response == null);
  const flagged = numbersOf(questions, (id) => answers[id]?.flagged === true);
  const lines = [
    ...(unanswered.length ? [`还有 ${unanswered.length} 题未作答：第 ${unanswered.join('、')} 题。`] : []),
    ...(flagged.length ? [`已标记 ${flagged.length} 题待复查：第 ${flagged.join('、')} 题。`] : []),
    '确定交卷吗？交卷后不能再修改。',
  ];
  return lines.join('\n');
}

/**
 * The exam island: start or resume, one question at a time, timer on server time. Answers go through a SaveQueue
 * (save-queue.ts), which holds the logic; this component renders what it reports.
 */
export default function ExamRunner({ examId, attemptId }: Props) {
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [review, setReview] = useState<ReviewView | null>(null);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, ShownAnswer>>({});
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [, setQueueTick] = useState(0);
  const [isSubmitting, setSubmitting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const queue = useRef<SaveQueue | null>(null);
  const announced = useRef(new Set<number>());
  const hadSaveError = useRef(false);
  // Server time minus local time, so a wrong PC clock cannot shorten or stretch the countdown.
  const offset = useRef(0);

  function refresh(id: string) {
    call<{ attempt: AttemptView }>('GET', `/api/attempts/${id}`).then((data) => load(data.attempt), () => {});
  }

  function load(view: AttemptView) {
    offset.current = view.serverTime - Date.now();
    if (view.status === 'in-progress') {
      if (queue.current?.attemptId !== view.id) {
        queue.current = new SaveQueue({
          attemptId: view.id,
          send: sendAnswer,
          storage: sessionStore(),
          onChange: () => setQueueTick((tick) => tick + 1),
          onHalt: () => refresh(view.id),
        });
        setAnswers(queue.current.load(view.answers));
      }
    } else {
      // Closed: whatever was still queued can never be saved now, so a later visit must not resend it.
      (queue.current ?? new SaveQueue({ attemptId: view.id, send: sendAnswer, storage: sessionStore() })).clear();
      setAnswers({ ...view.answers });
    }
    setAttempt(view);
    // A reload (or a dropped connection) must come back to this attempt, not to the 开始考试 screen.
    const url = new URL(location.href);
    if (url.searchParams.get('attempt') !== view.id) {
      url.searchParams.set('attempt', view.id);
      history.replaceState(history.state, '', url);
    }
    if (view.status !== 'in-progress') call<{ review: ReviewView }>('GET', `/api/attempts/${view.id}/review`).then((data) => setReview(data.review), () => {});
  }

  useEffect(() => {
    if (attemptId) call<{ attempt: AttemptView }>('GET', `/api/attempts/${attemptId}`).then((data) => load(data.attempt), (caught: Error) => setError(caught.message));
    const timer = setInterval(() => setNow(Date.now()), 1000);
    // Back online: resend what waited, without waiting out the backoff.
    const online = () => queue.current?.retryNow();
    addEventListener('online', online);
    return () => {
      clearInterval(timer);
      removeEventListener('online', online);
    };
  }, [attemptId]);

  // Read the clock at render, not the last tick, so a freshly loaded attempt never shows more than its time limit.
  const remaining = attempt ? attempt.endsAt - (Date.now() + offset.current) : 0;
  useEffect(() => {
    if (attempt?.status !== 'in-progress') return;
    // The server closes the attempt after deadline + grace; reading it then shows the result.
    if (now + offset.current > attempt.deadlineAt) refresh(attempt.id);
    // Each warning once; a page opened with 3 minutes left announces only the 5-minute one.
    const due = WARNINGS.filter(([seconds]) => remaining <= seconds * 1000 && !announced.current.has(seconds));
    for (const [seconds] of due) announced.current.add(seconds);
    if (due.length > 0 && remaining > 0) setAnnouncement(due.at(-1)![1]);
  }, [now, attempt]);

  // Announce only changes that matter: saving starts failing, and everything is saved again after a failure.
  const lastError = queue.current?.lastError ?? null;
  useEffect(() => {
    if (lastError && !hadSaveError.current) setAnnouncement('有答案未保存，恢复后自动重试。');
    if (!lastError && hadSaveError.current && queue.current?.unacknowledged().length === 0) setAnnouncement('所有答案已保存。');
    hadSaveError.current = lastError !== null;
  });

  async function start() {
    setError(null);
    try {
      load((await call<{ attempt: AttemptView }>('POST', `/api/exams/${examId}/start`)).attempt);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  function answer(itemId: string, next: ShownAnswer) {
    setAnswers((current) => ({ ...current, [itemId]: next }));
    queue.current?.change(itemId, next);
  }

  async function submit() {
    const saves = queue.current!;
    if (!confirm(submitPrompt(attempt!.questions, answers))) return;
    setSubmitting(true);
    try {
      if (!(await saves.flush(FLUSH_BEFORE_SUBMIT_MS))) {
        const unsaved = new Set(saves.unacknowledged());
        const numbers = numbersOf(attempt!.questions, (id) => unsaved.has(id));
        if (!confirm(`第 ${numbers.join('、')} 题还没有保存到服务器，现在交卷将按已保存的答案评分。\n建议取消，等题号旁显示 ✓ 再交卷。仍要交卷吗？`)) return;
      }
      const closed = (await call<{ attempt: AttemptView }>('POST', `/api/attempts/${attempt!.id}/submit`)).attempt;
      load(closed);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  if (!attempt) {
    return (
      <div class="exam-start">
        {error && <p role="alert">{error}</p>}
        {!attemptId && (
          <button type="button" onClick={start}>
            开始考试
          </button>
        )}
      </div>
    );
  }

  if (attempt.status !== 'in-progress') return <ExamResult attempt={attempt} review={review} />;

  const saves = queue.current!;
  const question = attempt.questions[index]!;
  const shown = answers[question.id] ?? { response: null, flagged: false };
  const statusOf = (id: string): SaveStatus | null => (answers[id] || saves.status(id) !== 'saved' ? saves.status(id) : null);
  const unsaved = numbersOf(attempt.questions, (id) => saves.status(id) === 'unsaved');
  const isSaving = attempt.questions.some((item) => saves.status(item.id) === 'saving');
  return (
    <div class="exam">
      <p class="exam-bar">
        <span>剩余时间 {clock(remaining)}</span>
        <span data-save-summary>
          {unsaved.length > 0 ? `${unsaved.length} 题未保存` : isSaving ? '正在保存…' : Object.keys(answers).length > 0 ? '答案已自动保存' : ''}
        </span>
      </p>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {error && <p role="alert">{error}</p>}
      {lastError && unsaved.length > 0 && (
        <p class="exam-warning">
          第 {unsaved.join('、')} 题还没有保存到服务器（{lastError}），已暂存在本机，稍后自动重试。
        </p>
      )}
      <nav aria-label="题目导航" class="exam-nav">
        {attempt.questions.map((item, position) => {
          const status = statusOf(item.id);
          return (
            <button
              type="button"
              aria-current={position === index ? 'step' : undefined}
              class={[answers[item.id]?.response != null ? 'answered' : '', answers[item.id]?.flagged ? 'flagged' : ''].join(' ')}
              data-save={status ?? undefined}
              onClick={() => setIndex(position)}
            >
              {position + 1}
              {answers[item.id]?.flagged ? '⚑' : ''}
              {status && (
                <>
                  <span class={`exam-save-mark ${status}`} aria-hidden="true">
                    {STATUS_MARK[status]}
                  </span>
                  <span class="visually-hidden">{STATUS_TEXT[status]}</span>
                </>
              )}
            </button>
          );
        })}
      </nav>
      {/* Keyed, so each question gets fresh inputs: reusing radios across questions let the browser's radio-group rule
          (renaming a checked radio into another group unchecks that group's other radio) clear a shown answer. */}
      <ExamQuestion key={question.id} number={index + 1} question={question} response={shown.response} onAnswer={(response) => answer(question.id, { ...shown, response })} />
      <label class="exam-flag">
        <input type="checkbox" checked={shown.flagged} onChange={(event) => answer(question.id, { ...shown, flagged: (event.target as HTMLInputElement).checked })} />
        标记此题，稍后再看
      </label>
      <p class="exam-actions">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </button>
        <button type="button" disabled={index === attempt.questions.length - 1} onClick={() => setIndex(index + 1)}>
          下一题
        </button>
        <button type="button" class="exam-submit" disabled={isSubmitting} onClick={submit}>
          {isSubmitting ? '正在交卷…' : '交卷'}
        </button>
      </p>
    </div>
  );
}
