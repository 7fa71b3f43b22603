import type { AttemptView, ReviewView } from './exam-api.ts';

const answerText = (question: AttemptView['questions'][number], value: unknown): string => {
  if (value === null || value === undefined) return '未作答';
  if (question.type === 'truefalse') return question.choices[value === true ? 0 : 1] ?? '';
  if (question.type === 'ordering') return (value as string[]).join(' → ');
  const indices = Array.isArray(value) ? (value as number[]) : [value as number];
  return indices.map((index) => question.choices[index] ?? '—').join('；');
};

/** The closed attempt: score, pass or fail, certificate link, and the review the exam's policy allows. */
export default function ExamResult({ attempt, review }: { readonly attempt: AttemptView; readonly review: ReviewView | null }) {
  const result = attempt.result;
  return (
    <div class="exam-result">
      <h2>{attempt.status === 'expired' ? '时间到，已自动交卷' : '已交卷'}</h2>
      {result && (
        <p>
          得分 {result.score} / {result.maxScore}，{result.passed ? '通过' : '未通过'}。
          {result.certificateId && (
            <>
              {' '}
              <a href={`/verify/${result.certificateId}`}>查看证书</a>
            </>
          )}
        </p>
      )}
      {review && review.policy === 'score-only' && <p>本考试只公布分数，不公布各题答案。</p>}
      {review && review.policy === 'mistakes' && review.items.length === 0 && <p>全部答对。</p>}
      {review?.items.map((item) => (
        <article class={item.correct ? 'exam-review-item correct' : 'exam-review-item'}>
          <p>
            <strong class="exam-verdict">{item.correct ? '✓ 答对' : '✗ 答错'}</strong> {item.question.stem}
          </p>
          <p>你的答案：{answerText(item.question, item.response)}</p>
          <p>正确答案：{answerText(item.question, item.answer)}</p>
          <ul>
            {item.explanation.map((step) => (
              <li>
                <a href={`/rules/${step.ruleId}`}>{step.title}</a>：{step.note}
              </li>
            ))}
          </ul>
          {item.authorExplanation && <p>{item.authorExplanation}</p>}
        </article>
      ))}
      <p>
        <a href="/me#attempts">返回我的学习</a>
      </p>
    </div>
  );
}
