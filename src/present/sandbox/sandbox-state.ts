import { CURRENT_EDITION, editions, type EditionId, type Ruling } from '../../rules/index.ts';
import { draftFromFacts, withFieldText, withSection, type Draft } from './fact-draft.ts';
import type { SectionModel } from './fact-form-model.ts';
import { rulingChanges, type RulingChange } from './ruling-changes.ts';
import type { SandboxCase } from './sandbox-cases.ts';
import type { SandboxOutcome } from './sandbox-outcome.ts';
import type { SandboxEvaluation } from './sandbox-evaluation.ts';
import type { RulingView } from './ruling-view.ts';

/** What the sandbox started from: a case (or the blank scenario) and its facts as a draft. */
export interface SandboxLoaded {
  /** '' for the blank scenario. */
  readonly slug: string;
  readonly edition: EditionId;
  readonly draft: Draft;
  readonly unknownPaths: readonly string[];
  /** Announced once the loaded facts are decided. */
  readonly note: string;
}

/** The whole sandbox island state; the component renders it and dispatches {@link SandboxAction}s. */
export interface SandboxState {
  readonly loaded: SandboxLoaded;
  readonly draft: Draft;
  readonly edition: EditionId;
  readonly outcome: SandboxOutcome | null;
  /** What the last edit changed in the ruling; null right after a load. */
  readonly changes: readonly RulingChange[] | null;
  /** The loaded note, shown with the first outcome after a load. */
  readonly loadedNote: string | null;
  /** The last ruling there was, to compare the next one with (a typo in between does not reset it). */
  readonly previous: Ruling | null;
  /** True until the first outcome after a load arrives. */
  readonly isFreshLoad: boolean;
  /** An element id to focus once rendered (a field just added, or the field a message points at). */
  readonly focus: string | null;
}

export type SandboxAction =
  | { readonly type: 'load'; readonly loaded: SandboxLoaded }
  | { readonly type: 'text'; readonly path: string; readonly text: string }
  | { readonly type: 'section'; readonly path: string; readonly isPresent: boolean; readonly focus: string }
  /** Adds every absent optional section on the way to `path`, then focuses `focus`. */
  | { readonly type: 'reveal'; readonly sections: readonly string[]; readonly focus: string }
  | { readonly type: 'edition'; readonly edition: EditionId }
  | { readonly type: 'outcome'; readonly outcome: SandboxOutcome }
  | { readonly type: 'focused' };

/** The loaded state for a case (or the blank scenario when `item` is undefined), optionally with other facts. */
export function sandboxLoaded(
  form: SectionModel,
  item: SandboxCase | undefined,
  options: { readonly note?: string; readonly facts?: unknown; readonly edition?: EditionId } = {},
): SandboxLoaded {
  const { draft, unknownPaths } = draftFromFacts(form, options.facts ?? item?.facts ?? {});
  return {
    slug: item?.slug ?? '',
    edition: options.edition ?? item?.edition ?? CURRENT_EDITION,
    draft,
    unknownPaths,
    note: options.note ?? (item ? `已载入案例「${item.title}」。` : '已载入空白情景。'),
  };
}

export function sandboxInitialState(loaded: SandboxLoaded): SandboxState {
  return {
    loaded,
    draft: loaded.draft,
    edition: loaded.edition,
    outcome: null,
    changes: null,
    loadedNote: null,
    previous: null,
    isFreshLoad: true,
    focus: null,
  };
}

export function sandboxReducer(state: SandboxState, action: SandboxAction): SandboxState {
  switch (action.type) {
    case 'load':
      return { ...sandboxInitialState(action.loaded), outcome: state.outcome };
    case 'text':
      return { ...state, draft: withFieldText(state.draft, action.path, action.text) };
    case 'section':
      return { ...state, draft: withSection(state.draft, action.path, action.isPresent), focus: action.focus };
    case 'reveal': {
      const draft = action.sections.reduce((next, path) => (next.sections.includes(path) ? next : withSection(next, path, true)), state.draft);
      return { ...state, draft, focus: action.focus };
    }
    case 'edition':
      return { ...state, edition: action.edition };
    case 'outcome': {
      const { outcome } = action;
      let changes: RulingChange[] | null = null;
      let previous = state.previous;
      if (outcome.kind === 'ruling') {
        // Compared with the last ruling there was, so fixing a typo reports what the whole edit changed.
        if (!state.isFreshLoad && previous) changes = rulingChanges(previous, outcome.ruling);
        previous = outcome.ruling;
      }
      return { ...state, outcome, changes, previous, loadedNote: state.isFreshLoad ? state.loaded.note : null, isFreshLoad: false };
    }
    case 'focused':
      return { ...state, focus: null };
  }
}

