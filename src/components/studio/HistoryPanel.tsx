import { useEffect, useState } from 'preact/hooks';
import { DIFF_KIND_LABELS, DIFF_MARKS, diffSummary, revisionDiff, type RevisionDiff } from '../../present/studio/index.ts';
import { studioCall, type Revision } from './studio-api.ts';

/** A revision's content as the history API returns it. */
export interface RevisionContent {
  readonly id: string;
  readonly text: string;
  readonly model: { readonly kind: string; readonly data: unknown; readonly sections?: readonly { heading: string; markdown: string }[] } | null;
}

interface Props {
  readonly path: string | null;
  /** Bumped on every save: the list reloads. */
  readonly savedCount: number;
  /** Loads a revision into the editor (恢复此版本); saving it is then an ordinary save. Without it, no restore button. */
  readonly onRestore?: ((revision: RevisionContent) => void) | undefined;
}

/** `CURRENT` in a comparison: the file as it is saved now. */
const CURRENT = 'current';

interface Comparison {
  readonly from: string;
  readonly to: string;
  readonly diff: RevisionDiff;
  readonly older: RevisionContent;
}

// The text before the first studio save has no known time (it is stored at the epoch): its author line says what it is.
const when = (at: string) => (Date.parse(at) === 0 ? '' : new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }));

/**
 * The file's saves, newest first (git commits or revisions). Pick one to see what changed between it and the current
 * file, or between two of them (a line diff with +/− marks and line numbers, hunks under headings), and 恢复此版本 to
 * load it into the editor.
 */
export function HistoryPanel({ path, savedCount, onRestore }: Props) {
  const [revisions, setRevisions] = useState<readonly Revision[] | null>(null);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  useEffect(() => {
    if (!path || !open) return;
    let live = true;
    void studioCall<{ revisions: Revision[] }>('GET', `/api/studio/history?path=${encodeURIComponent(path)}`).then((answer) => {
      if (!live) return;
      const list = answer.ok ? answer.body.revisions : [];
      setRevisions(list);
      if (list.length > 0) setFrom((current) => (list.some((revision) => revision.id === current) ? current : (list[1] ?? list[0])!.id));
    });
    return () => {
      live = false;
    };
  }, [path, open, savedCount]);
  if (!path) return null;

  const label = (id: string) => {
    if (id === CURRENT) return '当前文件';
    const revision = revisions?.find((candidate) => candidate.id === id);
    return revision ? `${[when(revision.at), revision.author].filter(Boolean).join(' ')} 的版本` : `版本 ${id.slice(0, 12)}`;
  };
  const contentOf = async (id: string): Promise<RevisionContent | null> => {
    if (id === CURRENT) {
      const answer = await studioCall<{ file: { text: string; model: RevisionContent['model'] } }>('GET', `/api/studio/file?path=${encodeURIComponent(path)}`);
      return answer.ok ? { id, text: answer.body.file.text, model: answer.body.file.model } : null;
    }
    const answer = await studioCall<{ text: string; model: RevisionContent['model'] }>('GET', `/api/studio/history?path=${encodeURIComponent(path)}&revision=${encodeURIComponent(id)}`);
    return answer.ok ? { id, text: answer.body.text, model: answer.body.model } : null;
  };
  const compare = async (older: string, newer: string) => {
    setFrom(older);
    setTo(newer);
    setRestored(null);
    const [a, b] = await Promise.all([contentOf(older), contentOf(newer)]);
    if (!a || !b) {
      setProblem('读取版本失败，请稍后再试。');
      setComparison(null);
      return;
    }
    setProblem(null);
    setComparison({ from: older, to: newer, diff: revisionDiff(a.text, b.text), older: a });
    requestAnimationFrame(() => document.getElementById('history-diff-title')?.focus());
  };

  return (
    <details class="studio-panel history-panel" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>修改历史</summary>
      {revisions === null ? (
        <p class="muted">正在读取…</p>
      ) : revisions.length === 0 ? (
        <p class="muted">还没有记录。</p>
      ) : (
        <>
          <ol class="history-list">
            {revisions.map((revision) => (
              <li key={revision.id}>
                {when(revision.at) && <time dateTime={revision.at}>{when(revision.at)}</time>} {revision.author}{' '}
                <button type="button" class="link-button" onClick={() => void compare(revision.id, CURRENT)}>
                  与当前文件比较<span class="sr-only">（{label(revision.id)}）</span>
                </button>
              </li>
            ))}
          </ol>
          <fieldset class="history-compare">
            <legend>比较两个版本</legend>
            <label>
              旧版本
              <select value={from} onChange={(event) => setFrom((event.target as HTMLSelectElement).value)}>
                {revisions.map((revision) => (
                  <option value={revision.id}>{label(revision.id)}</option>
                ))}
              </select>
            </label>
            <label>
              新版本
              <select value={to} onChange={(event) => setTo((event.target as HTMLSelectElement).value)}>
                <option value={CURRENT}>当前文件</option>
                {revisions.map((revision) => (
                  <option value={revision.id}>{label(revision.id)}</option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void compare(from, to)} disabled={from === '' || from === to}>
              比较
            </button>
          </fieldset>
        </>
      )}
      {problem && <p class="field-error">{problem}</p>}
      {comparison && (
        <section class="history-diff" aria-labelledby="history-diff-title">
          <h3 id="history-diff-title" tabIndex={-1}>
            {label(comparison.from)} → {label(comparison.to)}
          </h3>
          <p>
            {diffSummary(comparison.diff)}行首 <span aria-hidden="true">+</span> 表示“{label(comparison.to)}”新增的行，<span aria-hidden="true">−</span>{' '}
            表示它删掉的行。
          </p>
          {onRestore && comparison.from !== CURRENT && (
            <p>
              <button
                type="button"
                onClick={() => {
                  onRestore(comparison.older);
                  setRestored(comparison.from);
                }}
              >
                恢复此版本<span class="sr-only">（{label(comparison.from)}）</span>
              </button>{' '}
              <span class="muted">载入编辑器，检查后按“保存”才会写入文件。</span>
            </p>
          )}
          <p role="status" aria-live="polite">
            {restored ? `已把${label(restored)}载入编辑器，还没有保存。` : ''}
          </p>
          {comparison.diff.hunks.map((hunk) => (
            <div class="diff-hunk">
              <h4>{hunk.heading}</h4>
              <table class="diff-lines">
                <thead class="sr-only">
                  <tr>
                    <th scope="col">旧行号</th>
                    <th scope="col">新行号</th>
                    <th scope="col">修改</th>
                    <th scope="col">内容</th>
                  </tr>
                </thead>
                <tbody>
                  {hunk.lines.map((line) => (
                    <tr class={`diff-${line.kind}`}>
                      <td class="diff-no">{line.oldLine ?? ''}</td>
                      <td class="diff-no">{line.newLine ?? ''}</td>
                      <td class="diff-mark">
                        <span aria-hidden="true">{DIFF_MARKS[line.kind]}</span>
                        <span class="sr-only">{DIFF_KIND_LABELS[line.kind]}</span>
                      </td>
                      <td class="diff-text">{line.kind === 'added' ? <ins>{line.text}</ins> : line.kind === 'removed' ? <del>{line.text}</del> : line.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </details>
  );
}
