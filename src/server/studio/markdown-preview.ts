import type { Root, RootContent } from 'hast';
import { markdownToHtml, type HastPluginDefinition, type MarkdownToHtmlResult } from 'satteri';

/** Largest section the preview renders (a whole case body is ~3 KB). */
export const MAX_PREVIEW_MARKDOWN = 64 * 1024;

type Node = Root | RootContent;

function withoutRaw<T extends Node>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).filter((child) => child.type !== 'raw').map(withoutRaw);
  return { ...node, children } as T;
}

// Raw HTML in a section would run in the lead's studio page; a case body is Markdown, so the preview drops it.
const dropRawHtml: HastPluginDefinition = {
  name: 'studio-drop-raw-html',
  after(root, ctx) {
    ctx.replaceNode(root, withoutRaw(root as Root));
  },
};

/**
 * One body section rendered by Sätteri, the processor that renders case pages (GFM on, raw HTML dropped), so the
 * preview shows what the page will show.
 */
export function previewMarkdown(markdown: string): string {
  // Synchronous: the plugin is; the union in the type covers async plugins.
  return (markdownToHtml(markdown, { hastPlugins: [dropRawHtml] }) as MarkdownToHtmlResult).html;
}
