import { addMinutesText, shipByText, sevenDayEndText } from './variant-time.ts';
import { CURRENT_EDITION, formatBeijingTime, parseBeijingTime, RuleEngineError } from '../rules/index.ts';
import { answerOf, sameAnswer, type AnswerValue } from './asked-fields.ts';
import type { TrueFalseItem, ValueItem } from './item-schema.ts';
import { deriveKey, type Key } from './keys.ts';
import { fieldDomain, optionText } from './option-text.ts';
import { renderStem, substitute, type ParamValues } from './placeholders.ts';
import { pick, seededRandom, shuffled } from './random.ts';
import { directRuleCalls, type RuleCalls } from './ruling-memo.ts';
import type { ScenarioContext } from './scenario.ts';
import type { ParamSpec, Template } from './template-schema.ts';

type Scalar = ParamValues[string];

/** A concrete question drawn from a template; `seed` reproduces it exactly. */
export interface Variant {
  readonly templateId: string;
  readonly seed: number;
  readonly params: ParamValues;
  readonly item: ValueItem | TrueFalseItem;
  readonly key: Key;
}

export const variantId = (templateId: string, seed: number) => `${templateId}~${seed}`;

const isDeadline = (spec: ParamSpec): spec is Extract<ParamSpec, { deadline: string }> => 'deadline' in spec;

function drawValue(spec: ParamSpec, random: () => number, drawn: Record<string, Scalar>): Scalar {
  if ('oneOf' in spec) return pick(random, spec.oneOf);
  if ('int' in spec) return spec.int[0] + Math.floor(random() * (spec.int[1] - spec.int[0] + 1));
  if ('time' in spec) {
    const from = parseBeijingTime(spec.time[0])!;
    const to = parseBeijingTime(spec.time[1])!;
    const steps = Math.floor((to - from) / (spec.stepMinutes * 60_000));
    return formatBeijingTime(from + Math.floor(random() * (steps + 1)) * spec.stepMinutes * 60_000);
  }
  return deadlineValue(spec, pick(random, spec.offsetMinutes), drawn);
}

function deadlineValue(spec: Extract<ParamSpec, { deadline: string }>, offset: number, drawn: Record<string, Scalar>): string {
  const from = String(drawn[spec.from] ?? spec.from);
  const end =
    spec.deadline === 'sevenDayWindowEnd'
      ? sevenDayEndText(from)
      : shipByText(from, String(drawn[spec.channel ?? ''] ?? spec.channel ?? 'taobao'), spec.hours ? Number(drawn[spec.hours]) : undefined);
  return addMinutesText(end, offset);
}

/** Draws every parameter; deadline-relative parameters last, since they depend on the others. */
export function drawParams(template: Template, seed: number): ParamValues {
  const random = seededRandom(seed);
  const drawn: Record<string, Scalar> = {};
  const entries = Object.entries(template.params);
  for (const [name, spec] of entries.filter(([, spec]) => !isDeadline(spec))) drawn[name] = drawValue(spec, random, drawn);
  for (const [name, spec] of entries.filter(([, spec]) => isDeadline(spec))) drawn[name] = drawValue(spec, random, drawn);
  return drawn;
}

/** Values next to `value` for one parameter: the other choices, a step or a minute either side. */
function nearMisses(spec: ParamSpec, value: Scalar, params: ParamValues): Scalar[] {
  if ('oneOf' in spec) return spec.oneOf.filter((other) => other !== value);
  if ('int' in spec) return [Number(value) - 1, Number(value) + 1].filter((other) => other >= spec.int[0] && other <= spec.int[1]);
  if ('time' in spec) return [addMinutesText(String(value), -spec.stepMinutes), addMinutesText(String(value), spec.stepMinutes)];
  const offsets = new Set([...spec.offsetMinutes, ...spec.offsetMinutes.map((offset) => offset - 1), ...spec.offsetMinutes.map((offset) => offset + 1)]);
  return [...offsets].map((offset) => deadlineValue(spec, offset, { ...params })).filter((other) => other !== value);
}

