import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  chooseResponse,
  clock,
  dueWarnings,
  initialRunnerState,
  numbersOf,
  runnerReducer,
  shortcutFor,
  submitPrompt,
  type RunnerAction,
  type RunnerState,
} from '../../present/exam/index.ts';
import { call, sendAnswer, type AttemptView } from './exam-api.ts';
import ExamQuestion from './ExamQuestion.tsx';
import { SaveQueue, type SaveStatus, type ShownAnswer } from './save-queue.ts';

interface Props {
  /** The attempt in progress (started by the page's 确认开始 form, or resumed from /me or 继续考试). */
  readonly attemptId: string;
}

/** How long 交卷 waits for unsaved answers to reach the server before warning. */
const FLUSH_BEFORE_SUBMIT_MS = 8_000;
const STATUS_TEXT: Record<SaveStatus, string> = { saved: '已保存', saving: '正在保存', unsaved: '未保存' };
const STATUS_MARK: Record<SaveStatus, string> = { saved: '✓', saving: '…', unsaved: '!' };
const LEAVE_PROMPT = '考试仍在计时，离开本页不会暂停计时（已保存的答案不会丢失）。确定离开吗？';

/** sessionStorage, or null where the browser refuses it (some private modes): the queue then lives in memory only. */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Typing into a field, a select or an editable element: shortcuts stand aside. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)));

/**
 * The exam island, for an attempt in progress: one question at a time, timer on server time; focus mode (the
 * site's navigation is hidden by CSS while `.exam` is on the page, and leaving asks first). State changes go through
 * the reducer in src/present/exam; answers go through a SaveQueue (save-queue.ts). A closed attempt is shown by the
 * page itself (the server renders the result), so submitting reloads the page.
 */
