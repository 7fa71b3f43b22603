import { decisiveRules, ruleHeadById, type Ruling } from '../rules/index.ts';
import { authoredChoices } from './item-choices.ts';
import type { Item } from './item-schema.ts';
import type { Key } from './keys.ts';
import { keyRules } from './sop-fields.ts';
import { shuffled, seededRandom } from './random.ts';

/** One step of the explanation shown after answering: a platform or law rule and what it found. */
export interface ExplanationStep {
  readonly ruleId: string;
  readonly title: string;
  readonly applied: boolean;
  readonly note: string;
}

/**
 * A practice question as the browser receives it: the text, the engine's key and the explanation. Practice keys are
 * public on purpose (instant feedback); certification items never become PracticeItems.
 */
export interface PracticeItem {
  /** Item id, or `templateId~seed` for a generated variant. */
  readonly id: string;
  readonly type: Item['type'];
  readonly topics: readonly string[];
  readonly difficulty: 1 | 2 | 3;
  readonly stem: string;
  /** Single: option texts. Multiple: statement texts. True/false: the two labels. Ordering: steps, shuffled. */
  readonly choices: readonly string[];
  readonly key: number | readonly number[] | boolean | readonly string[];
  /**
   * Changes exactly when the question or its key changes, so a stored review schedule survives rebuilds and resets
   * only when the answer key moves.
   */
  readonly keyVersion: string;
  /** Rule area of the deciding rule, for per-area summaries. */
  readonly area: string;
  readonly decidingRuleId: string | null;
  readonly explanation: readonly ExplanationStep[];
  readonly authorExplanation?: string;
}

/** FNV-1a, hex: a short, stable fingerprint (not a security hash). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The explanation a key's rulings support: each platform or law rule that applied, plus the deciding rule even when it
 * did not apply, once per rule and note, in trace order. Rules missing from the catalogue are left out, and so are SOP
 * steps except those of `sopRules`, the SOP rules the key rests on.
 */
export function explanationSteps(rulings: readonly Ruling[], sopRules: ReadonlySet<string> = new Set()): ExplanationStep[] {
  const steps = new Map<string, ExplanationStep>();
  for (const ruling of rulings) {
    // Fixing the shipping instant is bookkeeping unless shipping time decided something (a late or breach ruling).
    const shippingMatters = ruling.deadlines.shippedLate === true || ruling.decidingRuleId.startsWith('R-SHIP-');
    for (const step of ruling.trace) {
      const rule = ruleHeadById(step.ruleId);
      // A shop SOP step explains only the items keyed from that SOP rule (`sopRules`), whether it applied or not.
      const isSop = rule?.kind === 'sop';
      if (!rule || (isSop && !sopRules.has(step.ruleId)) || (!isSop && !step.applied && step.ruleId !== ruling.decidingRuleId)) continue;
      if (step.ruleId === 'R-SHIP-TIME-DEF' && !shippingMatters) continue;
      steps.set(`${step.ruleId}:${step.note}`, { ruleId: step.ruleId, title: rule.title, applied: step.applied, note: step.note });
    }
  }
  return [...steps.values()];
}

function choicesOf(item: Item, key: Key): string[] {
  // Ordering steps are shuffled by the item id so the page is stable between builds yet never shows the answer order.
  if (item.type === 'ordering') return shuffled(seededRandom(Number.parseInt(fingerprint(item.id), 16)), key.answer as readonly string[]);
  return [...authoredChoices(item, key)];
}

/** The rule most statements of an item turn on (the first on a tie), so statement items file under their main area. */
function mostCommon(ids: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, count] of counts) if (best === null || count > counts.get(best)!) best = id;
  return best;
}

/** Turns a keyed item into what the practice island needs. Refuses certification items. */
export function toPracticeItem(item: Item, key: Key): PracticeItem {
  if (item.exam) throw new Error(`题目 ${item.id} 标记为仅用于认证考试，不能出现在练习中。`);
  // An item keyed from the shop SOP files under its SOP rule and explains it; a platform item under its deciding rule.
  // (Ordering items keep no deciding rule: they are keyed from the policy's sequences, not from a ruling.)
  const rests = item.type === 'ordering' ? [] : keyRules(item, key, decisiveRules);
  const sopRules = rests.filter((id) => ruleHeadById(id)?.kind === 'sop');
  const platformKeyed = rests.some((id) => ruleHeadById(id)?.kind !== 'sop');
  const decidingRuleId = platformKeyed || sopRules.length === 0 ? mostCommon(key.rulings.map((ruling) => ruling.decidingRuleId)) : sopRules[0]!;
  const area = decidingRuleId ? (ruleHeadById(decidingRuleId)?.area ?? 'general') : 'shop-sop';
  const choices = choicesOf(item, key);
  return {
    id: item.id,
    type: item.type,
    topics: item.topics,
    difficulty: item.difficulty,
    stem: item.stem,
    choices,
    key: key.answer,
    keyVersion: fingerprint(JSON.stringify([item.stem, choices, key.answer])),
    area,
    decidingRuleId,
    explanation: explanationSteps(key.rulings, new Set(sopRules)),
    ...(item.explanation ? { authorExplanation: item.explanation } : {}),
  };
}
