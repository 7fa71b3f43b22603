import { decide, decideParsed, defaultShopPolicy, parseFacts, type DecideOptions, type Facts, type Ruling, type ShopPolicy } from '../rules/index.ts';
import type { Template } from './template-schema.ts';
import { substitute, type ParamValues } from './placeholders.ts';

/** The calls keying a question makes; `ScenarioContext.rules` may stand in for the real ones. */
export interface RuleCalls {
  readonly decide: (facts: unknown, options: DecideOptions) => Ruling;
  readonly parseFacts: (facts: unknown) => Facts;
  /** A template's facts with `params` filled in (`substitute(template.facts, params)`). */
  readonly templateFacts: (template: Template, params: ParamValues) => unknown;
}

export const directRuleCalls: RuleCalls = { decide, parseFacts, templateFacts: (template, params) => substitute(template.facts, params) };

type Outcome<T> = { readonly value: T } | { readonly error: unknown };

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/**
 * Rule calls that remember their results for as long as the returned object lives, by the facts' JSON (template facts
 * by the template and the parameters' JSON): each distinct
 * scenario is parsed once (`decide` and the answer readers share the parse) and decided once per edition, parameters
 * and shop policy — `decide` is a pure function of those. The gate checks each template on 50 seeds plus their near
 * misses, and small parameter domains repeat the same facts many times over; one of these per template makes each
 * distinct scenario cost one parse and one ruling. Errors are remembered and rethrown as the same object, so messages
 * built from them are unchanged.
 *
 * Callers must not mutate facts objects they have passed in, nor the rulings they get back.
 */
export function rememberingRuleCalls(): RuleCalls {
  const scenarios = new Map<string, { parsed: Outcome<Facts>; rulings: Map<string, Outcome<Ruling>> }>();
  // Equal parameters give the same facts object, so the JSON of facts is computed once per distinct draw.
  const filled = new WeakMap<Template, Map<string, unknown>>();
  const jsonOf = new WeakMap<object, string>();
  const policyKeys = new WeakMap<ShopPolicy, string>();
  // Equal policies (by JSON) share a short key: the ruling key is built and hashed on every call, and a policy's JSON
  // runs to kilobytes.
  const policyIds = new Map<string, string>();
  // No policy means the default one (as in decide()), so a shop.json equal to the defaults shares its rulings.
  const policyKey = (policy: ShopPolicy = defaultShopPolicy) => {
    let key = policyKeys.get(policy);
    if (key === undefined) {
      const json = JSON.stringify(policy);
      key = policyIds.get(json);
      if (key === undefined) policyIds.set(json, (key = String(policyIds.size)));
      policyKeys.set(policy, key);
    }
    return key;
  };
  const scenarioOf = (facts: unknown) => {
    let key = typeof facts === 'object' && facts !== null ? jsonOf.get(facts) : undefined;
    if (key === undefined) {
      key = JSON.stringify(facts) ?? 'undefined';
      if (typeof facts === 'object' && facts !== null) jsonOf.set(facts, key);
    }
    let scenario = scenarios.get(key);
    if (!scenario) scenarios.set(key, (scenario = { parsed: attempt(() => parseFacts(facts)), rulings: new Map() }));
    return scenario;
  };
  return {
    decide(facts, options) {
      const scenario = scenarioOf(facts);
      const key = `${options.edition ?? ''}\u0000${JSON.stringify(options.parameters ?? null)}\u0000${policyKey(options.shopPolicy)}`;
      let ruling = scenario.rulings.get(key);
      if (!ruling) {
        const parsed = scenario.parsed;
        scenario.rulings.set(key, (ruling = 'error' in parsed ? parsed : attempt(() => decideParsed(parsed.value, options))));
      }
      return unwrap(ruling);
    },
    parseFacts: (facts) => unwrap(scenarioOf(facts).parsed),
    templateFacts(template, params) {
      let byParams = filled.get(template);
      if (!byParams) filled.set(template, (byParams = new Map()));
      const key = JSON.stringify(params);
      let facts = byParams.get(key);
      if (facts === undefined) byParams.set(key, (facts = substitute(template.facts, params)));
      return facts;
    },
  };
}
