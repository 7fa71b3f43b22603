import { studioCall } from './studio-api.ts';

interface Props {
  /** The file's path under CONTENT_DIR, to read the version someone else saved. */
  readonly path: string;
  /** This editor's page for the file, opened fresh (the lead's edits are dropped). */
  readonly latestHref: string;
  /** Their saved text once asked for, or null before. */
  readonly theirs: string | null;
  /** Receives their text (or a read-failure note) to keep in the editor's save state. */
  readonly onTheirs: (text: string) => void;
  /** Saves the lead's version over theirs, after the lead has looked (a rebase on their version). */
  readonly onSaveOver: () => void;
}

/**
 * The 409 panel every studio editor shows when someone saved the file since it was opened: nothing was overwritten,
 * and the lead chooses to see theirs, open the latest, or save over it after looking — never silently.
 */
export function ConflictNotice({ path, latestHref, theirs, onTheirs, onSaveOver }: Props) {
  const showTheirs = async () => {
    const answer = await studioCall<{ file: { text: string } }>('GET', `/api/studio/file?path=${encodeURIComponent(path)}`);
    onTheirs(answer.ok ? answer.body.file.text : '（读取失败）');
  };
  return (
    <div class="conflict" role="alert">
      <p>这个文件在你打开之后已被别人保存过，你的修改还没有保存，也没有覆盖对方的修改。</p>
      <ul class="links">
        <li>
          <button type="button" class="link-button" onClick={() => void showTheirs()}>
            查看对方保存的版本
          </button>
        </li>
        <li>
          <a href={latestHref}>打开最新版本（放弃我的修改）</a>
        </li>
        <li>
          <button type="button" class="link-button" onClick={onSaveOver}>
            看过对方的版本，用我的内容保存
          </button>
        </li>
      </ul>
      {theirs !== null && <pre class="theirs">{theirs}</pre>}
    </div>
  );
}
