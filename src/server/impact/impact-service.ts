import { resolve } from 'node:path';
import { catalogueChangedRules, editionChangedRules, impactReport, type ImpactReport } from '../../authoring/index.ts';
import { certificatesSection, type CertificateSection } from './certificates.ts';
import { loadImpactContent } from './load-content.ts';
import { dataDir as defaultDataDir } from '../config.ts';
import { resolvePolicy, type ResolvedPolicy } from './policy-source.ts';

export interface ImpactRequest {
  /** Edition id or git revision. */
  readonly from: string;
  readonly to: string;
  /** The repository (for git revisions); default the working directory. */
  readonly root?: string;
  /** The content folder; default `<root>/content`. */
  readonly contentDir?: string;
  /** The data folder whose certificates are checked; default `DATA_DIR` or `./data`. */
  readonly dataDir?: string;
  readonly now?: number;
}

/** The report with the certificates section: what the CLI prints and the lead page shows. */
export interface FullImpactReport extends ImpactReport {
  readonly certificates: CertificateSection;
  /** Wall time of the whole run, ms. */
  readonly elapsedMs: number;
}

function declaredChanges(from: ResolvedPolicy, to: ResolvedPolicy): Set<string> {
  if (from.edition && to.edition) return editionChangedRules(to.catalogue, from.edition, to.edition);
  return catalogueChangedRules(from.catalogue, to.catalogue);
}

/**
 * Loads the working tree's content and both policies and runs the impact report, then checks the data folder's
 * certificates against it.
 * @throws UnknownPolicyError when `from` or `to` names neither an edition nor a git revision.
 */
export async function runImpactReport(request: ImpactRequest): Promise<FullImpactReport> {
  const started = performance.now();
  const root = resolve(request.root ?? '.');
  const content = loadImpactContent(resolve(request.contentDir ?? `${root}/content`));
  const from = await resolvePolicy(request.from, root, content.shopPolicy);
  const to = await resolvePolicy(request.to, root, content.shopPolicy);
  const titles = new Map([...from.catalogue, ...to.catalogue].map((rule) => [rule.id, rule.title]));
  const report = impactReport(content, from.policy, to.policy, { declared: declaredChanges(from, to), ruleTitle: (id) => titles.get(id) });
  const dataDir = request.dataDir !== undefined ? resolve(request.dataDir) : defaultDataDir();
  const certificates = await certificatesSection(dataDir, report, from, to, request.now ?? Date.now());
  return { ...report, certificates, elapsedMs: Math.round(performance.now() - started) };
}
