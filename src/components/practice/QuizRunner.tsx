import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PracticeItem } from '../../quiz/index.ts';
import { feedbackView, type Answer, type FeedbackView } from '../../present/practice/index.ts';
import { areaSummary } from '../../present/practice/index.ts';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import type { PracticePayload } from '../../present/practice/index.ts';
import type { ProgressStore } from './progress-store.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { mixedRound, questionId, reviewRound, topicRound } from '../../present/practice/index.ts';
import { QuizSummary } from './QuizSummary.tsx';
import { ReviewEmpty } from './ReviewEmpty.tsx';
import { dueIds, nextDue } from '../../present/practice/index.ts';

export type PracticeMode = 'topic' | 'mixed' | 'review';

interface Props {
  readonly mode: PracticeMode;
  readonly payload: PracticePayload;
  readonly store: ProgressStore;
}

type Phase = 'question' | 'feedback' | 'summary';
/** Where focus goes after the next render: a part of the quiz, or a moved ordering step's button. */
type Focus = 'control' | 'next' | 'summary' | { readonly step: string; readonly direction: 'up' | 'down' } | null;

const startAnswer = (item: PracticeItem | undefined): Answer | null =>
  item?.type === 'ordering' ? [...item.choices] : item?.type === 'multiple' ? [] : null;

function drawRound(mode: PracticeMode, items: readonly PracticeItem[], store: ProgressStore, keyVersions: ReadonlyMap<string, string>): PracticeItem[] {
  if (mode === 'topic') return topicRound(items, Math.random, new Set(store.answeredIds().map(questionId)));
  if (mode === 'mixed') return mixedRound(items, Math.random);
  return reviewRound(items, dueIds(store.cards(), keyVersions, Date.now()));
}

