import { CURRENT_EDITION, RuleEngineError } from '../rules/index.ts';
import { answerOf, sameAnswer, type AnswerValue } from './asked-fields.ts';
import { directRuleCalls } from './ruling-memo.ts';
import type { ScenarioContext } from './scenario.ts';
import type { ParamSpec, Template } from './template-schema.ts';
import { addMinutesText, sevenDayEndText, shipByText } from './variant-time.ts';
import type { ParamValues } from './placeholders.ts';

type Scalar = string | number | boolean;

// Mirrors the near misses `distractors()` tries first (variants.ts keeps its own private): the other choices of a
// oneOf, one step either side of an int or time, the deadline offsets widened by a minute. tests/question-bank.test.ts
// checks that every answer found here is among the distractors a variant offers, so the two cannot drift apart.
function deadlineValue(spec: Extract<ParamSpec, { deadline: string }>, offset: number, params: ParamValues): string {
  const from = String(params[spec.from] ?? spec.from);
  const end =
    spec.deadline === 'sevenDayWindowEnd'
      ? sevenDayEndText(from)
      : shipByText(from, String(params[spec.channel ?? ''] ?? spec.channel ?? 'taobao'), spec.hours ? Number(params[spec.hours]) : undefined);
  return addMinutesText(end, offset);
}

function nearMisses(spec: ParamSpec, value: Scalar, params: ParamValues): Scalar[] {
  if ('oneOf' in spec) return spec.oneOf.filter((other) => other !== value);
  if ('int' in spec) return [Number(value) - 1, Number(value) + 1].filter((other) => other >= spec.int[0] && other <= spec.int[1]);
  if ('time' in spec) return [addMinutesText(String(value), -spec.stepMinutes), addMinutesText(String(value), spec.stepMinutes)];
  const offsets = new Set([...spec.offsetMinutes, ...spec.offsetMinutes.map((offset) => offset - 1), ...spec.offsetMinutes.map((offset) => offset + 1)]);
  return [...offsets].map((offset) => deadlineValue(spec, offset, params)).filter((other) => other !== value);
}

/**
 * The answers a single-choice template gives when exactly one parameter moves to a neighbouring value, without
 * `key` and without repeats: the "near-miss" distractors a variant drawn with `params` can offer. Empty when no single
 * change moves the answer, so every distractor would be padding from the field's list of values. Near misses the
 * engine cannot decide are skipped, as `distractors()` skips them.
 */
export function nearMissAnswers(template: Template, params: ParamValues, key: AnswerValue, context: ScenarioContext): AnswerValue[] {
  const field = template.ask;
  if (!field) return [];
  const found: AnswerValue[] = [];
  const rules = context.rules ?? directRuleCalls;
  for (const [name, spec] of Object.entries(template.params)) {
    const value = params[name];
    if (value === undefined) continue;
    for (const other of nearMisses(spec, value, params)) {
      const facts = rules.templateFacts(template, { ...params, [name]: other });
      let answer: AnswerValue;
      try {
        answer = answerOf(field, rules.decide(facts, { edition: template.edition ?? CURRENT_EDITION, shopPolicy: context.shopPolicy }), facts, rules.parseFacts);
      } catch (error) {
        if (error instanceof RuleEngineError) continue;
        throw error;
      }
      if (!sameAnswer(answer, key) && !found.some((seen) => sameAnswer(seen, answer))) found.push(answer);
    }
  }
  return found;
}
