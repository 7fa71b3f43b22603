import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentModel, writeContentModel, type ContentModel } from '../../src/authoring/index.ts';
import { caseEditorReducer, caseEditorState, caseFacts, caseModel, expectedFieldViews, placeGateErrors } from '../../src/present/studio/index.ts';
import { factFormModel } from '../../src/present/sandbox/index.ts';
import { decide, ShopPolicySchema, type EditionId, type Ruling } from '../../src/rules/index.ts';

const form = factFormModel();
const shopPolicy = ShopPolicySchema.parse(JSON.parse(readFileSync('content/policy/shop.json', 'utf8')));
const decideFacts = (facts: unknown, edition: EditionId): Ruling | null => {
  try {
    return decide(facts, { edition, shopPolicy });
  } catch {
    return null;
  }
};
const casesDir = 'content/cases';
const files = readdirSync(casesDir).filter((name) => name.endsWith('.mdx'));

function open(name: string) {
  const text = readFileSync(join(casesDir, name), 'utf8');
  const model = readContentModel('case', text) as Extract<ContentModel, { kind: 'case' }>;
  const state = caseEditorState(form, { path: `cases/${name}`, version: 'v', model }, decideFacts);
  const ruling = decideFacts(caseFacts(form, state).facts, caseFacts(form, state).edition);
  return { text, model, state, ruling };
}

describe('case editor model', () => {
  it('opens every case in content/ and saves it unchanged to the same bytes', () => {
    expect(files.length).toBeGreaterThan(100);
    const changed: string[] = [];
    for (const name of files) {
      const { text, model, state, ruling } = open(name);
      const saved = writeContentModel('case', text, caseModel(form, state, ruling, model.sections.map((s) => s.heading)) as ContentModel);
      if (saved !== text) changed.push(name);
    }
    expect(changed).toEqual([]);
  });

  it('marks an overridden freight bearer that differs from the engine, and writes it into expected.freight', () => {
    const { state, ruling, text, model } = open('seven-day-last-minute.mdx');
    expect(state.expected['freight.return']).toEqual({ mode: 'engine', text: 'buyer' });
    const edited = caseEditorReducer(state, { type: 'expectedText', key: 'freight.return', text: 'seller' });
    const view = expectedFieldViews(edited.expected, ruling).find((v) => v.spec.key === 'freight.return')!;
    expect(view).toMatchObject({ disagrees: true, engineText: 'buyer', value: 'seller' });
    const saved = writeContentModel('case', text, caseModel(form, edited, ruling, model.sections.map((s) => s.heading)) as ContentModel);
    expect(saved.replace(text, '')).not.toBe('');
    expect(saved).toContain('freight: { outbound: seller, return: seller }');
  });

  it('lets an engine field follow the facts: a claim after the window flips claimInSevenDayWindow', () => {
    const { state, model, text } = open('seven-day-last-minute.mdx');
    const later = caseEditorReducer(state, { type: 'fact', path: 'claim.at', text: '2025-09-11 00:00' });
    const { facts, edition } = caseFacts(form, later);
    const ruling = decideFacts(facts, edition);
    const saved = writeContentModel('case', text, caseModel(form, later, ruling, model.sections.map((s) => s.heading)) as ContentModel);
    expect(saved).toContain('claimInSevenDayWindow: false');
    expect(saved).toContain('claim: { at: "2025-09-11 00:00"');
  });

  it('places gate errors at their field: expected legs, sop entries, facts and metadata', () => {
    const base = { code: 'EXPECTED_MISMATCH', file: 'content/cases/x.mdx', path: 'cases/x.mdx', wrote: 'w', trace: [], fix: 'f' };
    const placed = placeGateErrors(
      [
        { ...base, field: 'expected.freight.return' },
        { ...base, field: 'expected.sop.1' },
        { ...base, field: 'facts.claim.at' },
        { ...base, field: 'title' },
        { ...base, field: 'scenario.case', path: 'questions/q.yaml', file: 'content/questions/q.yaml' },
      ],
      'cases/x.mdx',
    );
    expect([...placed.expected.keys()]).toEqual(['freight.return', 'sop']);
    expect([...placed.facts.keys()]).toEqual(['claim.at']);
    expect([...placed.meta.keys()]).toEqual(['title']);
    expect(placed.other.map((e) => e.field)).toEqual(['scenario.case']);
  });
});
