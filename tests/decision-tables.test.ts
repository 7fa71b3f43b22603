import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { formatAuthorError } from '../src/authoring/index.ts';
import type { PathStep } from '../src/rules/decide.ts';
import { decisionTable, decisionTables, type Ruling } from '../src/rules/index.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';

// Every ruling the content gate asks for (each case, each authored item, each template seed it checks) is decided
// through the decision tables; the mock only records the path the tables took next to the ruling they returned.
const walked = vi.hoisted(() => [] as { ruling: Ruling; path: readonly PathStep[] }[]);
vi.mock('../src/rules/decide.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/rules/decide.ts')>();
  const record = (result: { ruling: Ruling; path: readonly PathStep[] }) => {
    walked.push(result);
    return result.ruling;
  };
  return {
    ...original,
    decide: (input: unknown, options?: Parameters<typeof original.decide>[1]) => record(original.decideWithPath(input, options)),
    decideParsed: (facts: Parameters<typeof original.decideParsed>[0], options?: Parameters<typeof original.decideParsed>[1]) =>
      record(original.decideParsedWithPath(facts, options)),
  };
});

const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const isRouting = (step: PathStep) => !step.table.startsWith('freight') || step.table === 'freight-claim';

describe('the decision tables over the whole content library', () => {
  const report = checkContent(CONTENT);

  it('give every case and bank item the ruling its author committed (the content gate, walked through the tables)', () => {
    expect(report.errors.map(formatAuthorError)).toEqual([]);
    expect(walked.length).toBeGreaterThanOrEqual(report.cases);
  });

  it('settle each ruling in a row that names its deciding rule, after walking from the intake table', () => {
    const wrong = walked.flatMap(({ ruling, path }) => {
      const routing = path.filter(isRouting);
      const innermost = routing[0]!;
      const row = decisionTable(innermost.table).rows[innermost.row]!;
      const ok = row.rules.includes(ruling.decidingRuleId) && routing.at(-1)!.table === 'intake';
      return ok ? [] : [`${innermost.table}#${innermost.row} settled ${ruling.decidingRuleId}`];
    });
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('reach every stage table with content (which rows no content reaches is printed)', () => {
    const reached = new Set(walked.flatMap(({ path }) => path.map((step) => `${step.table}#${step.row}`)));
    const tables = new Set(walked.flatMap(({ path }) => path.map((step) => step.table)));
    const unreached = decisionTables.flatMap((table) => table.rows.flatMap((row, index) => (row.continues || reached.has(`${table.id}#${index}`) ? [] : [`${table.id}#${index}`])));
    // Printed on purpose: rows no case or item settles are where new content teaches most.
    console.info(`decision-table rows no content settles: ${unreached.join(', ') || '(none)'}`);
    expect(decisionTables.map((table) => table.id).filter((id) => !tables.has(id))).toEqual([]);
  });
});