function tryAnswer(template: Template, params: ParamValues, field: NonNullable<Template['ask']>, rules: RuleCalls): AnswerValue | undefined {
  const facts = rules.templateFacts(template, params);
  try {
    return answerOf(field, rules.decide(facts, { edition: template.edition ?? CURRENT_EDITION }), facts, rules.parseFacts);
  } catch (error) {
    if (error instanceof RuleEngineError) return undefined;
    throw error;
  }
}

const confusablePairs: readonly (readonly [AnswerValue, AnswerValue])[] = [['reject', 'pay-seller']];

function confusable(a: AnswerValue, b: AnswerValue): boolean {
  return confusablePairs.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/**
 * Distractors from near-miss rulings: flip one parameter (another choice, one step or one minute either side of a
 * deadline) and keep the answers that differ from the key; pad from the field's domain when too few differ.
 */
export function distractors(template: Template, params: ParamValues, key: AnswerValue, wanted: number, rules: RuleCalls = directRuleCalls): AnswerValue[] {
  const field = template.ask!;
  const found: AnswerValue[] = [];
  const add = (value: AnswerValue | undefined) => {
    if (value !== undefined && !sameAnswer(value, key) && !found.some((other) => sameAnswer(other, value))) found.push(value);
  };
  for (const [name, spec] of Object.entries(template.params)) {
    for (const other of nearMisses(spec, params[name]!, params)) add(tryAnswer(template, { ...params, [name]: other }, field, rules));
  }
  // Padding skips outcomes a learner cannot tell from the key by the question alone (驳回 vs 打款卖家: the seller keeps
  // the money either way); near misses above may still offer them, since a changed fact really leads there.
  for (const value of fieldDomain(field)) if (!confusable(key, value)) add(value);
  return found.slice(0, wanted);
}

/**
 * Draws variant `seed` of a template and keys it with the rule module. Throws what `decide()` throws when the
 * drawn facts are incomplete or contradictory — the content gate samples seeds to catch such templates.
 */
export function generateVariant(template: Template, seed: number, context: ScenarioContext): Variant {
  const rules = context.rules ?? directRuleCalls;
  const params = drawParams(template, seed);
  const facts = rules.templateFacts(template, params);
  const scenario = { facts, edition: template.edition ?? CURRENT_EDITION };
  const common = {
    id: variantId(template.id, seed),
    topics: template.topics,
    difficulty: template.difficulty,
    exam: template.exam,
    stem: renderStem(template, params),
    ...(template.explanation ? { explanation: template.explanation } : {}),
  };
  if (template.type === 'truefalse') {
    const claim = { ask: template.claim!.ask, equals: substitute(template.claim!.equals, params) as AnswerValue };
    const provisional: TrueFalseItem = { ...common, type: 'truefalse', scenario, claim, labels: template.labels, answer: true };
    const key = deriveKey(provisional, context);
    return { templateId: template.id, seed, params, item: { ...provisional, answer: key.answer as boolean }, key };
  }
  const field = template.ask!;
  const keyValue = answerOf(field, rules.decide(facts, { edition: scenario.edition, shopPolicy: context.shopPolicy }), facts, rules.parseFacts);
  const wanted = fieldDomain(field).length === 2 ? 1 : 3;
  const values = shuffled(seededRandom(seed ^ 0x5bd1e995), [keyValue, ...distractors(template, params, keyValue, wanted, rules)]);
  const options = values.map((value) => ({ value, text: optionText(field, value) }));
  const provisional: ValueItem = { ...common, type: 'single', scenario, ask: field, options, answer: 0 };
  const key = deriveKey(provisional, context);
  return { templateId: template.id, seed, params, item: { ...provisional, answer: key.answer as number }, key };
}
