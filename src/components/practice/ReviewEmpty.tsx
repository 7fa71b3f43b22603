interface Props {
  readonly isReview: boolean;
  /** When the next review comes due (epoch ms), if any card is waiting. */
  readonly nextDue: number | undefined;
}

const dateTime = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Nothing to practise: an empty review queue (with when the next item comes due) or an empty topic. */
export function ReviewEmpty({ isReview, nextDue }: Props) {
  if (!isReview) return <p class="practice-notice">这里还没有练习题。</p>;
  return (
    <div class="practice-empty">
      <p>
        <strong>现在没有需要复习的题。</strong>
      </p>
      <p>
        {nextDue === undefined
          ? '做练习时答错的题会进入复习队列，并按间隔重复（FSRS）安排在合适的时间再练。'
          : `下一道题将在 ${dateTime.format(nextDue)} 到期。`}
      </p>
      <p>
        <a class="practice-button practice-primary" href="/practice">
          去做练习
        </a>
      </p>
    </div>
  );
}
