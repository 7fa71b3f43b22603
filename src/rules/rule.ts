import type { EditionId } from './editions.ts';
import { MissingFactError } from './errors.ts';
import { describeFact } from './fact-docs.ts';
import type { Facts } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import type { RuleHead } from './rule-meta.ts';
import type { FactRead, TraceStep } from './ruling.ts';
import type { ShopPolicy } from './shop-policy.ts';

type Leaf = string | number | boolean;

type LeafPaths<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf ? K : `${K}.${LeafPaths<NonNullable<T[K]>>}`;
}[keyof T & string];

type ValueAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<NonNullable<T[Head]>, Rest>
    : never
  : P extends keyof T
    ? NonNullable<T[P]>
    : never;

/** Every readable fact, as a dotted path: `delivery.signedAt`, `order.freeShipping`, … */
export type FactPath = LeafPaths<Facts>;
export type FactValue<P extends FactPath> = ValueAt<Facts, P>;

/** What a rule's function returns: whether its condition held and why, plus whatever the rule decides. */
export interface RuleOutcome {
  readonly applies: boolean;
  /** Chinese explanation shown in the trace. */
  readonly note: string;
}

/** The only window a rule has onto the scenario: every read is recorded in the trace. */
export interface FactReader {
  /** Returns a fact the rule cannot do without; throws `MissingFactError` when it is absent. */
  fact<P extends FactPath>(path: P): FactValue<P>;
  /** Returns a fact that may legitimately be absent (absence is recorded too). */
  optional<P extends FactPath>(path: P): FactValue<P> | undefined;
  readonly edition: EditionId;
  readonly parameters: PolicyParameters;
  readonly shopPolicy: ShopPolicy;
}

/** A rule: permanent metadata next to the pure function that evaluates it. */
export interface Rule<Args extends unknown[], Outcome extends RuleOutcome> {
  readonly meta: RuleHead;
  readonly evaluate: (read: FactReader, ...args: Args) => Outcome;
}

export function defineRule<Args extends unknown[], Outcome extends RuleOutcome>(
  meta: RuleHead,
  evaluate: (read: FactReader, ...args: Args) => Outcome,
): Rule<Args, Outcome> {
  return { meta, evaluate };
}

// Rules read facts by a fixed set of literal paths, thousands of times per content check: split each path once.
const pathSegments = new Map<string, readonly string[]>();

function valueAt(facts: Facts, path: string): unknown {
  let segments = pathSegments.get(path);
  if (!segments) pathSegments.set(path, (segments = path.split('.')));
  let current: unknown = facts;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** One run of the rules over one scenario; collects the trace in evaluation order. */
export class Evaluation {
  readonly #trace: TraceStep[] = [];
  readonly #path: { readonly table: string; readonly row: number }[] = [];
  readonly #consulted = new Map<Rule<never, RuleOutcome>, { args: readonly unknown[]; outcome: RuleOutcome }[]>();
  readonly facts: Facts;
  readonly edition: EditionId;
  readonly parameters: PolicyParameters;
  readonly shopPolicy: ShopPolicy;

  constructor(facts: Facts, edition: EditionId, parameters: PolicyParameters, shopPolicy: ShopPolicy) {
    this.facts = facts;
    this.edition = edition;
    this.parameters = parameters;
    this.shopPolicy = shopPolicy;
  }

  get trace(): readonly TraceStep[] {
    return this.#trace;
  }

  /** The decision-table rows that settled a table, innermost first (a hand-over row settles after its stage). */
  get path(): readonly { readonly table: string; readonly row: number }[] {
    return this.#path;
  }

  /** Records that row `row` (0-based) of table `table` settled it. */
  settled(table: string, row: number): void {
    this.#path.push({ table, row });
  }

  /**
   * `check` once per scenario: returns the outcome of an earlier `consult` of `rule` with the same arguments instead
   * of evaluating (and tracing) it again. Decision-table rows use it, so each row can state its own condition while
   * the trace still lists a rule once.
   */
  consult<Args extends unknown[], Outcome extends RuleOutcome>(rule: Rule<Args, Outcome>, ...args: Args): Outcome {
    const key = rule as unknown as Rule<never, RuleOutcome>;
    const earlier = this.#consulted.get(key)?.find((entry) => entry.args.length === args.length && entry.args.every((arg, i) => Object.is(arg, args[i])));
    if (earlier) return earlier.outcome as Outcome;
    const outcome = this.check(rule, ...args);
    const entries = this.#consulted.get(key) ?? [];
    entries.push({ args, outcome });
    this.#consulted.set(key, entries);
    return outcome;
  }

  /** Evaluates `rule`, records a trace step with the facts it read, and returns its outcome. */
  check<Args extends unknown[], Outcome extends RuleOutcome>(rule: Rule<Args, Outcome>, ...args: Args): Outcome {
    const reads: FactRead[] = [];
    const { facts } = this;
    const record = (path: string, value: unknown) => {
      if (!reads.some((read) => read.path === path)) reads.push({ path, value });
    };
    const reader: FactReader = {
      fact: (path) => {
        const value = valueAt(facts, path);
        if (value === undefined) throw new MissingFactError(path, rule.meta.id, rule.meta.title, describeFact(path));
        record(path, value);
        return value as never;
      },
      optional: (path) => {
        const value = valueAt(facts, path);
        record(path, value);
        return value as never;
      },
      edition: this.edition,
      parameters: this.parameters,
      shopPolicy: this.shopPolicy,
    };
    const outcome = rule.evaluate(reader, ...args);
    this.#trace.push({ ruleId: rule.meta.id, applied: outcome.applies, facts: reads, note: outcome.note });
    return outcome;
  }
}
