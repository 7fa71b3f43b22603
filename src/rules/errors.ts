/** Base class of every error the engine throws on purpose; `code` is stable and safe to branch on. */
export class RuleEngineError extends Error {
  readonly code: 'INVALID_FACTS' | 'MISSING_FACT' | 'CONTRADICTORY_FACTS' | 'UNKNOWN_RULE' | 'EDITION_SILENT';
  constructor(code: RuleEngineError['code'], message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export interface FactIssue {
  /** Dotted path of the fact, e.g. `delivery.signedAt`. */
  readonly path: string;
  /** What is wrong, in Chinese, ending with how to fix it. */
  readonly message: string;
}

/** The facts do not match the fact model (wrong type, unknown field, unreadable time). */
export class InvalidFactsError extends RuleEngineError {
  readonly issues: readonly FactIssue[];
  constructor(issues: readonly FactIssue[]) {
    super('INVALID_FACTS', issues.map((issue) => `${issue.path}：${issue.message}`).join('\n'));
    this.issues = issues;
  }
}

/** A rule on the scenario's path needed a fact the scenario does not state. Absence never counts as false. */
export class MissingFactError extends RuleEngineError {
  readonly fact: string;
  readonly ruleId: string;
  constructor(fact: string, ruleId: string, ruleTitle: string, factDescription: string | undefined) {
    const hint = factDescription ? `（${factDescription}）` : '';
    super('MISSING_FACT', `规则 ${ruleId}「${ruleTitle}」需要事实 ${fact}${hint}，但情景中没有填写。请补上 ${fact}。`);
    this.fact = fact;
    this.ruleId = ruleId;
  }
}

/** Facts that cannot all be true, such as signing before shipping. */
export class ContradictoryFactsError extends RuleEngineError {
  readonly facts: readonly string[];
  readonly ruleId: string | undefined;
  constructor(facts: readonly string[], reason: string, ruleId?: string) {
    super('CONTRADICTORY_FACTS', `${facts.join('、')} 相互矛盾：${reason}${ruleId ? `（由规则 ${ruleId} 发现）` : ''}。请核对这些事实。`);
    this.facts = facts;
    this.ruleId = ruleId;
  }
}

/**
 * The chosen edition's wording says nothing that decides the scenario. Thrown instead of inventing a rule: silence is
 * no ground to reject or to grant. The message says what the edition does say and what to do.
 */
export class EditionSilentError extends RuleEngineError {
  readonly edition: string;
  readonly ruleId: string;
  constructor(edition: string, ruleId: string, whatItSays: string) {
    super('EDITION_SILENT', `所选版本（${edition}）对此没有规定，不能据此驳回或支持：${whatItSays}（对照规则 ${ruleId}）。请改用现行版判定，或改写情景。`);
    this.edition = edition;
    this.ruleId = ruleId;
  }
}
