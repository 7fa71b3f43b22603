import { editionChangedRules, impactReport, type ImpactContent, type ImpactReport } from '../../authoring/index.ts';
import { ruleCatalogue, type EditionId } from '../../rules/index.ts';
import type { Store } from '../store/index.ts';
import { contentDir } from '../exams/index.ts';
import { certificatesToRecertifyNow, type RecertificationCount } from './certificates.ts';
import { loadImpactContent } from './load-content.ts';
import { editionPolicy } from './policy-source.ts';

const reports = new Map<string, ImpactReport>();
let content: ImpactContent | undefined;

/** The content folder as the impact report reads it, loaded once per server process. */
function impactContent(): ImpactContent {
  content ??= loadImpactContent(contentDir());
  return content;
}

/**
 * The impact report between two editions over the content folder, computed once per pair and server process (the
 * server reads content once per start; restart after editing content, as for exams).
 */
export function editionImpactReport(from: EditionId, to: EditionId): ImpactReport {
  const key = `${from}\u0000${to}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const content = impactContent();
  const report = impactReport(content, editionPolicy(from, content.shopPolicy).policy, editionPolicy(to, content.shopPolicy).policy, {
    declared: editionChangedRules(ruleCatalogue, from, to),
  });
  reports.set(key, report);
  return report;
}

/**
 * What /lead/impact shows: the report, the titles of the cases it read (by slug) and the store's certificates earned
 * under `from` that it puts in doubt. The titles come from the same content folder as the report, so the page needs
 * no content collection: importing `astro:content` into a page rendered per request would bundle every case's MDX
 * into the server build a second time (bench/build.ts).
 */
export async function leadImpact(
  store: Store,
  from: EditionId,
  to: EditionId,
  now: number,
): Promise<{ readonly report: ImpactReport; readonly caseTitles: ReadonlyMap<string, string> } & RecertificationCount> {
  const report = editionImpactReport(from, to);
  const caseTitles = new Map(impactContent().cases.map((entry) => [entry.slug, entry.title]));
  const [certificates, users] = await Promise.all([store.listCertificates(), store.listUsers()]);
  return { report, caseTitles, ...certificatesToRecertifyNow(certificates, users, report, { edition: from }, { edition: to }, now) };
}
