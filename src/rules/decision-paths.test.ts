import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { ruleById, ruleCatalogue } from './catalogue.ts';
import { decideWithPath } from './decide.ts';
import { decisionTable, decisionTables, stagesConsulting } from './decision-paths.ts';
import { claimReasons } from './facts.ts';


const routingTables = decisionTables.filter((table) => !table.id.startsWith('freight') || table.id === 'freight-claim');

describe('the decision tables', () => {
  it('name only rules of the catalogue, and every hand-over names a table that exists', () => {
    for (const table of decisionTables) {
      for (const row of table.rows) {
        for (const id of row.rules) expect(ruleById(id), `${table.id}: ${id}`).toBeDefined();
        if (row.next) expect(decisionTable(row.next).id).toBe(row.next);
      }
    }
  });

  it('reach every routing table from the intake table', () => {
    const reached = new Set(['intake']);
    const visit = (id: string) => {
      for (const row of decisionTable(id as 'intake').rows) {
        if (row.next && !reached.has(row.next)) {
          reached.add(row.next);
          visit(row.next);
        }
      }
    };
    visit('intake');
    expect([...reached].sort()).toEqual(routingTables.map((table) => table.id).sort());
  });

  it('give every outcome-deciding platform rule a row (the SOP and procedural rules decide nothing here)', () => {
    const inTables = new Set(decisionTables.flatMap((table) => table.rows.flatMap((row) => row.rules)));
    const deciding = ruleCatalogue.filter((rule) => rule.decides && rule.id.startsWith('R-'));
    // Rules that only adjust a ruling another row settled: deductions, amounts, deadlines, the 7-day refund base.
    const adjustOnly = ['R-7DAY-REFUND-AMOUNT', 'R-GIFT-VALUE', 'R-7DAY-GOOD-FAITH', 'R-GEN-PENALTY-MAX', 'R-LAW-FRAUD-DAMAGES', 'R-SIGN-DELIVERY-TIME', 'R-TEST-FEE'];
    const missing = deciding.filter((rule) => !inTables.has(rule.id) && !adjustOnly.includes(rule.id)).map((rule) => rule.id);
    expect(missing).toEqual([]);
  });

  it('list the stages that consult a rule, for its handbook page', () => {
    const stages = stagesConsulting('R-7DAY-SCOPE').map((entry) => entry.table.id);
    expect(stages).toEqual(expect.arrayContaining(['seven-day', 'refusal']));
  });

  it('settle every routing stage with a row that lists the deciding rule, for generated scenarios', () => {
    let decided = 0;
    const statuses = ['signed', 'refused', 'in-transit', 'intercepted', 'lost', 'undeliverable'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...claimReasons), fc.constantFrom(...statuses), fc.boolean(), (reason, status, freeShipping) => {
        const facts = scenario({
          order: { freeShipping },
          delivery: status === 'signed' ? {} : { status, signedAt: null, receivedBy: null, confirmation: null, refusal: { reason: 'no-reason', returnedOutcome: 'seller-signed-refunded' } },
          claim: { reason },
        });
        let result;
        try {
          result = decideWithPath(facts);
        } catch {
          return; // a scenario that needs more facts throws; the walk itself is what is tested here
        }
        decided += 1;
        const { ruling, path } = result;
        const routing = path.filter((step) => !step.table.startsWith('freight') || step.table === 'freight-claim');
        const innermost = routing[0]!;
        const rules = decisionTable(innermost.table).rows[innermost.row]!.rules;
        expect(rules, `${innermost.table} row ${innermost.row}`).toContain(ruling.decidingRuleId);
      }),
      { seed: 13, numRuns: 300 },
    );
    expect(decided).toBeGreaterThan(100);
  });
});
