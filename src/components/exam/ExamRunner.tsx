import { useEffect, useRef, useState } from 'preact/hooks';
import { call, ExamApiError, type AttemptView, type ReviewView } from './exam-api.ts';
import ExamQuestion from './ExamQuestion.tsx';
import ExamResult from './ExamResult.tsx';

interface Props {
  readonly examId: string;
  /** An attempt to resume or review (from /me); otherwise the page offers 开始考试. */
  readonly attemptId: string | null;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

/** The confirmation before submitting: which questions are still unanswered or flagged, by number. */
function submitPrompt(questions: AttemptView['questions'], answers: Readonly<Record<string, { response: unknown; flagged: boolean }>>): string {
  const numbers = (pick: (id: string) => boolean) => questions.flatMap((question, position) => (pick(question.id) ? [position + 1] : []));
  const unanswered = numbers((id) => answers[id]?.response == null);
  const flagged = numbers((id) => answers[id]?.flagged === true);
  const lines = [
    ...(unanswered.length ? [`还有 ${unanswered.length} 题未作答：第 ${unanswered.join('、')} 题。`] : []),
    ...(flagged.length ? [`已标记 ${flagged.length} 题待复查：第 ${flagged.join('、')} 题。`] : []),
    '确定交卷吗？交卷后不能再修改。',
  ];
  return lines.join('\n');
}

/** The exam island: start or resume, one question at a time, autosave with sequence numbers, timer on server time. */
export default function ExamRunner({ examId, attemptId }: Props) {
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [review, setReview] = useState<ReviewView | null>(null);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, { response: unknown; flagged: boolean }>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const seq = useRef(0);
  // Server time minus local time, so a wrong PC clock cannot shorten or stretch the countdown.
  const offset = useRef(0);

  function load(view: AttemptView) {
    offset.current = view.serverTime - Date.now();
    seq.current = view.lastSeq;
    setAnswers(Object.fromEntries(Object.entries(view.answers).map(([id, answer]) => [id, { response: answer.response, flagged: answer.flagged }])));
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
  }, [attemptId]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Read the clock at render, not the last tick, so a freshly loaded attempt never shows more than its time limit.
  const remaining = attempt ? attempt.endsAt - (Date.now() + offset.current) : 0;
  useEffect(() => {
    // The server closes the attempt after deadline + grace; reading it then shows the result.
    if (attempt?.status === 'in-progress' && now + offset.current > attempt.deadlineAt) {
      call<{ attempt: AttemptView }>('GET', `/api/attempts/${attempt.id}`).then((data) => load(data.attempt), () => {});
    }
  }, [now]);

  async function start() {
    setError(null);
    try {
      load((await call<{ attempt: AttemptView }>('POST', `/api/exams/${examId}/start`)).attempt);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  async function save(itemId: string, next: { response: unknown; flagged: boolean }) {
    setAnswers((current) => ({ ...current, [itemId]: next }));
    seq.current += 1;
    setSaveState('saving');
    try {
      await call('PUT', `/api/attempts/${attempt!.id}/answers`, { itemId, response: next.response ?? null, flagged: next.flagged, seq: seq.current });
      setSaveState('saved');
    } catch (caught) {
      setSaveState('failed');
      setError((caught as Error).message);
      if (caught instanceof ExamApiError && (caught.code === 'ATTEMPT_CLOSED' || caught.code === 'ATTEMPT_DEADLINE_PASSED')) {
        call<{ attempt: AttemptView }>('GET', `/api/attempts/${attempt!.id}`).then((data) => load(data.attempt), () => {});
      }
    }
  }

  async function submit() {
    if (!confirm(submitPrompt(attempt!.questions, answers))) return;
    try {
      load((await call<{ attempt: AttemptView }>('POST', `/api/attempts/${attempt!.id}/submit`)).attempt);
    } catch (caught) {
      setError((caught as Error).message);
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

  const question = attempt.questions[index]!;
  const answer = answers[question.id] ?? { response: null, flagged: false };
  return (
    <div class="exam">
      <p class="exam-bar" aria-live="polite">
        <span>剩余时间 {clock(remaining)}</span>
        <span>{{ idle: '', saving: '正在保存…', saved: '已自动保存', failed: '保存失败' }[saveState]}</span>
      </p>
      {error && <p role="alert">{error}</p>}
      <nav aria-label="题目导航" class="exam-nav">
        {attempt.questions.map((item, position) => (
          <button
            type="button"
            aria-current={position === index ? 'step' : undefined}
            class={[answers[item.id]?.response != null ? 'answered' : '', answers[item.id]?.flagged ? 'flagged' : ''].join(' ')}
            onClick={() => setIndex(position)}
          >
            {position + 1}
            {answers[item.id]?.flagged ? '⚑' : ''}
          </button>
        ))}
      </nav>
      <ExamQuestion number={index + 1} question={question} response={answer.response} onAnswer={(response) => save(question.id, { ...answer, response })} />
      <label class="exam-flag">
        <input type="checkbox" checked={answer.flagged} onChange={(event) => save(question.id, { ...answer, flagged: (event.target as HTMLInputElement).checked })} />
        标记此题，稍后再看
      </label>
      <p class="exam-actions">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </button>
        <button type="button" disabled={index === attempt.questions.length - 1} onClick={() => setIndex(index + 1)}>
          下一题
        </button>
        <button type="button" class="exam-submit" onClick={submit}>
          交卷
        </button>
      </p>
    </div>
  );
}
