import { editions, type EditionId } from '../../rules/index.ts';
import { editionImpactReport } from './edition-report.ts';

const cache = new Map<string, ReadonlySet<string> | null>();

const isEdition = (value: string): value is EditionId => editions.some((edition) => edition.id === value);

/**
 * The rules a certificate earned under `edition` must not cover to still count under `currentEdition`: the impact
 * report's `recertificationRules` between the two editions over the content folder (`CONTENT_DIR`, default ./content),
 * computed once per edition pair and process (about a second on the shipped content). Returns null when the two
 * cannot be compared — an edition the rule module no longer knows, or content that cannot be read — and the caller
 * should then assume the certificate needs recertification.
 */
export function rulesChangedSince(edition: string, currentEdition: string): ReadonlySet<string> | null {
  const key = `${edition}\u0000${currentEdition}`;
  if (cache.has(key)) return cache.get(key)!;
  let rules: ReadonlySet<string> | null = null;
  if (isEdition(edition) && isEdition(currentEdition)) {
    try {
      rules = new Set(editionImpactReport(edition, currentEdition).recertificationRules);
    } catch (error) {
      console.error(`无法比较版本 ${edition} 与 ${currentEdition} 的规则差异，相关证书按“需重新认证”处理：${(error as Error).message}`);
    }
  }
  cache.set(key, rules);
  return rules;
}
