import { topicProgress, topicProgressText, type ProgressIndex } from '../../present/practice-progress/index.ts';
import { keepSynced } from './practice-sync.ts';
import { browserProgress } from './progress-store.ts';

/**
 * The practice index's progress: fills each topic's line and the review queue's due count from this browser's
 * progress, syncs with the trainee's account when one is signed in, and fills them again with the merged progress.
 * The page is static; without JavaScript these lines stay empty.
 */
export function showPracticeProgress(root: HTMLElement): void {
  const index = JSON.parse(root.dataset.progress ?? '{"topics":[],"items":[]}') as ProgressIndex;
  const store = browserProgress();
  const render = () => {
    const { topics, due } = topicProgress(index, store.snapshot(), Date.now());
    for (const row of topics) {
      const line = root.querySelector<HTMLElement>(`[data-topic-progress="${row.topic}"]`);
      if (line) line.textContent = topicProgressText(row);
    }
    const dueLine = root.querySelector<HTMLElement>('[data-review-due]');
    if (dueLine) dueLine.textContent = due > 0 ? `现在有 ${due} 道题到期，等你复习。` : '现在没有到期的题。';
  };
  render();
  keepSynced(store, () => {
    render();
    const status = root.querySelector<HTMLElement>('[data-sync-status]');
    if (status) status.textContent = '已登录：练习进度已与你的账号同步，换一台设备登录后可以接着练。';
  });
}
