import { CURRENT_EDITION, type EditionId, type Ruling } from '../../rules/index.ts';
import { draftFromFacts, factsFromDraft, withFieldText, withSection, type Draft, type FieldError } from '../sandbox/fact-draft.ts';
import type { SectionModel } from '../sandbox/fact-form-model.ts';
import { CARRIED_EXPECTED_KEYS, expectedData, expectedFieldViews, expectedStateFrom, newExpectedState, type ExpectedMode, type ExpectedState } from './expected-form.ts';

/** The five body sections of a case, in the order the case page shows them. */
export const CASE_BODY_SECTIONS = ['情景', '核实要点', '回复话术', '裁决与理由', '常见错误'] as const;

export interface BodySection {
  readonly heading: string;
  readonly markdown: string;
}

export interface CaseMeta {
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly string[];
  readonly difficulty: 1 | 2 | 3;
  /** undefined: the file does not name an edition (the current one applies). */
  readonly edition: EditionId | undefined;
  readonly related: readonly string[];
}

/** Everything the case editor holds; the island renders it and dispatches actions, nothing else. */
export interface CaseEditorState {
  /** `cases/<slug>.mdx`; for a new case it follows the slug typed. */
  readonly path: string;
  readonly isNew: boolean;
  /** The version the edit started from (`null` for a new file); a save names it. */
  readonly baseVersion: string | null;
  readonly meta: CaseMeta;
  readonly facts: Draft;
  /** Fact paths in the file the form cannot show (kept out of the save, reported). */
  readonly unknownFactPaths: readonly string[];
  readonly expected: ExpectedState;
  /** `expected` keys carried unedited (transitRisk, options). */
  readonly carried: Readonly<Record<string, unknown>>;
  readonly sections: readonly BodySection[];
}

