import type { EditionId, RuleMeta } from '../../rules/index.ts';

/**
 * Rules the catalogue itself says read differently in `from` and `to`: present in only one of the two editions, or
 * carrying an edition note for either (a note records where an edition's wording departs from the current text).
 */
export function editionChangedRules(catalogue: readonly RuleMeta[], from: EditionId, to: EditionId): Set<string> {
  if (from === to) return new Set();
  return new Set(
    catalogue
      .filter(
        (rule) =>
          rule.editions.includes(from) !== rule.editions.includes(to) ||
          (rule.editionNotes ?? []).some((note) => note.edition === from || note.edition === to),
      )
      .map((rule) => rule.id),
  );
}

const metaText = (rule: RuleMeta) =>
  JSON.stringify([rule.title, rule.statement, rule.kind, rule.decides, rule.editions, rule.editionNotes ?? [], rule.sources]);

/**
 * Rules whose metadata differs between two catalogues (two revisions of the rule module): added, retired, or with a
 * different statement, sources, editions or edition notes. A behaviour change without a metadata change is still
 * found by comparing rulings; this set only steers which rule a flip is attributed to.
 */
export function catalogueChangedRules(before: readonly RuleMeta[], after: readonly RuleMeta[]): Set<string> {
  const old = new Map(before.map((rule) => [rule.id, metaText(rule)]));
  const changed = new Set<string>();
  for (const rule of after) if (old.get(rule.id) !== metaText(rule)) changed.add(rule.id);
  const current = new Set(after.map((rule) => rule.id));
  for (const rule of before) if (!current.has(rule.id)) changed.add(rule.id);
  return changed;
}
