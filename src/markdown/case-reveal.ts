import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';

/** The heading that starts the part of a case a learner reveals on purpose. */
export const REVEAL_HEADING = '裁决与理由';

/**
 * The brief's section that states the outcome (the agent's reply tells the buyer what will happen), so it moves into
 * the revealed part, right after 裁决与理由's own text.
 */
export const REPLY_HEADING = '回复话术';

/** Values of the `data-case-part` attribute the plugin writes. */
export type CasePart = 'brief' | 'ruling';

// Only case studies are split; other Markdown and MDX is left alone.
const CASE_FILE = /[\\/]content[\\/]cases[\\/][^\\/]+\.mdx$/;

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const isH2 = (node: RootContent) => node.type === 'element' && node.tagName === 'h2';
const isRevealHeading = (node: RootContent) => isH2(node) && textOf(node).trim() === REVEAL_HEADING;
const isReplyHeading = (node: RootContent) => isH2(node) && textOf(node).trim() === REPLY_HEADING;

/** The `## heading` at `start` and everything up to the next h2. */
function sectionAt(nodes: readonly RootContent[], start: number): RootContent[] {
  const next = nodes.findIndex((node, index) => index > start && isH2(node));
  return nodes.slice(start, next < 0 ? nodes.length : next);
}
// ESM (import/export) must stay at the top level of an MDX document to be hoisted.
const isEsm = (node: RootContent) => (node.type as string) === 'mdxjsEsm';

const part = (name: CasePart, children: readonly RootContent[]): Element => ({
  type: 'element',
  tagName: 'section',
  properties: { dataCasePart: name },
  children: children as ElementContent[],
});

/**
 * The new top level of a case body: its ESM, then `<section data-case-part="brief">` (情景, 核实要点) and
 * `<section data-case-part="ruling">` (`## 裁决与理由` and its text, then `## 回复话术` wherever the author put it, then
 * the rest). Returns null when the body has no 裁决与理由 heading.
 */
export function splitCaseBody(children: readonly RootContent[]): RootContent[] | null {
  const split = children.findIndex(isRevealHeading);
  if (split < 0) return null;
  const content = (nodes: readonly RootContent[]) => nodes.filter((node) => !isEsm(node));
  const replyAt = children.findIndex(isReplyHeading);
  const reply = replyAt < 0 ? [] : sectionAt(children, replyAt);
  const without = (nodes: readonly RootContent[]) => nodes.filter((node) => !reply.includes(node));
  const verdict = sectionAt(children, split);
  const ruling = [...verdict, ...reply, ...without(children.slice(split + verdict.length))];
  return [...children.filter(isEsm), part('brief', content(without(children.slice(0, split)))), part('ruling', content(ruling))];
}

const caseRevealDefinition: HastPluginDefinition = {
  name: 'case-reveal',
  after(root, ctx) {
    const children = splitCaseBody(root.children);
    if (children) ctx.replaceNode(root, { type: 'root', children } satisfies Root);
  },
};

/**
 * Sätteri hast plugin (Astro 7's Markdown pipeline) that splits each case study at `## 裁决与理由`, so the case page
 * can render the brief openly and the ruling inside a closed `<details>` by overriding `section` when it renders the
 * body (see CaseBriefPart.astro / CaseRulingPart.astro). The sections are ordinary markdown-generated elements, not
 * JSX: rendered without an override they are plain sections and the case still reads top to bottom.
 */
export function caseReveal(context: PluginFactoryContext): HastPluginDefinition | null {
  const path = context.fileURL?.pathname ?? '';
  return CASE_FILE.test(decodeURIComponent(path)) ? caseRevealDefinition : null;
}
