import { CURRENT_EDITION, RuleEngineError, type Ruling } from '../rules/index.ts';
import {
  answerOf,
  drawParams,
  fieldDomain,
  generateVariant,
  sameAnswer,
  substitute,
  variantId,
  type AnswerValue,
  type ParamValues,
  type Template,
  type Variant,
} from '../quiz/index.ts';
import { bankSeeds } from '../quiz/index.ts';
import { nearMissAnswers } from '../quiz/index.ts';
import { directRuleCalls, rememberingRuleCalls } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { answerText, askedFieldText, traceFor } from './asked-field-text.ts';
import { engineAuthorErrors } from './engine-errors.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { fieldText, type FieldPath } from './question-paths.ts';
import type { ScenarioCheckContext } from './scenario-check.ts';
import { quoteValue } from './value-text.ts';

/** Seeds 1..checkedSeedsPerTemplate of every template are checked; the bank draws from the first few (`bankSeeds`). */
export const checkedSeedsPerTemplate = 50;

const RECHECK = `改完后再运行 npm run check:content：检查会重新抽取种子 1–${checkedSeedsPerTemplate}，直到每个种子都能出题。`;

const paramsText = (params: ParamValues) =>
  Object.entries(params)
    .map(([name, value]) => `${name} = ${quoteValue(value)}`)
    .join('，') || '（没有参数）';

interface Where {
  readonly file: string;
  /** Path of the template, e.g. `['templates', 0]`. */
  readonly path: FieldPath;
  readonly locate: Locate;
}

function seedFailure(template: Template, seed: number, params: ParamValues, error: unknown, where: Where): AuthorError {
  const base = { code: 'TEMPLATE_SEED_FAILS' as const, file: where.file, item: variantId(template.id, seed), wrote: paramsText(params) };
  const facts = substitute(template.facts, params);
  const engine = error instanceof RuleEngineError ? engineAuthorErrors(where.file, where.locate, error, facts, fieldText([...where.path, 'facts'])) : undefined;
  if (engine?.[0]) {
    const { field, line, trace, fix } = engine[0];
    return { ...base, ...(line === undefined ? {} : { line }), field, problem: `种子 ${seed} 抽到的情景：${(error as Error).message}`, trace, fix: `${fix}如果这个事实取决于参数，让参数的范围避开这种情况。${RECHECK}` };
  }
  const field = fieldText([...where.path, 'params']);
  return {
    ...base,
    ...lineOf(where.locate, field),
    field,
    problem: `种子 ${seed}：${error instanceof Error ? error.message : String(error)}`,
    trace: [],
    fix: `按 content/README.md 的“模板”一节核对参数的写法。${RECHECK}`,
  };
}

function optionsFailure(template: Template, seed: number, params: ParamValues, ruling: Ruling, problem: string, fix: string, where: Where): AuthorError {
  const field = fieldText([...where.path, 'ask']);
  return {
    code: 'TEMPLATE_SEED_FAILS',
    file: where.file,
    item: variantId(template.id, seed),
    ...lineOf(where.locate, field),
    field,
    wrote: paramsText(params),
    problem,
    trace: traceFor(template.ask!, ruling),
    fix: `${fix}${RECHECK}`,
  };
}

/** One drawn scenario as the gate sees it: its ruling, the answer it teaches and (once looked for) whether a near miss changes it. */
interface Draw {
  readonly params: ParamValues;
  readonly ruling: Ruling;
  readonly taught: AnswerValue;
  nearMiss?: boolean;
}

/** One seed's parameters decided: the scenario's ruling and the answer it teaches. Throws what deciding throws. */
function decideDraw(template: Template, params: ParamValues, context: ScenarioCheckContext): Draw {
  const rules = context.rules ?? directRuleCalls;
  const facts = rules.templateFacts(template, params);
  const ruling = rules.decide(facts, { edition: template.edition ?? CURRENT_EDITION, shopPolicy: context.shopPolicy });
  if (template.type === 'single') return { params, ruling, taught: answerOf(template.ask!, ruling, facts, rules.parseFacts) };
  const claim = template.claim!;
  return { params, ruling, taught: sameAnswer(answerOf(claim.ask, ruling, facts, rules.parseFacts), substitute(claim.equals, params) as AnswerValue) };
}

/**
 * Checks seeds 1..checkedSeedsPerTemplate of a schema-valid template and reports the first seed that cannot make a
 * question (TEMPLATE_SEED_FAILS: parameters that cannot be drawn, facts the engine refuses, fewer than two options),
 * then TEMPLATE_DEGENERATE when every seed teaches the same answer, or TEMPLATE_NO_NEAR_MISS when no single-choice seed
 * has a near-miss distractor. Returns the bank's variants (`bankSeeds`) when all checks pass.
 *
 * Every seed is drawn and decided, which is everything `generateVariant` can fail on; fewer than two options can only
 * happen for a field with no fixed list of values (the list pads the rest) when no near miss differs. Only the bank's
 * seeds are generated in full: the other seeds' distractors would cost a dozen more rulings each and show nothing new.
 * tests/question-bank.test.ts generates every seed of the real templates to keep this equivalence honest.
 */