const sameDraft = (a: Draft, b: Draft) =>
  JSON.stringify(Object.entries(a.values).filter(([, text]) => text !== '').sort()) ===
    JSON.stringify(Object.entries(b.values).filter(([, text]) => text !== '').sort()) && [...a.sections].sort().join() === [...b.sections].sort().join();

/**
 * The query string that restores this sandbox: `case=<slug>` for the case it started from, plus `facts=<JSON>` once the
 * facts differ from the case's and `edition=<id>` once the edition does. A link with it opens the same scenario.
 */
export function sandboxSearch(state: Pick<SandboxState, 'loaded' | 'draft' | 'edition'>, facts: Record<string, unknown>): string {
  const params = new URLSearchParams();
  if (state.loaded.slug) params.set('case', state.loaded.slug);
  if (!sameDraft(state.draft, state.loaded.draft)) params.set('facts', JSON.stringify(facts));
  if (state.edition !== state.loaded.edition) params.set('edition', state.edition);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a sandbox URL asks for; `problem` says in Chinese what could not be read (the rest is still used). */
export interface SandboxRequest {
  readonly slug: string | null;
  readonly facts: Record<string, unknown> | null;
  readonly edition: EditionId | null;
  readonly problem: string | null;
}

/** Reads `?case=…&facts=…&edition=…` (see {@link sandboxSearch}). Never throws. */
export function readSandboxSearch(search: string): SandboxRequest {
  const params = new URLSearchParams(search);
  let facts: Record<string, unknown> | null = null;
  let problem: string | null = null;
  const factsText = params.get('facts');
  if (factsText !== null) {
    try {
      const parsed = JSON.parse(factsText) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      facts = parsed as Record<string, unknown>;
    } catch {
      problem = '链接里的事实无法读取（链接可能不完整），已载入案例的原始事实。';
    }
  }
  const editionText = params.get('edition');
  const edition = editions.find((candidate) => candidate.id === editionText)?.id ?? null;
  if (editionText !== null && edition === null) problem = `链接里的规则版本“${editionText}”不存在，已使用案例的版本。`;
  return { slug: params.get('case'), facts, edition, problem };
}

/** The studio link that opens these facts as a new case (lead-only; others are sent to sign in). */
export function studioCaseHref(facts: Record<string, unknown>, edition: EditionId): string {
  const params = new URLSearchParams({ new: '1', facts: JSON.stringify(facts) });
  if (edition !== CURRENT_EDITION) params.set('edition', edition);
  return `/lead/studio/case?${params.toString()}`;
}

/**
 * Whether the sandbox shows a case's own facts, unedited, in the case's own edition, before any outcome: the build has
 * already evaluated exactly that scenario (`sandboxCaseOutcomePath`, sandbox-evaluation.ts).
 */
export function isUneditedCase(state: Pick<SandboxState, 'loaded' | 'draft' | 'edition' | 'isFreshLoad'>): boolean {
  return state.isFreshLoad && state.loaded.slug !== '' && state.draft === state.loaded.draft && state.edition === state.loaded.edition;
}

/** Where the build writes the evaluation of a case's own facts (a static JSON file next to the sandbox page). */
export function sandboxCaseOutcomePath(slug: string): string {
  return `/sandbox/outcomes/${encodeURIComponent(slug)}.json`;
}

/**
 * A {@link SandboxEvaluation} as the build writes it for a case (`sandboxCaseOutcomePath`): the ruling once, not three
 * times. `shown` is left out when it is the outcome itself (always, for a ruling), and the view without its ruling.
 */
export interface PackedEvaluation {
  readonly outcome: SandboxOutcome;
  readonly shown?: SandboxOutcome;
  readonly view: Omit<RulingView, 'ruling'> | null;
}

export function packEvaluation({ outcome, shown, view }: SandboxEvaluation): PackedEvaluation {
  const rest = view && { trace: view.trace, sopCount: view.sopCount, titles: view.titles };
  return shown === outcome ? { outcome, view: rest } : { outcome, shown, view: rest };
}

export function unpackEvaluation(packed: PackedEvaluation): SandboxEvaluation {
  const shown = packed.shown ?? packed.outcome;
  return { outcome: packed.outcome, shown, view: packed.view && shown.kind === 'ruling' ? { ...packed.view, ruling: shown.ruling } : null };
}