export default function ExamRunner({ attemptId }: Props) {
  const [state, dispatch] = useReducer<RunnerState<AttemptView>, RunnerAction<AttemptView>>(runnerReducer, initialRunnerState<AttemptView>());
  const { attempt, index, answers, error, isSubmitting, announcement } = state;
  const [now, setNow] = useState(Date.now());
  const [, setQueueTick] = useState(0);
  const queue = useRef<SaveQueue | null>(null);
  const announced = useRef(new Set<number>());
  const hadSaveError = useRef(false);
  const isLeaving = useRef(false);
  // Server time minus local time, so a wrong PC clock cannot shorten or stretch the countdown.
  const offset = useRef(0);
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const fail = (caught: unknown) => dispatch({ type: 'failed', message: (caught as Error).message });

  /** Shows the closed attempt: the server renders its result at this URL. */
  function showResult(id: string) {
    isLeaving.current = true;
    const url = new URL(location.href);
    url.searchParams.set('attempt', id);
    location.replace(url);
  }

  function refresh(id: string) {
    call<{ attempt: AttemptView }>('GET', `/api/attempts/${id}`).then((data) => load(data.attempt), () => {});
  }

  function load(view: AttemptView) {
    offset.current = view.serverTime - Date.now();
    if (view.status !== 'in-progress') {
      // Closed: whatever was still queued can never be saved now, so a later visit must not resend it.
      (queue.current ?? new SaveQueue({ attemptId: view.id, send: sendAnswer, storage: sessionStore() })).clear();
      showResult(view.id);
      return;
    }
    let shown: Record<string, ShownAnswer> | null = null;
    if (queue.current?.attemptId !== view.id) {
      queue.current = new SaveQueue({
        attemptId: view.id,
        send: sendAnswer,
        storage: sessionStore(),
        onChange: () => setQueueTick((tick) => tick + 1),
        onHalt: () => refresh(view.id),
      });
      shown = queue.current.load(view.answers);
    }
    dispatch({ type: 'loaded', attempt: view, answers: shown ?? answersRef.current });
  }
  useEffect(() => {
    call<{ attempt: AttemptView }>('GET', `/api/attempts/${attemptId}`).then((data) => load(data.attempt), fail);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    // Back online: resend what waited, without waiting out the backoff.
    const online = () => queue.current?.retryNow();
    addEventListener('online', online);
    return () => {
      clearInterval(timer);
      removeEventListener('online', online);
    };
  }, [attemptId]);

  const isOpen = attempt?.status === 'in-progress';
  // Focus mode: while the attempt is open, leaving the page asks first (the browser's own prompt on reload or close,
  // ours on a link of the page), though answers are saved and the timer runs on the server either way.
  useEffect(() => {
    if (!isOpen) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (isLeaving.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || event.defaultPrevented || link.closest('.exam')) return;
      if (confirm(LEAVE_PROMPT)) isLeaving.current = true;
      else event.preventDefault();
    };
    addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [isOpen]);

  // Read the clock at render, not the last tick, so a freshly loaded attempt never shows more than its time limit.
  const remaining = attempt ? attempt.endsAt - (Date.now() + offset.current) : 0;
  useEffect(() => {
    if (!isOpen) return;
    // The server closes the attempt after deadline + grace; reading it then shows the result.
    if (now + offset.current > attempt.deadlineAt) refresh(attempt.id);
    // Each warning once; a page opened with 3 minutes left announces only the 5-minute one.
    const due = dueWarnings(remaining, announced.current);
    for (const [seconds] of due) announced.current.add(seconds);
    if (due.length > 0 && remaining > 0) dispatch({ type: 'announce', text: due.at(-1)![1] });
  }, [now, attempt]);

  // Announce only changes that matter: saving starts failing, and everything is saved again after a failure.
  const lastError = queue.current?.lastError ?? null;
  useEffect(() => {
    if (lastError && !hadSaveError.current) dispatch({ type: 'announce', text: '有答案未保存，恢复后自动重试。' });
    if (!lastError && hadSaveError.current && queue.current?.unacknowledged().length === 0) dispatch({ type: 'announce', text: '所有答案已保存。' });
    hadSaveError.current = lastError !== null;
  });

  function answer(itemId: string, next: ShownAnswer) {
    dispatch({ type: 'answer', itemId, answer: next });
    queue.current?.change(itemId, next);
  }

  // Shortcuts as in practice: 1–9 choose, ←/→ move, F flags. One listener for the attempt, reading the current
  // question from a ref, so a fast key press between renders is not lost.
  const current = useRef(state);
  current.current = state;
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      const { attempt: shownAttempt, index: at, answers: given } = current.current;
      const question = shownAttempt?.questions[at];
      if (!question || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const shortcut = shortcutFor(
        { key: event.key, hasModifier: event.ctrlKey || event.metaKey || event.altKey, isTyping: isTyping(target), isOnRadio: target instanceof HTMLInputElement && target.type === 'radio' },
        question,
      );
      if (!shortcut) return;
      event.preventDefault();
      const shown = given[question.id] ?? { response: null, flagged: false };
      if (shortcut.type === 'move') dispatch({ type: 'move', step: shortcut.step });
      else if (shortcut.type === 'flag') answer(question.id, { ...shown, flagged: !shown.flagged });
      else {
        answer(question.id, { ...shown, response: chooseResponse(question, shown.response, shortcut.index) });
        document.getElementById(`q-${question.id}-${shortcut.index}`)?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [isOpen]);

  async function submit() {
    const saves = queue.current!;
    if (!confirm(submitPrompt(attempt!.questions, answers))) return;
    dispatch({ type: 'submitting', isSubmitting: true });
    try {
      if (!(await saves.flush(FLUSH_BEFORE_SUBMIT_MS))) {
        const unsaved = new Set(saves.unacknowledged());
        const numbers = numbersOf(attempt!.questions, (id) => unsaved.has(id));
        if (!confirm(`第 ${numbers.join('、')} 题还没有保存到服务器，现在交卷将按已保存的答案评分。\n建议取消，等题号旁显示 ✓ 再交卷。仍要交卷吗？`)) {
          dispatch({ type: 'submitting', isSubmitting: false });
          return;
        }
      }
      load((await call<{ attempt: AttemptView }>('POST', `/api/attempts/${attempt!.id}/submit`)).attempt);
    } catch (caught) {
      fail(caught);
    }
  }

  if (!attempt || !isOpen) return error ? <p role="alert">{error}</p> : null;

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
        <span>
          第 {index + 1} / {attempt.questions.length} 题
        </span>
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
          第 {unsaved.join('、')} 题还没有保存到服务器（{lastError.replace(/。$/, '')}），已暂存在本机，稍后自动重试。
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
              onClick={() => dispatch({ type: 'go', index: position })}
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
        <button type="button" disabled={index === 0} onClick={() => dispatch({ type: 'move', step: -1 })}>
          上一题
        </button>
        <button type="button" disabled={index === attempt.questions.length - 1} onClick={() => dispatch({ type: 'move', step: 1 })}>
          下一题
        </button>
        <button type="button" class="exam-submit" disabled={isSubmitting} onClick={submit}>
          {isSubmitting ? '正在交卷…' : '交卷'}
        </button>
      </p>
    </div>
  );
}