export function checkTemplateSeeds(template: Template, where: Where, gateContext: ScenarioCheckContext): { errors: AuthorError[]; variants: Variant[] } {
  // Seeds that draw the same parameters, and near misses shared between seeds, are decided once (see rememberingRuleCalls);
  // a caller checking many templates may pass one memo for all of them.
  const context: ScenarioCheckContext = { ...gateContext, rules: gateContext.rules ?? rememberingRuleCalls() };
  const variants: Variant[] = [];
  const taught: AnswerValue[] = [];
  let firstRuling: Ruling | undefined;
  // A near miss is looked for until one is found: one variant with a plausible wrong answer shows the parameters sit
  // near a boundary of the rules. Requiring one in every variant refuses sound questions whose field has two values
  // (buyer/seller: the other party is the only distractor either way) or whose answer has two independent causes.
  let hasNearMiss = template.type !== 'single';
  const needsNearMiss = template.type === 'single' && fieldDomain(template.ask!).length === 0;
  // Seeds of a small parameter domain draw the same parameters again (about 6 in 10 seeds of the real templates): such a
  // seed teaches what the first one taught and has the same near misses, so each distinct draw is read once.
  const draws = new Map<string, Draw>();
  for (let seed = 1; seed <= checkedSeedsPerTemplate; seed++) {
    let drawn: Draw;
    try {
      const params = drawParams(template, seed);
      const key = JSON.stringify(params);
      let known = draws.get(key);
      if (!known) draws.set(key, (known = decideDraw(template, params, context)));
      drawn = known;
    } catch (error) {
      return { errors: [seedFailure(template, seed, drawParams(template, seed), error, where)], variants: [] };
    }
    firstRuling ??= drawn.ruling;
    taught.push(drawn.taught);
    if (template.type === 'single' && (needsNearMiss || !hasNearMiss)) {
      const found = (drawn.nearMiss ??= nearMissAnswers(template, drawn.params, drawn.taught, context).length > 0);
      if (needsNearMiss && !found) {
        const field = template.ask!;
        const problem = `种子 ${seed} 只凑出 1 个选项：${askedFieldText(field)} 是 ${answerText(field, drawn.taught)}，任何一个参数换成相邻的取值答案都不变，而 ${field} 没有固定的可选值可以补充。`;
        const fix = '让参数取到规则分界的两边（例如期限参数的 offsetMinutes 写 [-1, 0]，时间参数的范围跨过期限），或者改问有固定可选值的一项（resolution、supported、freight.* 等）。';
        return { errors: [optionsFailure(template, seed, drawn.params, drawn.ruling, problem, fix, where)], variants: [] };
      }
      hasNearMiss ||= found;
    }
    if (bankSeeds.includes(seed)) {
      try {
        variants.push(generateVariant(template, seed, context));
      } catch (error) {
        return { errors: [seedFailure(template, seed, drawn.params, error, where)], variants: [] };
      }
    }
  }
  const field = fieldText([...where.path, 'params']);
  const asked = template.type === 'single' ? template.ask! : template.claim!.ask;
  // Built only for a message: locating a line parses the file's YAML again.
  const common = () => ({ file: where.file, item: template.id, ...lineOf(where.locate, field), field, wrote: Object.keys(template.params).join('、') || '（没有参数）' });
  if (taught.every((value) => sameAnswer(value, taught[0]!))) {
    const answer = template.type === 'single' ? `${askedFieldText(asked)} 都是 ${answerText(asked, taught[0]!)}` : `断言都${taught[0] ? '成立' : '不成立'}`;
    return {
      errors: [
        {
          code: 'TEMPLATE_DEGENERATE',
          ...common(),
          decided: `种子 1–${checkedSeedsPerTemplate} 的变体，${answer}`,
          trace: traceFor(asked, firstRuling!),
          fix: '让参数跨过规则的分界：期限参数的 offsetMinutes 同时写期限前（-1）和期限当刻（0），或在 oneOf 里放会改变结论的取值。如果这个结论本来就不随参数变化，改写成一道普通题目（items）。',
        },
      ],
      variants: [],
    };
  }
  if (!hasNearMiss) {
    return {
      errors: [
        {
          code: 'TEMPLATE_NO_NEAR_MISS',
          ...common(),
          problem: `种子 1–${checkedSeedsPerTemplate} 的变体里，没有一个能把某个参数换成相邻的取值就改变 ${askedFieldText(asked)}：干扰项全是从可选值里随便补的，学员不用看情景细节也能排除。`,
          trace: [],
          fix: '缩小参数的范围，让抽到的取值常常落在规则的分界附近：例如 int 参数的范围只跨过分界几步，时间参数改用期限参数（deadline + offsetMinutes）。',
        },
      ],
      variants: [],
    };
  }
  return { errors: [], variants };
}
