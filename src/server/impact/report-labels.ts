import type { ImpactReport } from '../../authoring/index.ts';
import { clipText } from '../../present/index.ts';

/**
 * The stems leads read flipped questions by (a template's by its first variant's), clipped for the report's tables,
 * keyed as `ImpactReportView` looks them up. Shared by /lead/impact and the studio's shop-policy preview.
 * @param stemOf the question's stem by item id (variant ids `template~n`), `undefined` when the bank has none.
 */
export function impactItemStems(report: ImpactReport, stemOf: (itemId: string) => string | undefined): Map<string, string> {
  const flippedItems = [...report.items.map((flip) => flip.contentId), ...report.blueprints.flatMap((blueprint) => blueprint.flippedItems)];
  const flippedTemplates = [...report.templates.map((impact) => impact.templateId), ...report.blueprints.flatMap((blueprint) => blueprint.flippedTemplates)];
  return new Map(
    [...flippedItems.map((id) => [id, stemOf(id)] as const), ...flippedTemplates.map((id) => [id, stemOf(`${id}~1`)] as const)].flatMap(([id, stem]) =>
      stem ? [[id, `${clipText(stem, 36)}${id.includes('~') || !flippedTemplates.includes(id) ? '' : '（模板）'}`] as const] : [],
    ),
  );
}
