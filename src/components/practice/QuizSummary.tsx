import type { Ref } from 'preact';
import type { AreaScore } from '../../present/practice/index.ts';

interface Props {
  readonly scores: readonly AreaScore[];
  readonly correct: number;
  readonly total: number;
  /** Misses of this round now waiting in the review queue. */
  readonly queued: number;
  readonly isReview: boolean;
  readonly onRedo: () => void;
  readonly onNewRound: () => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/** The end of a round: first-try score, a table by rule area linking each area's handbook section, what to do next. */
export function QuizSummary({ scores, correct, total, queued, isReview, onRedo, onNewRound, headingRef }: Props) {
  return (
    <section class="practice-summary" aria-labelledby="practice-summary-title">
      <h2 id="practice-summary-title" ref={headingRef} tabIndex={-1}>
        本轮结果
      </h2>
      <p class="practice-score">
        首次作答答对 <strong>{correct}</strong> / {total} 题
      </p>
      <table class="practice-areas">
        <caption>按规则领域（点领域名查看规则手册的相应部分）</caption>
        <thead>
          <tr>
            <th scope="col">规则领域</th>
            <th scope="col">答对 / 题数</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => (
            <tr key={score.area} class={score.correct < score.total ? 'has-misses' : undefined}>
              <th scope="row">
                <a href={score.href}>{score.title}</a>
              </th>
              <td>
                {score.correct} / {score.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {queued > 0 && (
        <p>
          答错的 {queued} 题已进入复习队列：<a href="/practice/review">去错题复习</a>
        </p>
      )}
      <p class="practice-actions">
        {/* A review round is not redone: rating the same cards again at once would only inflate their intervals. */}
        {!isReview && (
          <button type="button" class="practice-button" onClick={onRedo}>
            重做整套
          </button>
        )}
        <button type="button" class="practice-button practice-primary" onClick={onNewRound}>
          {isReview ? '继续复习到期的题' : '换一组题'}
        </button>
        <a class="practice-button" href="/practice">
          返回练习首页
        </a>
      </p>
    </section>
  );
}
