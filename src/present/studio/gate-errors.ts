import { expectedKeyOfGateField } from './expected-form.ts';

/** A content gate error as the studio API returns it (the gate's AuthorError plus the file's studio path). */
export interface GateErrorView {
  readonly code: string;
  readonly file: string;
  readonly path?: string;
  readonly item?: string;
  readonly line?: number;
  readonly field: string;
  readonly wrote: string;
  readonly decided?: string;
  readonly problem?: string;
  readonly trace: readonly { readonly ruleId: string; readonly title: string; readonly note: string }[];
  readonly fix: string;
}

export interface PlacedGateErrors {
  /** Expected-form key → errors shown at that field. */
  readonly expected: ReadonlyMap<string, readonly GateErrorView[]>;
  /** Fact path (without `facts.`) → errors shown under that fact. */
  readonly facts: ReadonlyMap<string, readonly GateErrorView[]>;
  /** Frontmatter key (title, summary, topics, difficulty, edition, related) → errors. */
  readonly meta: ReadonlyMap<string, readonly GateErrorView[]>;
  /** Errors with no field in this editor (another file, the whole case): listed above the form. */
  readonly other: readonly GateErrorView[];
}

const META_KEYS = new Set(['title', 'summary', 'topics', 'difficulty', 'edition', 'related']);

function push(map: Map<string, GateErrorView[]>, key: string, error: GateErrorView) {
  map.set(key, [...(map.get(key) ?? []), error]);
}

/** Puts each gate error at the editor field it is about; errors in other files (or unplaced) go to `other`. */
export function placeGateErrors(errors: readonly GateErrorView[], path: string): PlacedGateErrors {
  const expected = new Map<string, GateErrorView[]>();
  const facts = new Map<string, GateErrorView[]>();
  const meta = new Map<string, GateErrorView[]>();
  const other: GateErrorView[] = [];
  for (const error of errors) {
    const own = error.path === undefined || error.path === path;
    const key = own ? expectedKeyOfGateField(error.field) : undefined;
    const top = error.field.split(/[.[]/)[0] ?? '';
    if (key) push(expected, key, error);
    else if (own && error.field.startsWith('facts.')) push(facts, error.field.slice('facts.'.length), error);
    else if (own && META_KEYS.has(top)) push(meta, top, error);
    else other.push(error);
  }
  return { expected, facts, meta, other };
}

/** The message lines of a gate error, as `npm run check:content` prints them, without the location line. */
export function gateErrorLines(error: GateErrorView): string[] {
  const lines = [`你写的：${error.wrote}`];
  if (error.decided !== undefined) lines.push(`引擎判定：${error.decided}`);
  if (error.problem !== undefined) lines.push(`问题：${error.problem}`);
  for (const step of error.trace) lines.push(`依据：${step.ruleId} ${step.title} — ${step.note}`);
  lines.push(`修改：${error.fix}`);
  return lines;
}
