import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatAuthorError } from '../src/authoring/index.ts';
import { variantsPerTemplate } from '../src/quiz/bank.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';
import { listCaseFiles } from '../src/server/content-check/content-files.ts';
import { readQuestionFiles } from '../src/server/content-check/question-files.ts';

const CONTENT = fileURLToPath(new URL('../content', import.meta.url));

describe('the content library', () => {
  const report = checkContent(CONTENT);

  it('passes the content gate: every expected ruling and every answer key agrees with the rule engine', () => {
    // Compare the formatted messages, so a failure reads exactly like `npm run check:content`.
    expect(report.errors.map(formatAuthorError)).toEqual([]);
  });

  it('checks every case file and counts each passing case under exactly one deciding rule', () => {
    const files = listCaseFiles(join(CONTENT, 'cases'));
    expect(report.cases).toBe(files.length);
    expect(report.cases).toBeGreaterThanOrEqual(1);
    const failing = new Set(report.errors.map((error) => error.file)).size;
    const decided = Object.entries(report.rules)
      .filter(([id]) => id.startsWith('R-'))
      .reduce((sum, [, coverage]) => sum + coverage.cases, 0);
    expect(decided).toBe(report.cases - failing);
  });

  it('checks every question file: the bank is every authored item plus variantsPerTemplate variants per template', () => {
    const files = readQuestionFiles(CONTENT);
    expect(files.length).toBeGreaterThanOrEqual(1);
    const count = (key: 'items' | 'templates') => files.reduce((sum, file) => sum + ((file.data as Record<string, unknown[] | undefined>)[key]?.length ?? 0), 0);
    expect(report.templates).toBe(count('templates'));
    expect(report.items).toBe(count('items') + count('templates') * variantsPerTemplate);
  });

  it('counts every bank item under the rules its key rests on, and no rule under more items than the bank holds', () => {
    const counts = Object.values(report.rules).map((coverage) => coverage.items);
    expect(Math.max(...counts)).toBeLessThanOrEqual(report.items);
    // The first question file teaches the 7-day window; its items must be counted there.
    expect(report.rules['R-7DAY-WINDOW']!.items).toBeGreaterThanOrEqual(1);
  });

  it('attributes shop-SOP items to their SOP rule: every SOP rule has at least 2 bank items', () => {
    const sop = Object.entries(report.rules).filter(([id]) => id.startsWith('SOP-'));
    expect(sop.length).toBeGreaterThanOrEqual(31);
    const thin = sop.filter(([, coverage]) => coverage.items < 2).map(([id, coverage]) => `${id}: ${coverage.items}`);
    expect(thin).toEqual([]);
  });

  it('reports how many cases and bank items rest on each deciding rule', () => {
    const rows = Object.entries(report.rules)
      .filter(([id]) => id.startsWith('R-'))
      .map(([id, coverage]) => `${id} ${coverage.cases}/${coverage.items}`);
    const untaught = Object.entries(report.rules).filter(([id, coverage]) => id.startsWith('R-') && coverage.cases + coverage.items === 0);
    // Printed on purpose: CI logs show coverage per rule (cases/items) and the rules no content teaches yet.
    console.info(`rule coverage (cases/items): ${rows.join(', ')}\nrules no case or item teaches: ${untaught.map(([id]) => id).join(', ') || '(none)'}`);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('includes the model case, decided by the seven-day scope rule', () => {
    expect(report.rules['R-7DAY-SCOPE']!.cases).toBeGreaterThanOrEqual(1);
    expect(report.rules['SOP-7DAY-EXPLAIN']!.cases).toBeGreaterThanOrEqual(1);
  });
});
