import type { Ref } from 'preact';
import type { PracticeItem } from '../../quiz/index.ts';
import type { FeedbackView } from '../../present/practice/index.ts';
import { ExplanationChain } from './ExplanationChain.tsx';

interface Props {
  readonly item: PracticeItem;
  readonly view: FeedbackView;
  /** A redo: not scored, not scheduled. */
  readonly isRedo: boolean;
  /** Whether this miss put the item in the browser's review queue. */
  readonly isQueued: boolean;
  readonly isLast: boolean;
  readonly onRedo: () => void;
  readonly onNext: () => void;
  readonly nextRef: Ref<HTMLButtonElement>;
}

/** Right or wrong, the right answer, the rule trace that decides it and the author's note; then redo or go on. */
export function FeedbackPanel({ item, view, isRedo, isQueued, isLast, onRedo, onNext, nextRef }: Props) {
  return (
    <section class={`practice-feedback ${view.isCorrect ? 'is-correct' : 'is-wrong'}`} aria-labelledby="practice-verdict">
      <h3 id="practice-verdict" class="practice-verdict">
        <span aria-hidden="true">{view.isCorrect ? '✓ ' : '✗ '}</span>
        {view.isCorrect ? '回答正确' : '回答错误'}
      </h3>
      <dl class="practice-answers">
        {!view.isCorrect && (
          <div>
            <dt>你的答案</dt>
            {view.yours.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </div>
        )}
        <div>
          <dt>正确答案</dt>
          {view.correct.map((line) => (
            <dd key={line}>{line}</dd>
          ))}
        </div>
      </dl>
      {isRedo ? (
        <p class="muted">重做的作答不计入本轮成绩，也不改变复习安排。</p>
      ) : (
        isQueued && (
          <p class="muted">
            {view.isCorrect ? '这道题在复习队列中，已按这次作答重新安排复习时间。' : '这道题已加入复习队列，可在“错题复习”中再练。'}
          </p>
        )
      )}
      <ExplanationChain steps={item.explanation} decidingRuleId={item.decidingRuleId} headingId="practice-trace-title" />
      {item.authorExplanation && (
        <section class="practice-author" aria-labelledby="practice-author-title">
          <h3 id="practice-author-title">讲解</h3>
          <p>{item.authorExplanation}</p>
        </section>
      )}
      <p class="practice-actions">
        <button type="button" class="practice-button" onClick={onRedo}>
          重做本题
        </button>
        <button type="button" class="practice-button practice-primary" ref={nextRef} onClick={onNext}>
          {isLast ? '查看本轮结果' : '下一题'}
        </button>
      </p>
    </section>
  );
}
