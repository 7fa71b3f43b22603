import { describe, expect, it } from 'vitest';
import { diffSummary, revisionDiff } from './revision-diff.ts';

describe('revision diff', () => {
  it('numbers each line in both texts and marks added and removed lines', () => {
    const older = 'title: 旧标题\nsummary: 摘要\ndifficulty: 2\n';
    const newer = 'title: 新标题\nsummary: 摘要\ndifficulty: 2\nrelated: [a]\n';
    const diff = revisionDiff(older, newer);
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.lines).toEqual([
      { kind: 'removed', oldLine: 1, newLine: null, text: 'title: 旧标题' },
      { kind: 'added', oldLine: null, newLine: 1, text: 'title: 新标题' },
      { kind: 'same', oldLine: 2, newLine: 2, text: 'summary: 摘要' },
      { kind: 'same', oldLine: 3, newLine: 3, text: 'difficulty: 2' },
      { kind: 'added', oldLine: null, newLine: 4, text: 'related: [a]' },
    ]);
    expect(diff.hunks[0]!.heading).toBe('旧版第 1–3 行 → 新版第 1–4 行');
    expect(diffSummary(diff)).toBe('新增 2 行，删除 1 行，共 1 处修改。');
  });

  it('keeps distant changes in separate hunks with three lines of context', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const changed = lines.map((line, index) => (index === 2 || index === 25 ? `${line} changed` : line));
    const diff = revisionDiff(`${lines.join('\n')}\n`, `${changed.join('\n')}\n`);
    expect(diff.hunks.map((hunk) => hunk.heading)).toEqual(['旧版第 1–6 行 → 新版第 1–6 行', '旧版第 23–29 行 → 新版第 23–29 行']);
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(2);
  });

  it('says when two versions are the same, and ignores the missing final newline marker as a line', () => {
    expect(diffSummary(revisionDiff('a\n', 'a\n'))).toBe('两个版本的内容完全相同。');
    const diff = revisionDiff('a\nb', 'a\nc');
    expect(diff.hunks[0]!.lines.map((line) => line.text)).toEqual(['a', 'b', 'c']);
  });
});
