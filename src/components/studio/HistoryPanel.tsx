import { useEffect, useState } from 'preact/hooks';
import { studioCall, type Revision } from './studio-api.ts';

interface Props {
  readonly path: string | null;
  /** Bumped on every save: the list reloads. */
  readonly savedCount: number;
}

/** The file's saves, newest first (git commits or revisions), each with its text to look at. */
export function HistoryPanel({ path, savedCount }: Props) {
  const [revisions, setRevisions] = useState<readonly Revision[] | null>(null);
  const [shown, setShown] = useState<{ id: string; text: string } | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!path || !open) return;
    let live = true;
    void studioCall<{ revisions: Revision[] }>('GET', `/api/studio/history?path=${encodeURIComponent(path)}`).then((answer) => {
      if (live) setRevisions(answer.ok ? answer.body.revisions : []);
    });
    return () => {
      live = false;
    };
  }, [path, open, savedCount]);
  if (!path) return null;
  const show = async (id: string) => {
    const answer = await studioCall<{ text: string }>('GET', `/api/studio/history?path=${encodeURIComponent(path)}&revision=${encodeURIComponent(id)}`);
    if (answer.ok) setShown({ id, text: answer.body.text });
  };
  return (
    <details class="studio-panel history-panel" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>修改历史</summary>
      {revisions === null ? (
        <p class="muted">正在读取…</p>
      ) : revisions.length === 0 ? (
        <p class="muted">还没有记录。</p>
      ) : (
        <ol class="history-list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <time dateTime={revision.at}>{new Date(revision.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</time> {revision.author}{' '}
              <button type="button" class="link-button" onClick={() => void show(revision.id)}>
                查看这一版<span class="sr-only">（{revision.message}）</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {shown && (
        <div class="history-text">
          <p>
            版本 <code>{shown.id.slice(0, 12)}</code> 的全文（要恢复它，请复制需要的部分到表单后保存）：
          </p>
          <pre>{shown.text}</pre>
        </div>
      )}
    </details>
  );
}
