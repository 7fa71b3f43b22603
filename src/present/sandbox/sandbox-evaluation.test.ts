import { describe, expect, it } from 'vitest';
import { decide, ruleHeadById, ruleHeads } from '../../rules/index.ts';
import { traceView } from '../trace.ts';
import {
  factFormModel,
  factsFromDraft,
  fieldIndex,
  isUneditedCase,
  packEvaluation,
  unpackEvaluation,
  type PackedEvaluation,
  rulingChanges,
  rulingView,
  sandboxCaseOutcomePath,
  sandboxEvaluation,
  sandboxInitialState,
  sandboxLoaded,
  sandboxReducer,
  sectionIndex,
} from './index.ts';
import { scenario } from '../../../tests/factories/facts.ts';

const model = factFormModel();
const labels = { fields: fieldIndex(model), sections: sectionIndex(model) };
const item = { slug: 'seven-day-case', title: '七天无理由', edition: '2025-08-15' as const, facts: scenario() };

describe('rulingView', () => {
  it('carries the trace rows and the title of every rule the ruling names', () => {
    const ruling = decide(scenario());
    const view = rulingView(ruling);
    expect(view.ruling).toBe(ruling);
    expect(view.trace).toEqual(traceView(ruling.trace, ruling.decidingRuleId));
    expect(view.sopCount).toBe(ruling.trace.filter((step) => ruleHeadById(step.ruleId)?.kind === 'sop').length);
    const named = [ruling.decidingRuleId, ruling.freight?.ruleId, ruling.transitRisk?.ruleId, ...ruling.sop.map((item) => item.ruleId)];
    for (const id of named.filter((id): id is string => id !== undefined)) expect(view.titles[id]).toBe(ruleHeads.get(id)?.title);
    expect(ruling.sop.length).toBeGreaterThan(0);
  });
});

describe('sandboxEvaluation', () => {
  it('is the outcome, the same in plain Chinese, and the view of its ruling', () => {
    const evaluation = sandboxEvaluation(scenario(), [], {}, labels);
    expect(evaluation.outcome.kind).toBe('ruling');
    expect(evaluation.shown).toEqual(evaluation.outcome);
    expect(evaluation.view).toEqual(evaluation.outcome.kind === 'ruling' ? rulingView(evaluation.outcome.ruling) : null);
  });

  it('has no view when there is no ruling, and words the engine’s problem for learners', () => {
    const evaluation = sandboxEvaluation(scenario({ delivery: { signedAt: null } }), [], {}, labels);
    expect(evaluation.view).toBeNull();
    expect(unpackEvaluation(JSON.parse(JSON.stringify(packEvaluation(evaluation))) as PackedEvaluation)).toEqual(evaluation);
    expect(evaluation.shown).toMatchObject({ kind: 'engine-error', missing: { path: 'delivery.signedAt', label: labels.fields.get('delivery.signedAt')?.label } });
  });

  it('survives the trip through JSON that the build’s copy takes: the first edit compares against it unchanged', () => {
    const loaded = sandboxLoaded(model, item);
    const { facts, errors } = factsFromDraft(model, loaded.draft);
    const live = sandboxEvaluation(facts, errors, { edition: loaded.edition }, labels);
    const packed = JSON.stringify(packEvaluation(live));
    const built = unpackEvaluation(JSON.parse(packed) as PackedEvaluation);
    expect(built).toEqual(live);
    // The ruling is written once.
    expect(packed.split('"decidingRuleId"').length).toBe(2);
    expect(built.outcome.kind).toBe('ruling');
    if (built.outcome.kind !== 'ruling' || live.outcome.kind !== 'ruling') return;
    expect(rulingChanges(built.outcome.ruling, live.outcome.ruling)).toEqual([]);
    expect(built.view?.trace).toEqual(live.view?.trace);
  });
});

describe('isUneditedCase', () => {
  const fresh = sandboxInitialState(sandboxLoaded(model, item));

  it('holds for a case just loaded, as it came', () => {
    expect(isUneditedCase(fresh)).toBe(true);
    expect(sandboxCaseOutcomePath(item.slug)).toBe('/sandbox/outcomes/seven-day-case.json');
  });

  it('does not hold once the scenario differs from what the build evaluated', () => {
    expect(isUneditedCase(sandboxReducer(fresh, { type: 'text', path: 'claim.at', text: '2025-09-11 00:00' }))).toBe(false);
    expect(isUneditedCase(sandboxReducer(fresh, { type: 'edition', edition: 'legacy' }))).toBe(false);
    expect(isUneditedCase(sandboxInitialState(sandboxLoaded(model, undefined)))).toBe(false);
    const shared = sandboxLoaded(model, item, { facts: scenario({ claim: { at: '2025-09-11 00:00' } }) });
    expect(isUneditedCase({ ...fresh, draft: shared.draft })).toBe(false);
    const decided = sandboxReducer(fresh, { type: 'outcome', outcome: sandboxEvaluation(scenario(), [], {}, labels).outcome });
    expect(isUneditedCase(decided)).toBe(false);
  });
});