/** Runs one round at a time: question → feedback → … → summary; records first answers and schedules reviews. */
export function QuizRunner({ mode, payload, store }: Props) {
  const { items, areaTitles } = payload;
  const keyVersions = useMemo(() => new Map(items.map((item) => [item.id, item.keyVersion])), [items]);
  const [resetCount] = useState(() => store.reconcile(keyVersions, Date.now()).length);
  const [round, setRound] = useState(() => drawRound(mode, items, store, keyVersions));
  const [position, setPosition] = useState(0);
  const [phase, setPhase] = useState<Phase>('question');
  const [answer, setAnswer] = useState<Answer | null>(() => startAnswer(round[0]));
  const [view, setView] = useState<FeedbackView | null>(null);
  const [isRedo, setIsRedo] = useState(false);
  const [isQueued, setIsQueued] = useState(false);
  const [results, setResults] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState(
    resetCount > 0 ? `有 ${resetCount} 道题的题目或答案已更新，它们的复习进度已重新开始。` : '',
  );
  const focus = useRef<Focus>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const item = round[position];

  // Focus moves only after the trainee acts, never on page load; a layout effect, so that a key pressed right
  // after an answer already reaches the next-question button.
  useLayoutEffect(() => {
    const target = focus.current;
    focus.current = null;
    // The first choice (or the first usable move button): entering the fieldset reads its legend, the stem.
    if (target === 'control') {
      const control = rootRef.current?.querySelector<HTMLElement>('.practice-question input, .practice-move:not([aria-disabled])');
      (control ?? headingRef.current)?.focus();
    }
    if (target === 'next') nextRef.current?.focus();
    if (target === 'summary') summaryRef.current?.focus();
    if (target && typeof target === 'object') {
      const row = [...(rootRef.current?.querySelectorAll<HTMLElement>('li[data-step]') ?? [])].find((li) => li.dataset.step === target.step);
      row?.querySelector<HTMLElement>(`[data-move="${target.direction}"]`)?.focus();
    }
  });

  const choose = (next: Answer) => {
    setAnswer(next);
    setProblem(null);
  };

  // Number keys pick (or tick) the nth choice from anywhere on the page while a question is open. One listener for
  // the island's life, reading the current question from a ref: re-subscribing after each render would leave a gap
  // in which a fast key press is lost.
  const current = useRef({ phase, item, answer });
  current.current = { phase, item, answer };
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { phase: open, item: shown, answer: picked } = current.current;
      if (open !== 'question' || !shown || shown.type === 'ordering') return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= shown.choices.length) return;
      event.preventDefault();
      const ticked = Array.isArray(picked) ? (picked as number[]) : [];
      const toggled = ticked.includes(index) ? ticked.filter((value) => value !== index) : [...ticked, index].sort((a, b) => a - b);
      choose(shown.type === 'multiple' ? toggled : index);
      document.getElementById(`choice-${shown.id}-${index}`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const startQuestion = (nextRound: readonly PracticeItem[], nextPosition: number, redo: boolean) => {
    setPosition(nextPosition);
    setAnswer(startAnswer(nextRound[nextPosition]));
    setPhase('question');
    setView(null);
    setIsRedo(redo);
    setProblem(null);
    focus.current = 'control';
  };

  const startRound = (nextRound: PracticeItem[]) => {
    setRound(nextRound);
    setResults(new Map());
    startQuestion(nextRound, 0, false);
    setAnnouncement(nextRound.length > 0 ? `新的一轮开始，共 ${nextRound.length} 题。` : '');
  };

  if (!item) return <ReviewEmpty isReview={mode === 'review'} nextDue={nextDue(store.cards(), keyVersions, Date.now())} />;

  const submit = () => {
    if (answer === null) {
      setProblem('请先选择一个答案，再提交。');
      return;
    }
    const result = feedbackView(item, answer);
    let queued = false;
    if (!isRedo) {
      queued = store.recordAnswer(item, result.isCorrect, Date.now()) !== undefined;
      setResults(new Map(results).set(item.id, result.isCorrect));
    }
    setView(result);
    setIsQueued(queued);
    setPhase('feedback');
    setAnnouncement(`${result.announcement}${queued && !result.isCorrect ? '这道题已加入复习队列。' : ''}`);
    focus.current = 'next';
  };

  // Keep focus on the moved step's button, now at its new place, and say where the step went.
  const onMoved = (step: string, place: number, direction: 'up' | 'down') => {
    setAnnouncement(`“${step}”移到第 ${place} 位。`);
    focus.current = { step, direction };
  };

  const isLast = position === round.length - 1;
  const correct = [...results.values()].filter(Boolean).length;
  const queuedInRound = round.filter((entry) => results.get(entry.id) === false).length;

  return (
    <div class="practice" ref={rootRef}>
      {!store.isPersistent && (
        <p class="practice-notice">这个浏览器不允许保存练习进度：作答记录和错题复习只保留到离开本页为止。</p>
      )}
      {phase === 'summary' ? (
        <QuizSummary
          scores={areaSummary(round, results, areaTitles)}
          correct={correct}
          total={round.length}
          queued={mode === 'review' ? 0 : queuedInRound}
          isReview={mode === 'review'}
          onRedo={() => startRound(round)}
          onNewRound={() => startRound(drawRound(mode, items, store, keyVersions))}
          headingRef={summaryRef}
        />
      ) : (
        <>
          <QuestionCard
            item={item}
            position={position + 1}
            total={round.length}
            answer={answer}
            isLocked={phase === 'feedback'}
            problem={problem}
            onAnswer={choose}
            onMoved={onMoved}
            onSubmit={submit}
            headingRef={headingRef}
          />
          {phase === 'feedback' && view && (
            <FeedbackPanel
              item={item}
              view={view}
              isRedo={isRedo}
              isQueued={isQueued}
              isLast={isLast}
              onRedo={() => {
                startQuestion(round, position, true);
                setAnnouncement('重做本题：这次作答不计入本轮成绩。');
              }}
              onNext={() => {
                if (isLast) {
                  setPhase('summary');
                  setAnnouncement(`本轮结束：首次作答答对 ${correct} / ${round.length} 题。`);
                  focus.current = 'summary';
                } else startQuestion(round, position + 1, false);
              }}
              nextRef={nextRef}
            />
          )}
        </>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
