import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { PracticeItem } from '../../quiz/index.ts';
import {
  areaSummary,
  correctCount,
  currentItem,
  dueIds,
  feedbackView,
  isCorrect,
  missedCount,
  mixedRound,
  newRound,
  nextDue,
  questionId,
  resumeRound,
  reviewRound,
  roundReducer,
  savedRound,
  topicRound,
  type PracticeMode,
  type PracticePayload,
} from '../../present/practice/index.ts';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import type { ProgressStore } from './progress-store.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { QuizSummary } from './QuizSummary.tsx';
import { ReviewEmpty } from './ReviewEmpty.tsx';
import type { RoundStore } from './round-store.ts';

export type { PracticeMode };

interface Props {
  readonly mode: PracticeMode;
  readonly payload: PracticePayload;
  readonly store: ProgressStore;
  /** Where the round in progress is saved, so that a reload resumes it. */
  readonly saved: RoundStore;
  /** After an answer was stored (to sync it). */
  readonly onRecorded?: () => void;
}

function drawRound(mode: PracticeMode, items: readonly PracticeItem[], store: ProgressStore, keyVersions: ReadonlyMap<string, string>): PracticeItem[] {
  if (mode === 'topic') return topicRound(items, Math.random, new Set(store.answeredIds().map(questionId)));
  if (mode === 'mixed') return mixedRound(items, Math.random);
  return reviewRound(items, dueIds(store.cards(), keyVersions, Date.now()));
}

/**
 * Runs one round at a time: question → feedback → … → summary. The round is a reducer (present/practice's
 * round-state.ts); this component renders it, records first answers in the progress store, saves the round after
 * every change and moves focus where the reducer asks.
 */
export function QuizRunner({ mode, payload, store, saved, onRecorded }: Props) {
  const { items, areaTitles } = payload;
  const keyVersions = useMemo(() => new Map(items.map((item) => [item.id, item.keyVersion])), [items]);
  const [state, dispatch] = useReducer(roundReducer, null, () => {
    const resetCount = store.reconcile(keyVersions, Date.now()).length;
    const resumed = resumeRound(saved.load(), items);
    if (resumed) return resumed;
    return newRound(
      drawRound(mode, items, store, keyVersions),
      resetCount > 0 ? `有 ${resetCount} 道题的题目或答案已更新，它们的复习进度已重新开始。` : '',
    );
  });
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const item = currentItem(state);

  useEffect(() => {
    if (state.round.length > 0) saved.save(savedRound(state));
  }, [state.round, state.position, state.phase, state.answer, state.results, state.isRedo, state.isQueued]);

  // Focus moves only after the trainee acts, never on page load; a layout effect, so that a key pressed right
  // after an answer already reaches the next-question button.
  useLayoutEffect(() => {
    const target = state.focus;
    if (target === null) return;
    dispatch({ type: 'focused' });
    // The first choice (or the first usable move button): entering the fieldset reads its legend, the stem.
    if (target === 'control') {
      const control = rootRef.current?.querySelector<HTMLElement>('.practice-question input, .practice-move:not([aria-disabled])');
      (control ?? headingRef.current)?.focus();
    }
    if (target === 'next') nextRef.current?.focus();
    if (target === 'summary') summaryRef.current?.focus();
    if (typeof target === 'object') {
      const row = [...(rootRef.current?.querySelectorAll<HTMLElement>('li[data-step]') ?? [])].find((li) => li.dataset.step === target.step);
      row?.querySelector<HTMLElement>(`[data-move="${target.direction}"]`)?.focus();
    }
  }, [state.focus]);

  // Number keys pick (or tick) the nth choice from anywhere on the page while a question is open. One listener for
  // the island's life, reading the current state from a ref: re-subscribing after each render would leave a gap
  // in which a fast key press is lost.
  const current = useRef(state);
  current.current = state;
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = current.current;
      const shown = currentItem(now);
      if (now.phase !== 'question' || !shown || shown.type === 'ordering') return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= shown.choices.length) return;
      event.preventDefault();
      const ticked = Array.isArray(now.answer) ? (now.answer as number[]) : [];
      const toggled = ticked.includes(index) ? ticked.filter((value) => value !== index) : [...ticked, index].sort((a, b) => a - b);
      // The ref is updated at once: a second key pressed before the next render builds on this one.
      current.current = roundReducer(now, { type: 'choose', answer: shown.type === 'multiple' ? toggled : index });
      dispatch({ type: 'choose', answer: current.current.answer! });
      document.getElementById(`choice-${shown.id}-${index}`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!item) return <ReviewEmpty isReview={mode === 'review'} nextDue={nextDue(store.cards(), keyVersions, Date.now())} />;

  const submit = () => {
    const now = current.current;
    const shown = currentItem(now);
    let isQueued = false;
    if (shown && now.phase === 'question' && now.answer !== null && !now.isRedo) {
      isQueued = store.recordAnswer(shown, isCorrect(shown, now.answer), Date.now()) !== undefined;
      onRecorded?.();
    }
    dispatch({ type: 'submit', isQueued });
  };
  const newRoundNow = () => dispatch({ type: 'start', round: drawRound(mode, items, store, keyVersions) });

  return (
    <div class="practice" ref={rootRef}>
      {!store.isPersistent && (
        <p class="practice-notice">这个浏览器不允许保存练习进度：作答记录和错题复习只保留到离开本页为止。</p>
      )}
      {state.isResumed && state.phase !== 'summary' && (
        <p class="practice-notice practice-resumed">
          已回到上次未完成的这一轮（第 {state.position + 1} 题，共 {state.round.length} 题）。{' '}
          <button type="button" class="practice-button" onClick={newRoundNow}>
            {mode === 'review' ? '重新载入到期的题' : '放弃本轮，换一组题'}
          </button>
        </p>
      )}
      {state.phase === 'summary' ? (
        <QuizSummary
          scores={areaSummary(state.round, new Map(Object.entries(state.results)), areaTitles)}
          correct={correctCount(state)}
          total={state.round.length}
          queued={mode === 'review' ? 0 : missedCount(state)}
          isReview={mode === 'review'}
          onRedo={() => dispatch({ type: 'start', round: state.round })}
          onNewRound={newRoundNow}
          headingRef={summaryRef}
        />
      ) : (
        <>
          <QuestionCard
            item={item}
            position={state.position + 1}
            total={state.round.length}
            answer={state.answer}
            isLocked={state.phase === 'feedback'}
            problem={state.problem}
            onAnswer={(answer) => dispatch({ type: 'choose', answer })}
            onMoved={(answer, step, place, direction) => dispatch({ type: 'moved', answer, step, place, direction })}
            onSubmit={submit}
            headingRef={headingRef}
          />
          {state.phase === 'feedback' && state.answer !== null && (
            <FeedbackPanel
              item={item}
              view={feedbackView(item, state.answer)}
              isRedo={state.isRedo}
              isQueued={state.isQueued}
              isLast={state.position === state.round.length - 1}
              onRedo={() => dispatch({ type: 'redo' })}
              onNext={() => dispatch({ type: 'next' })}
              nextRef={nextRef}
            />
          )}
        </>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {state.announcement}
      </p>
    </div>
  );
}
