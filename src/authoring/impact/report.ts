import { ruleById } from '../../rules/index.ts';
import type { ScenarioContext } from '../../quiz/index.ts';
import { blueprintImpacts, examPools, isExamQuestion, type BlueprintImpact } from './blueprints.ts';
import { caseFlips, type CaseFlip } from './cases.ts';
import type { ImpactContent } from './content.ts';
import type { Flip } from './flip.ts';
import { authoredItemFlips, type ItemFlip } from './items.ts';
import type { ImpactPolicy } from './policy.ts';
import { templateImpacts, type TemplateImpact } from './templates.ts';

/** A rule the change touches. */
export interface RuleChange {
  readonly ruleId: string;
  readonly title: string;
  /** Flips attributed to it, over cases, items and every template variant checked. */
  readonly flips: number;
  /** Whether the policies declare it changed (edition notes, or different metadata between revisions). */
  readonly declared: boolean;
}

export interface ImpactReport {
  readonly from: { readonly id: string; readonly title: string };
  readonly to: { readonly id: string; readonly title: string };
  readonly checked: { readonly cases: number; readonly items: number; readonly templates: number; readonly variants: number; readonly exams: number };
  readonly cases: readonly CaseFlip[];
  readonly items: readonly ItemFlip[];
  /** Templates with at least one flipped variant. */
  readonly templates: readonly TemplateImpact[];
  /** Every exam blueprint, flipped or not. */
  readonly blueprints: readonly BlueprintImpact[];
  /** Rules with an attributed flip or a declared change, most flips first. */
  readonly changedRules: readonly RuleChange[];
  /**
   * Rules a certificate must not cover to stay valid: every changed rule, plus the rule that decided each flipped
   * exam question (a pool item or a bank seed of a pool template) under the old policy. A certificate lists only the
   * deciding rules of its questions, so a question whose freight answer flipped is known there by its deciding rule.
   */
  readonly recertificationRules: readonly string[];
  readonly totals: {
    readonly cases: number;
    readonly caseFlips: number;
    readonly items: number;
    readonly itemFlips: number;
    readonly templates: number;
    readonly variantFlips: number;
    readonly blueprints: number;
  };
  readonly hasFlips: boolean;
}

export interface ImpactOptions {
  /** Rules the policies declare changed (`editionChangedRules`, `catalogueChangedRules`); steers attribution. */
  readonly declared?: ReadonlySet<string>;
  /** Template seeds 1..seedCount are evaluated (default 50, the seeds the content gate vouches for). */
  readonly seedCount?: number;
  /** Parameter-grid combinations per template beyond the seeds (default 256). */
  readonly gridLimit?: number;
  /** Rule titles for rules the current catalogue does not know (from another revision's catalogue). */
  readonly ruleTitle?: (ruleId: string) => string | undefined;
  /** Told as each part of the comparison starts (a background job reports its progress with it). */
  readonly onStage?: (stage: ImpactStage) => void;
}

/** The parts of an impact report, in the order they are computed; template variants take most of the time. */
export const IMPACT_STAGES = ['cases', 'items', 'templates', 'exams'] as const;
export type ImpactStage = (typeof IMPACT_STAGES)[number];

const distinct = (flips: readonly Flip[]) => new Set(flips.map((flip) => flip.contentId)).size;

/**
 * Evaluates every case, item, template variant and exam blueprint of `content` under `from` and `to`, and lists every
 * answer that flips with the rule whose change caused it. Pure: the caller loads content and rule modules.
 */
export function impactReport(content: ImpactContent, from: ImpactPolicy, to: ImpactPolicy, options: ImpactOptions = {}): ImpactReport {
  const declared = options.declared ?? new Set<string>();
  const caseFacts = new Map(content.cases.map((entry) => [entry.slug, { facts: entry.facts, edition: entry.edition }]));
  const context: ScenarioContext = { shopPolicy: content.shopPolicy, caseFacts: (slug) => caseFacts.get(slug) };
  options.onStage?.('cases');
  const cases = caseFlips(content.cases, from, to, declared);
  options.onStage?.('items');
  const items = authoredItemFlips(content.questionFiles, context, from, to, declared);
  options.onStage?.('templates');
  const templates = templateImpacts(content.questionFiles, from, to, declared, { seedCount: options.seedCount ?? 50, gridLimit: options.gridLimit ?? 256 });

  const counts = new Map<string, number>();
  for (const flip of [...cases, ...items, ...templates.flips]) counts.set(flip.ruleId, (counts.get(flip.ruleId) ?? 0) + 1);
  for (const ruleId of declared) if (!counts.has(ruleId)) counts.set(ruleId, 0);
  const title = (ruleId: string) => ruleById(ruleId)?.title ?? options.ruleTitle?.(ruleId) ?? ruleId;
  const changedRules = [...counts]
    .map(([ruleId, flips]) => ({ ruleId, title: title(ruleId), flips, declared: declared.has(ruleId) }))
    .sort((a, b) => b.flips - a.flips || a.ruleId.localeCompare(b.ruleId));
  options.onStage?.('exams');
  const pools = examPools(content.exams, content.questionFiles, context);
  const recertification = new Set(changedRules.map((rule) => rule.ruleId));
  for (const flip of [...items, ...templates.flips]) {
    if (flip.decidingRuleBefore && isExamQuestion(flip, pools)) recertification.add(flip.decidingRuleBefore);
  }
  const blueprints = blueprintImpacts(pools, items, templates.impacts, recertification);

  const authoredItems = content.questionFiles.reduce((sum, file) => sum + file.items.length, 0);
  const templateCount = content.questionFiles.reduce((sum, file) => sum + file.templates.length, 0);
  return {
    from: { id: from.id, title: from.title },
    to: { id: to.id, title: to.title },
    checked: { cases: content.cases.length, items: authoredItems, templates: templateCount, variants: templates.variantsChecked, exams: content.exams.length },
    cases,
    items,
    templates: templates.impacts,
    blueprints,
    changedRules,
    recertificationRules: [...recertification].sort(),
    totals: {
      cases: distinct(cases),
      caseFlips: cases.length,
      items: distinct(items),
      itemFlips: items.length,
      templates: templates.impacts.length,
      variantFlips: templates.flips.length,
      blueprints: blueprints.filter((blueprint) => blueprint.flippedItems.length + blueprint.flippedTemplates.length > 0).length,
    },
    hasFlips: cases.length + items.length + templates.flips.length > 0,
  };
}
