import { CURRENT_EDITION } from '../../rules/index.ts';
import { bankSeeds, substitute, variantId, type AnswerValue, type QuestionSource, type Template } from '../../quiz/index.ts';
import { claimHoldsText, describeClaimFlip, readClaim } from './claims.ts';
import { compareQuestion, type Flip } from './flip.ts';
import type { ImpactPolicy } from './policy.ts';
import { decidePair } from './side-by-side.ts';
import { variantSpace, type VariantPoint } from './variant-space.ts';

/** How a template fared over its variant space. */
export interface TemplateImpact {
  readonly templateId: string;
  /** Exam-only template: its variants are drawn by certification exams. */
  readonly exam: boolean;
  readonly topics: readonly string[];
  readonly variantsChecked: number;
  readonly variantsFlipped: number;
  /** Bank seeds (the variants practice and exams draw) whose answer flips. */
  readonly bankSeedsFlipped: readonly number[];
  /** Attributed rules with how many variant flips each caused, most first. */
  readonly rules: readonly { readonly ruleId: string; readonly flips: number }[];
  /** Up to `EXAMPLES` flips, bank seeds first, for the table. */
  readonly examples: readonly Flip[];
}

const EXAMPLES = 3;

const paramsText = (point: VariantPoint) =>
  Object.entries(point.params)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('，');

function variantFlip(template: Template, point: VariantPoint, from: ImpactPolicy, to: ImpactPolicy, declared: ReadonlySet<string>): Flip | undefined {
  const facts = substitute(template.facts, point.params);
  const pair = decidePair(from, to, facts, template.edition ?? CURRENT_EDITION);
  const where = {
    kind: 'template' as const,
    contentId: template.id,
    detail: point.seed !== undefined ? `种子 ${point.seed}：${paramsText(point)}` : `参数 ${paramsText(point)}`,
    ...(point.seed !== undefined ? { variantId: variantId(template.id, point.seed) } : {}),
  };
  if (template.type === 'single') return compareQuestion(pair, template.ask!, where, declared);
  const ask = template.claim!.ask;
  const equals = substitute(template.claim!.equals, point.params) as AnswerValue;
  const flip = compareQuestion(pair, ask, where, declared, readClaim(ask, equals), claimHoldsText);
  return flip && describeClaimFlip(flip, ask, equals, pair);
}

/**
 * Every template over its variant space (`variantSpace`: seeds 1..`seedCount`, then the parameter grid up to
 * `gridLimit` combinations), with every variant flip for rule counts and a summary per template that flips.
 */
export function templateImpacts(
  files: readonly QuestionSource[],
  from: ImpactPolicy,
  to: ImpactPolicy,
  declared: ReadonlySet<string>,
  options: { readonly seedCount: number; readonly gridLimit: number },
): { readonly impacts: TemplateImpact[]; readonly flips: Flip[]; readonly variantsChecked: number } {
  const seeds = Array.from({ length: Math.max(options.seedCount, bankSeeds.length) }, (_, index) => index + 1);
  const impacts: TemplateImpact[] = [];
  const flips: Flip[] = [];
  let variantsChecked = 0;
  for (const template of files.flatMap((file) => file.templates)) {
    const points = variantSpace(template, seeds, options.gridLimit);
    variantsChecked += points.length;
    const mine = points.flatMap((point) => {
      const flip = variantFlip(template, point, from, to, declared);
      return flip ? [{ flip, point }] : [];
    });
    if (mine.length === 0) continue;
    flips.push(...mine.map(({ flip }) => flip));
    const counts = new Map<string, number>();
    for (const { flip } of mine) counts.set(flip.ruleId, (counts.get(flip.ruleId) ?? 0) + 1);
    const bankSeedsFlipped = mine.flatMap(({ point }) => (point.seed !== undefined && bankSeeds.includes(point.seed) ? [point.seed] : []));
    impacts.push({
      templateId: template.id,
      exam: template.exam,
      topics: template.topics,
      variantsChecked: points.length,
      variantsFlipped: mine.length,
      bankSeedsFlipped,
      rules: [...counts].map(([ruleId, count]) => ({ ruleId, flips: count })).sort((a, b) => b.flips - a.flips || a.ruleId.localeCompare(b.ruleId)),
      examples: [...mine]
        .sort((a, b) => Number(b.point.seed !== undefined) - Number(a.point.seed !== undefined))
        .slice(0, EXAMPLES)
        .map(({ flip }) => flip),
    });
  }
  return { impacts, flips, variantsChecked };
}
