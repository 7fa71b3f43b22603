import { applyYamlData, parseYamlData, renderYamlDocument, YamlEditError, type YamlValue } from './yaml-source.ts';

/**
 * A case file (`content/cases/*.mdx`) as the studio edits it: the frontmatter as data and the body as its `## `
 * sections. Writing back splices: unchanged frontmatter nodes and unchanged sections keep their exact bytes.
 */

/** The five body sections every case has, in order (content/README.md「正文」). */
export const CASE_SECTIONS = ['情景', '核实要点', '回复话术', '裁决与理由', '常见错误'] as const;

/** Frontmatter keys in the order people write them (content/README.md「头信息」). */
export const CASE_KEY_ORDER = ['title', 'summary', 'topics', 'difficulty', 'edition', 'facts', 'expected', 'related'] as const;

export interface CaseSection {
  /** The heading text after `## `, e.g. `情景`. */
  readonly heading: string;
  /** The section's Markdown without the heading, trimmed. */
  readonly markdown: string;
}

export interface CaseModel {
  readonly data: YamlValue;
  readonly sections: readonly CaseSection[];
}

/** The same fence Astro's MDX loader and the content gate recognise. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

interface RawSection extends CaseSection {
  /** The section's exact text from its `## ` line up to the next section (or the end of the file). */
  readonly raw: string;
}

interface CaseParts {
  readonly head: string;
  readonly yaml: string;
  readonly fenceClose: string;
  readonly preamble: string;
  readonly sections: readonly RawSection[];
}

function splitCase(source: string): CaseParts {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new YamlEditError('the case has no frontmatter between --- lines');
  const open = match.index + match[0].indexOf('---') + 3;
  // match[1] starts with the line break after the opening fence; the YAML proper starts after it.
  const lineBreak = /^\r?\n/.exec(match[1]!)?.[0] ?? '';
  const head = source.slice(0, open) + lineBreak;
  const yaml = match[1]!.slice(lineBreak.length);
  const closeAt = match.index + match[0].length;
  const body = source.slice(closeAt);
  const headings = [...body.matchAll(/^## (.*)$/gm)];
  const preamble = body.slice(0, headings[0]?.index ?? body.length);
  const sections = headings.map((heading, index): RawSection => {
    const raw = body.slice(heading.index, headings[index + 1]?.index ?? body.length);
    return { heading: heading[1]!.trim(), markdown: raw.slice(raw.indexOf('\n') + 1).trim(), raw };
  });
  return { head, yaml, fenceClose: source.slice(closeAt - 3, closeAt), preamble, sections };
}

/**
 * Reads a case file into its model.
 * @throws YamlEditError when the frontmatter fence is missing or the YAML cannot be read (the gate explains which line).
 */
export function parseCaseSource(source: string): CaseModel {
  const parts = splitCase(source);
  return { data: parseYamlData(parts.yaml), sections: parts.sections.map(({ heading, markdown }) => ({ heading, markdown })) };
}

/**
 * Writes `model` over an existing case file: frontmatter by {@link applyYamlData}; a section whose Markdown and
 * position (last or not) are unchanged keeps its exact text, a changed one is written as `## 标题`, a blank line, the
 * Markdown, and a blank line before the next section. `writeCaseSource(s, parseCaseSource(s)) === s`.
 */
export function writeCaseSource(source: string, model: CaseModel): string {
  const parts = splitCase(source);
  const yaml = applyYamlData(parts.yaml, model.data);
  const last = model.sections.length - 1;
  const body = model.sections
    .map((section, index) => {
      const old = parts.sections[index];
      const wasLast = index === parts.sections.length - 1;
      if (old && old.heading === section.heading && old.markdown === section.markdown.trim() && wasLast === (index === last)) return old.raw;
      return sectionText(section, index === last);
    })
    .join('');
  return `${parts.head}${yaml}${parts.fenceClose}${parts.preamble}${body}`;
}

/** A new case file in the style of content/cases/seven-day-last-minute.mdx: known keys in order, five sections. */
export function renderCaseSource(model: CaseModel): string {
  const data = model.data;
  let ordered: YamlValue = {};
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const entries = Object.entries(data as { readonly [key: string]: YamlValue });
    const rank = (key: string) => {
      const index = (CASE_KEY_ORDER as readonly string[]).indexOf(key);
      return index === -1 ? CASE_KEY_ORDER.length : index;
    };
    // A stable sort: known keys in the documented order, anything else after them as it came.
    ordered = Object.fromEntries([...entries].sort(([a], [b]) => rank(a) - rank(b)));
  }
  const last = model.sections.length - 1;
  const body = model.sections.map((section, index) => sectionText(section, index === last)).join('');
  return `---\n${renderYamlDocument(ordered)}---\n\n${body}`;
}

function sectionText(section: CaseSection, last: boolean): string {
  const markdown = section.markdown.trim();
  return `## ${section.heading}\n${markdown === '' ? '' : `\n${markdown}\n`}${last ? '' : '\n'}`;
}
