import { impactReport, type ImpactReport, type ImpactStage } from '../../authoring/index.ts';
import { generateVariant, type ScenarioContext } from '../../quiz/index.ts';
import { decide, type ShopPolicy } from '../../rules/index.ts';
import type { Store } from '../store/index.ts';
import { certificatesToRecertifyNow, type RecertificationCount } from './certificates.ts';
import { loadImpactContent } from './load-content.ts';
import { impactItemStems } from './report-labels.ts';

/** What the studio's 预览影响 shows besides certificates: the report and the names its tables need. */
export interface PolicyPreview {
  readonly report: ImpactReport;
  /** Case titles by slug. */
  readonly caseTitles: readonly (readonly [string, string])[];
  /** Exam titles by id. */
  readonly examTitles: readonly (readonly [string, string])[];
  /** Clipped stems of the flipped questions, as `impactItemStems` keys them. */
  readonly itemStems: readonly (readonly [string, string])[];
}

/** Where a preview is: reading the content, then each part of the report. */
export type PolicyPreviewStage = 'load' | ImpactStage;

/**
 * What changing CONTENT_DIR's policy/shop.json to `working` would flip: every case, item, template variant and exam
 * pool decided under the current shop policy and under the working copy (each scenario under the edition it
 * declares). Synchronous and CPU-bound (seconds over the whole bank): the studio runs it in a child process
 * (src/server/studio/policy-previews.ts), never in a request.
 * @throws Error naming shop.json when the current shop policy is invalid.
 */
export function policyPreview(contentDir: string, working: ShopPolicy, onStage: (stage: PolicyPreviewStage) => void = () => undefined): PolicyPreview {
  onStage('load');
  const content = loadImpactContent(contentDir);
  const current = content.shopPolicy;
  const report = impactReport(
    content,
    { id: 'shop.json', title: '当前的本店规范', decide: (facts, edition) => decide(facts, { edition, shopPolicy: current }) },
    { id: 'working', title: '修改后的本店规范', decide: (facts, edition) => decide(facts, { edition, shopPolicy: working }) },
    { onStage },
  );
  // Stems of only the flipped questions: a template's variant is generated for its seed alone, not the whole bank.
  const caseFacts = new Map(content.cases.map((entry) => [entry.slug, { facts: entry.facts, edition: entry.edition }]));
  const context: ScenarioContext = { shopPolicy: current, caseFacts: (slug) => caseFacts.get(slug) };
  const items = new Map(content.questionFiles.flatMap((file) => file.items.map((item) => [item.id, item] as const)));
  const templates = new Map(content.questionFiles.flatMap((file) => file.templates.map((template) => [template.id, template] as const)));
  const stemOf = (id: string): string | undefined => {
    const [templateId, seed] = id.split('~');
    const template = seed === undefined ? undefined : templates.get(templateId!);
    if (template) {
      try {
        return generateVariant(template, Number(seed), context).item.stem;
      } catch {
        return undefined;
      }
    }
    return items.get(id)?.stem;
  };
  return {
    report,
    caseTitles: content.cases.map((entry) => [entry.slug, entry.title] as const),
    examTitles: content.exams.map((exam) => [exam.id, exam.title] as const),
    itemStems: [...impactItemStems(report, stemOf)],
  };
}

/**
 * The standing certificates a previewed change puts in doubt (all were earned under the current shop policy). Read
 * from the store at each showing, so a preview cached for its content and policy still counts today's certificates.
 */
export async function policyPreviewCertificates(store: Store, report: ImpactReport, now: number): Promise<RecertificationCount> {
  const [certificates, users] = await Promise.all([store.listCertificates(), store.listUsers()]);
  return certificatesToRecertifyNow(certificates, users, report, {}, {}, now);
}
