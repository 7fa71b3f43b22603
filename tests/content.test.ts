import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatAuthorError } from '../src/authoring/index.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';
import { listCaseFiles } from '../src/server/content-check/content-files.ts';

const CONTENT = fileURLToPath(new URL('../content', import.meta.url));

describe('the content library', () => {
  const report = checkContent(CONTENT);

  it('passes the content gate: every expected ruling agrees with the rule engine', () => {
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
    expect(report).toMatchObject({ items: 0, templates: 0 });
  });

  it('includes the model case, decided by the seven-day scope rule', () => {
    expect(report.rules['R-7DAY-SCOPE']!.cases).toBeGreaterThanOrEqual(1);
    expect(report.rules['SOP-7DAY-EXPLAIN']!.cases).toBeGreaterThanOrEqual(1);
  });
});
