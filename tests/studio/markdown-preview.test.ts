import { describe, expect, it } from 'vitest';
import { previewMarkdown } from '../../src/server/studio/markdown-preview.ts';

describe('studio markdown preview', () => {
  it('renders a case section with the case pages’ processor (quotes, lists, bold)', () => {
    const html = previewMarkdown('> **买家**：大衣不喜欢。\n\n- 签收时间\n- 申请时间');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<strong>买家</strong>');
    expect(html).toContain('<li>签收时间</li>');
  });

  it('drops raw HTML, so a section cannot run script in the studio', () => {
    const html = previewMarkdown('你好 <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n正文');
    expect(html).not.toMatch(/<script|onerror|<img/);
    expect(html).toContain('正文');
  });
});
