import {
  ContradictoryFactsError,
  decide,
  InvalidFactsError,
  MissingFactError,
  RuleEngineError,
  type DecideOptions,
  type Ruling,
} from '../../rules/index.ts';
import type { FieldError } from './fact-draft.ts';

/** What the sandbox shows after an edit: a ruling, or why there is none. Never a thrown error. */
export type SandboxOutcome =
  | { readonly kind: 'ruling'; readonly ruling: Ruling }
  /** Some fields could not be read; the engine was not asked. */
  | { readonly kind: 'form-errors'; readonly errors: readonly FieldError[] }
  | {
      readonly kind: 'engine-error';
      readonly code: RuleEngineError['code'] | 'INTERNAL';
      /** The engine's own Chinese message. */
      readonly message: string;
      /** Per-fact problems to show next to the fields (invalid or contradictory facts). */
      readonly issues: readonly FieldError[];
      /** The fact a rule needed and did not get, with the rule that asked. */
      readonly missing?: { readonly path: string; readonly ruleId: string; /** The form's label of the fact, once worded for learners. */ readonly label?: string };
    };

/**
 * Runs decide() on facts rebuilt from the form and turns every outcome, including the engine's deliberate errors
 * and any unexpected one, into something the panel can render.
 */
export function sandboxOutcome(facts: unknown, fieldErrors: readonly FieldError[], options: DecideOptions): SandboxOutcome {
  if (fieldErrors.length > 0) return { kind: 'form-errors', errors: fieldErrors };
  try {
    return { kind: 'ruling', ruling: decide(facts, options) };
  } catch (error) {
    if (error instanceof MissingFactError) {
      return {
        kind: 'engine-error',
        code: error.code,
        message: error.message,
        issues: [{ path: error.fact, message: '裁决需要这一项，请填写。' }],
        missing: { path: error.fact, ruleId: error.ruleId },
      };
    }
    if (error instanceof InvalidFactsError) {
      return { kind: 'engine-error', code: error.code, message: error.message, issues: error.issues };
    }
    if (error instanceof ContradictoryFactsError) {
      const issues = error.facts.map((path) => ({ path, message: '与其他事实矛盾，见上方说明。' }));
      return { kind: 'engine-error', code: error.code, message: error.message, issues };
    }
    if (error instanceof RuleEngineError) return { kind: 'engine-error', code: error.code, message: error.message, issues: [] };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'engine-error',
      code: 'INTERNAL',
      message: `规则引擎在这组事实上出错了（${detail}）。这是程序缺陷，不是你的填写问题：请复制事实并报告给维护者。`,
      issues: [],
    };
  }
}
