import { parseCaseSource, renderCaseSource, writeCaseSource, type CaseModel, type CaseSection } from './case-source.ts';
import { applyYamlData, deepEqual, parseYamlData, renderYamlDocument, YamlEditError, type YamlValue } from './yaml-source.ts';

/**
 * The four kinds of content file the studio edits, addressed by their path below the content folder, and one
 * read/write pair over all of them. Pure: callers do the file I/O.
 */

export const CONTENT_KINDS = ['case', 'question', 'exam', 'policy'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** An editable model of one content file. */
export type ContentModel =
  | { readonly kind: 'case'; readonly data: YamlValue; readonly sections: readonly CaseSection[] }
  | { readonly kind: 'question' | 'exam' | 'policy'; readonly data: YamlValue };

/** The only policy file: every ruling reads it. */
export const POLICY_PATH = 'policy/shop.json';

// Lower-case kebab segments, as content/README.md asks for file names; nothing else can name a content file.
const SEGMENT = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const PATTERNS: readonly (readonly [ContentKind, RegExp])[] = [
  ['case', new RegExp(`^cases/(?:${SEGMENT}/)*${SEGMENT}\\.mdx$`)],
  ['question', new RegExp(`^questions/(?:${SEGMENT}/)*${SEGMENT}\\.ya?ml$`)],
  ['exam', new RegExp(`^exams/${SEGMENT}\\.ya?ml$`)],
  ['policy', /^policy\/shop\.json$/],
];

/**
 * The kind of the content file at `path` (relative to the content folder, forward slashes), or `undefined` for
 * anything else: absolute paths, `..`, backslashes, upper case, other folders or extensions. This is the studio's
 * path guard: no other file can be read or written through it.
 */
export function contentKindOf(path: string): ContentKind | undefined {
  if (path.length > 300) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(path))?.[0];
}

/**
 * Reads a content file into its model.
 * @throws YamlEditError when the text cannot be read (callers show the content gate's message for it instead).
 */
export function readContentModel(kind: ContentKind, text: string): ContentModel {
  if (kind === 'case') return { kind, ...parseCaseSource(text) };
  if (kind === 'policy') return { kind, data: parseJson(text) };
  return { kind, data: parseYamlData(text) };
}

/**
 * The text of a content file holding `model`. With `text` (the file as it is) only what changed is rewritten, so an
 * unchanged model gives back `text` byte for byte; without it a new file is written in the house style.
 * @throws YamlEditError when `text` cannot be read or the model's kind is not the file's.
 */
export function writeContentModel(kind: ContentKind, text: string | undefined, model: ContentModel): string {
  if (model.kind !== kind) throw new YamlEditError(`a ${model.kind} model cannot be written to a ${kind} file`);
  if (model.kind === 'case') {
    const caseModel: CaseModel = { data: model.data, sections: model.sections };
    return text === undefined ? renderCaseSource(caseModel) : writeCaseSource(text, caseModel);
  }
  if (kind === 'policy') return writePolicy(text, model.data);
  return text === undefined ? renderYamlDocument(model.data) : applyYamlData(text, model.data);
}

function parseJson(text: string): YamlValue {
  try {
    return JSON.parse(text) as YamlValue;
  } catch (error) {
    throw new YamlEditError(`shop.json is not JSON: ${(error as Error).message}`);
  }
}

/** shop.json as `JSON.stringify(…, null, 2)` writes it, which is how the file is kept. */
function canonicalJson(data: YamlValue): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * shop.json is kept in the canonical two-space layout, where rewriting it whole changes exactly the edited lines.
 * An unchanged policy returns the file's own bytes even when someone laid it out by hand.
 */
function writePolicy(text: string | undefined, data: YamlValue): string {
  if (text !== undefined && deepEqual(parseJson(text), data)) return text;
  return canonicalJson(data);
}
