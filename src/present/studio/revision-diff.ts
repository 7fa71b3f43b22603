import { structuredPatch } from 'diff';

export type DiffLineKind = 'added' | 'removed' | 'same';

export interface DiffLine {
  readonly kind: DiffLineKind;
  /** Line number in the older text (`null` for an added line). */
  readonly oldLine: number | null;
  /** Line number in the newer text (`null` for a removed line). */
  readonly newLine: number | null;
  readonly text: string;
}

export interface DiffHunk {
  /** Where the hunk is, in words for its heading, e.g. 「旧版第 3–9 行 → 新版第 3–10 行」. */
  readonly heading: string;
  readonly lines: readonly DiffLine[];
}

export interface RevisionDiff {
  readonly added: number;
  readonly removed: number;
  readonly hunks: readonly DiffHunk[];
  /** Whether the two texts are the same. */
  readonly isSame: boolean;
}

/** The mark shown before a line: not colour alone says what changed. */
export const DIFF_MARKS: Readonly<Record<DiffLineKind, string>> = { added: '+', removed: '−', same: ' ' };

/** What a screen reader hears for a line's kind (the mark alone is read as 加号 / 减号 or not at all). */
export const DIFF_KIND_LABELS: Readonly<Record<DiffLineKind, string>> = { added: '新增', removed: '删除', same: '未变' };

const range = (start: number, count: number) => (count === 0 ? `第 ${start} 行之后` : count === 1 ? `第 ${start} 行` : `第 ${start}–${start + count - 1} 行`);

/**
 * The line differences from `older` to `newer`, in hunks with `context` unchanged lines around each change (the
 * `diff` package's structured patch, the same diff the downloadable patch uses), with both line numbers per line.
 */
export function revisionDiff(older: string, newer: string, context = 3): RevisionDiff {
  const patch = structuredPatch('older', 'newer', older, newer, '', '', { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((hunk) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      // '\ No newline at end of file' describes the line before it, not a line of either text.
      if (raw.startsWith('\\')) continue;
      const text = raw.slice(1);
      if (raw.startsWith('+')) {
        lines.push({ kind: 'added', oldLine: null, newLine: newLine++, text });
        added += 1;
      } else if (raw.startsWith('-')) {
        lines.push({ kind: 'removed', oldLine: oldLine++, newLine: null, text });
        removed += 1;
      } else lines.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
    }
    return { heading: `旧版${range(hunk.oldStart, hunk.oldLines)} → 新版${range(hunk.newStart, hunk.newLines)}`, lines };
  });
  return { added, removed, hunks, isSame: older === newer };
}

/** The one-line summary of a diff, e.g. 「新增 2 行，删除 1 行，共 1 处修改」. */
export function diffSummary(diff: RevisionDiff): string {
  if (diff.isSame) return '两个版本的内容完全相同。';
  return `新增 ${diff.added} 行，删除 ${diff.removed} 行，共 ${diff.hunks.length} 处修改。`;
}
