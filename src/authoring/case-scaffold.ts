import { FactsSchema } from '../rules/index.ts';
import { CaseFrontmatterSchema, ExpectedRulingSchema } from './case-schema.ts';
import { choicesOf, defaultOf, descriptionOf, fieldsOf, isOptionalField, schemaAt, valueKindOf, type AnySchema } from './schema-docs.ts';
import { topics } from '../quiz/index.ts';

/** Case slugs are kebab-case file names: lowercase letters and digits in words joined by single hyphens. */
export function isCaseSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

export const caseBodyHeadings = ['情景', '核实要点', '回复话术', '裁决与理由', '常见错误'] as const;

function hints(schema: AnySchema, description: string | undefined): string[] {
  const found: string[] = [];
  const kind = valueKindOf(schema);
  if (kind === 'time') found.push('格式："YYYY-MM-DD HH:mm"（北京时间，请加引号）');
  if (kind === 'array') found.push('写成列表，例如 [a, b]');
  const choices = choicesOf(schema) ?? elementChoices(schema);
  if (choices && !choices.every((choice) => description?.includes(String(choice)))) found.push(`可选：${choices.map(String).join(' / ')}`);
  return found;
}

const scalar = (value: unknown) => JSON.stringify(value);

function elementChoices(schema: AnySchema): readonly unknown[] | undefined {
  const element = schemaAt(schema, [0]);
  return element ? choicesOf(element) : undefined;
}

// Commenting at the block's own column keeps nested comments intact when an author uncomments the block again.
const commentOut = (lines: readonly string[], indent: number) => lines.map((line) => `${line.slice(0, indent)}# ${line.slice(indent)}`);

function block(key: string, schema: AnySchema, indent: number, ownHints?: readonly string[]): string[] {
  const pad = ' '.repeat(indent);
  const description = descriptionOf(schema);
  const lines = [description, ...(ownHints ?? hints(schema, description))].filter((text) => text !== undefined).map((text) => `${pad}# ${text}`);
  const fields = valueKindOf(schema) === 'object' ? fieldsOf(schema) : undefined;
  let body: string[];
  if (fields) {
    body = [`${pad}${key}:`, ...Object.entries(fields).flatMap(([name, field]) => block(name, field, indent + 2))];
  } else {
    const fallback = defaultOf(schema);
    body = [`${pad}${key}:${fallback === undefined ? '' : ` ${scalar(fallback)}`}`];
  }
  return [...lines, ...(isOptionalField(schema) ? commentOut(body, indent) : body)];
}

/**
 * The text of a new case file: every frontmatter field and every fact of the fact model, each explained by the
 * schema's own `.describe()` text so the template never drifts from the model. Required fields are left blank
 * (a blank fact reads as "not given"), optional ones are commented out, and the body has the five sections.
 */
export function caseScaffold(): string {
  const shape = fieldsOf(CaseFrontmatterSchema)!;
  const topicList = Object.entries(topics).map(([id, label]) => `${id} ${label}`).join('、');
  const lines: string[] = ['---'];
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'facts') {
      lines.push(`# ${descriptionOf(schema)}留空的事实视为没有填写；用不到的可选事实保持注释。`, 'facts:');
      for (const [name, field] of Object.entries(fieldsOf(FactsSchema)!)) lines.push(...block(name, field, 2));
    } else if (key === 'expected') {
      lines.push(`# ${descriptionOf(schema)}`, 'expected:');
      for (const [name, field] of Object.entries(fieldsOf(ExpectedRulingSchema)!)) lines.push(...block(name, field, 2));
    } else if (key === 'topics') {
      lines.push(...block(key, schema, 0, ['写成列表，例如 [seven-day, freight]', `可选：${topicList}`]));
    } else {
      lines.push(...block(key, schema, 0));
    }
  }
  lines.push('---', '');
  for (const heading of caseBodyHeadings) lines.push(`## ${heading}`, '', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
