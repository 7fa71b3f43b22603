import { editionChangedRules, impactReport, type ImpactReport } from '../../authoring/index.ts';
import { ruleCatalogue, type EditionId } from '../../rules/index.ts';
import type { Store } from '../store/index.ts';
import { contentDir } from '../exams/index.ts';
import { certificatesToRecertifyNow, type RecertificationCount } from './certificates.ts';
import { loadImpactContent } from './load-content.ts';
import { editionPolicy } from './policy-source.ts';

const reports = new Map<string, ImpactReport>();

/**
 * The impact report between two editions over the content folder, computed once per pair and server process (the
 * server reads content once per start; restart after editing content, as for exams).
 */
export function editionImpactReport(from: EditionId, to: EditionId): ImpactReport {
  const key = `${from}\u0000${to}`;
  const cached = reports.get(key);
  if (cached) return cached;
  const content = loadImpactContent(contentDir());
  const report = impactReport(content, editionPolicy(from, content.shopPolicy).policy, editionPolicy(to, content.shopPolicy).policy, {
    declared: editionChangedRules(ruleCatalogue, from, to),
  });
  reports.set(key, report);
  return report;
}

/** What /lead/impact shows: the report and the store's certificates earned under `from` that it puts in doubt. */
export async function leadImpact(
  store: Store,
  from: EditionId,
  to: EditionId,
  now: number,
): Promise<{ readonly report: ImpactReport } & RecertificationCount> {
  const report = editionImpactReport(from, to);
  const [certificates, users] = await Promise.all([store.listCertificates(), store.listUsers()]);
  return { report, ...certificatesToRecertifyNow(certificates, users, report, { edition: from }, { edition: to }, now) };
}