export interface CaseModel {
  readonly kind: 'case';
  readonly data: Record<string, unknown>;
  readonly sections: readonly BodySection[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Sections as the file has them, with any of the five missing added empty at its place. */
function withBodySections(sections: readonly BodySection[]): BodySection[] {
  const result = [...sections];
  CASE_BODY_SECTIONS.forEach((heading, index) => {
    if (!result.some((section) => section.heading === heading)) result.splice(Math.min(index, result.length), 0, { heading, markdown: '' });
  });
  return result;
}

/**
 * The editor's state for a case file's model (`readContentModel('case', text)`), deciding its facts once to see which
 * expected fields follow the engine.
 */
export function caseEditorState(
  form: SectionModel,
  file: { path: string; version: string | null; model: { data: unknown; sections?: readonly BodySection[] } },
  decideFacts: (facts: unknown, edition: EditionId) => Ruling | null,
): CaseEditorState {
  const data = isRecord(file.model.data) ? file.model.data : {};
  const { draft, unknownPaths } = draftFromFacts(form, data.facts ?? {});
  const edition = typeof data.edition === 'string' ? (data.edition as EditionId) : undefined;
  const ruling = decideFacts(factsFromDraft(form, draft).facts, edition ?? CURRENT_EDITION);
  const expected = isRecord(data.expected) ? data.expected : {};
  const difficulty = data.difficulty === 1 || data.difficulty === 3 ? data.difficulty : 2;
  return {
    path: file.path,
    isNew: file.version === null,
    baseVersion: file.version,
    meta: {
      title: typeof data.title === 'string' ? data.title : '',
      summary: typeof data.summary === 'string' ? data.summary : '',
      topics: asStrings(data.topics),
      difficulty,
      edition,
      related: asStrings(data.related),
    },
    facts: draft,
    unknownFactPaths: unknownPaths,
    expected: data.expected === undefined ? newExpectedState(ruling) : expectedStateFrom(expected, ruling),
    carried: Object.fromEntries(CARRIED_EXPECTED_KEYS.filter((key) => expected[key] !== undefined).map((key) => [key, expected[key]])),
    sections: withBodySections(file.model.sections ?? []),
  };
}

export type CaseEditorAction =
  | { readonly type: 'meta'; readonly meta: Partial<CaseMeta> }
  | { readonly type: 'path'; readonly path: string }
  | { readonly type: 'fact'; readonly path: string; readonly text: string }
  | { readonly type: 'factSection'; readonly path: string; readonly isPresent: boolean }
  | { readonly type: 'expectedMode'; readonly key: string; readonly mode: ExpectedMode; readonly text?: string }
  | { readonly type: 'expectedText'; readonly key: string; readonly text: string }
  | { readonly type: 'section'; readonly heading: string; readonly markdown: string }
  | { readonly type: 'saved'; readonly version: string }
  | { readonly type: 'rebase'; readonly version: string }
  | { readonly type: 'replace'; readonly state: CaseEditorState };

/** The editor's reducer: pure, so the island only renders and dispatches. */
export function caseEditorReducer(state: CaseEditorState, action: CaseEditorAction): CaseEditorState {
  switch (action.type) {
    case 'meta':
      return { ...state, meta: { ...state.meta, ...action.meta } };
    case 'path':
      return state.isNew ? { ...state, path: action.path } : state;
    case 'fact':
      return { ...state, facts: withFieldText(state.facts, action.path, action.text) };
    case 'factSection':
      return { ...state, facts: withSection(state.facts, action.path, action.isPresent) };
    case 'expectedMode': {
      const current = state.expected[action.key] ?? { mode: 'omit', text: '' };
      return { ...state, expected: { ...state.expected, [action.key]: { mode: action.mode, text: action.text ?? current.text } } };
    }
    case 'expectedText':
      return { ...state, expected: { ...state.expected, [action.key]: { mode: 'override', text: action.text } } };
    case 'section':
      return { ...state, sections: state.sections.map((section) => (section.heading === action.heading ? { ...section, markdown: action.markdown } : section)) };
    case 'saved':
      return { ...state, baseVersion: action.version, isNew: false };
    case 'rebase':
      // The lead chose to save over a newer version after seeing it: the next save names that version.
      return { ...state, baseVersion: action.version };
    case 'replace':
      return action.state;
  }
}

export interface CaseDerived {
  readonly facts: Record<string, unknown>;
  readonly factErrors: readonly FieldError[];
  readonly edition: EditionId;
}

/** The facts and edition the form holds, for decide(). */
export function caseFacts(form: SectionModel, state: CaseEditorState): CaseDerived {
  const { facts, errors } = factsFromDraft(form, state.facts);
  return { facts, factErrors: errors, edition: state.meta.edition ?? CURRENT_EDITION };
}

/**
 * The content model a save sends (`{ kind: 'case', data, sections }`), frontmatter keys in the documented order.
 * Empty body sections that the file did not have are left out; `ruling` is the live one (or the last one there was).
 */
export function caseModel(form: SectionModel, state: CaseEditorState, ruling: Ruling | null, originalHeadings: readonly string[]): CaseModel {
  const { facts } = factsFromDraft(form, state.facts);
  const { meta } = state;
  const data: Record<string, unknown> = {
    title: meta.title,
    summary: meta.summary,
    topics: [...meta.topics],
    difficulty: meta.difficulty,
  };
  if (meta.edition !== undefined) data.edition = meta.edition;
  data.facts = facts;
  data.expected = expectedData(expectedFieldViews(state.expected, ruling), state.carried);
  if (meta.related.length > 0) data.related = [...meta.related];
  const sections = state.sections.filter((section) => section.markdown.trim() !== '' || originalHeadings.includes(section.heading));
  return { kind: 'case', data, sections };
}

/** The slug of a case path, '' when the path is not `cases/<slug>.mdx`. */
export function caseSlug(path: string): string {
  return /^cases\/(?:[a-z0-9-]+\/)*([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/.exec(path)?.[1] ?? '';
}

/** Whether a slug can name a new case file (lower-case kebab, like the files in content/cases). */
export function isSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 80;
}
