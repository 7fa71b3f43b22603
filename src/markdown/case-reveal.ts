import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';

/** The heading that starts the part of a case a learner reveals on purpose. */
export const REVEAL_HEADING = '裁决与理由';

/** Values of the `data-case-part` attribute the plugin writes. */
export type CasePart = 'brief' | 'ruling';

// Only case studies are split; other Markdown and MDX is left alone.
const CASE_FILE = /[\\/]content[\\/]cases[\\/][^\\/]+\.mdx$/;

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const isRevealHeading = (node: RootContent) => node.type === 'element' && node.tagName === 'h2' && textOf(node).trim() === REVEAL_HEADING;
// ESM (import/export) must stay at the top level of an MDX document to be hoisted.
const isEsm = (node: RootContent) => (node.type as string) === 'mdxjsEsm';

const part = (name: CasePart, children: readonly RootContent[]): Element => ({
  type: 'element',
  tagName: 'section',
  properties: { dataCasePart: name },
  children: children as ElementContent[],
});

/**
 * The new top level of a case body: its ESM, then `<section data-case-part="brief">` (情景, 核实要点, 回复话术) and
 * `<section data-case-part="ruling">` (from `## 裁决与理由` to the end). Returns null when the body has no such heading.
 */
export function splitCaseBody(children: readonly RootContent[]): RootContent[] | null {
  const split = children.findIndex(isRevealHeading);
  if (split < 0) return null;
  const content = (nodes: readonly RootContent[]) => nodes.filter((node) => !isEsm(node));
  return [...children.filter(isEsm), part('brief', content(children.slice(0, split))), part('ruling', content(children.slice(split)))];
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
