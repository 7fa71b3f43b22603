import type { EditionId, Ruling } from '../../rules/index.ts';

/**
 * One side of an impact comparison: a way to decide facts. An edition side decides every scenario under its edition;
 * a rule module from a git revision decides each scenario under the edition the content declares, as the site would.
 */
export interface ImpactPolicy {
  /** What the user named: an edition id (`legacy`) or a git revision (`HEAD~1`). */
  readonly id: string;
  /** Chinese description for reports, e.g. `旧版措辞（示例，非官方文本）` or `git 版本 HEAD~1（a1b2c3d）`. */
  readonly title: string;
  /**
   * Decides `facts`; `declaredEdition` is the edition the content names, which an edition side ignores.
   * Throws what the rule module throws for facts it cannot decide.
   */
  readonly decide: (facts: unknown, declaredEdition: EditionId) => Ruling;
}

