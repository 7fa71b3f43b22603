import * as description from './description.ts';
import * as freight from './freight.ts';
import * as general from './general.ts';
import * as gifts from './gifts.ts';
import * as quality from './quality.ts';
import * as refusal from './refusal.ts';
import * as returns from './returns.ts';
import type { RuleHead, RuleKind } from './rule-meta.ts';
import * as sevenDay from './seven-day.ts';
import * as shipping from './shipping.ts';
import * as signing from './signing.ts';
import { sopRuleMetas } from './sop/index.ts';

function isHead(value: unknown): value is RuleHead {
  return typeof value === 'object' && value !== null && 'id' in value && 'title' in value && 'kind' in value && 'decides' in value;
}

/** Collects the heads a rule file exports, alone or in lists, so a new rule cannot be left out of the catalogue. */
function headsOf(module: Record<string, unknown>): RuleHead[] {
  return Object.values(module).flatMap((value) => (Array.isArray(value) ? value.filter(isHead) : isHead(value) ? [value] : []));
}

function headIndex(): Map<string, RuleHead> {
  const platformAndLaw = [general, shipping, signing, refusal, freight, sevenDay, returns, gifts, quality, description].flatMap(headsOf);
  const byId = new Map<string, RuleHead>();
  for (const head of [...platformAndLaw, ...sopRuleMetas]) {
    const existing = byId.get(head.id);
    if (existing && existing !== head) throw new Error(`Rule id ${head.id} is defined twice`);
    byId.set(head.id, head);
  }
  return byId;
}

/**
 * Every rule's head (id, title, kind, area, editions, whether it decides), by id, in no particular order. This is what
 * code that evaluates rules needs; statements and quotes are joined to it in `catalogue.ts`.
 */
export const ruleHeads: ReadonlyMap<string, RuleHead> = /* @__PURE__ */ headIndex();

/** The head of the rule with `id` (title, kind, …), or undefined: no statement or quoted sources (see `ruleById`). */
export function ruleHeadById(id: string): RuleHead | undefined {
  return ruleHeads.get(id);
}

export const ruleKindLabels: Readonly<Record<RuleKind, string>> = {
  platform: '平台规则',
  law: '法律法规',
  sop: '本店规范（可配置）',
};
