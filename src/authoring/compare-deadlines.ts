import { formatBeijingTime, parseBeijingTime, type Ruling } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import type { ExpectedRuling } from './case-schema.ts';
import { singleStep } from './deciding-chain.ts';
import type { Mismatch } from './expected-mismatch.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { booleanText, instantText } from './value-text.ts';

// A deadline is computed by one rule from a few facts; its own step is the whole explanation.
const flags = [
  ['shippedLate', 'R-SHIP-DEADLINE'],
  ['claimInSevenDayWindow', 'R-7DAY-WINDOW'],
] as const;
const instants = [
  ['sevenDayWindowEnd', 'R-7DAY-WINDOW'],
  ['shipBy', 'R-SHIP-DEADLINE'],
] as const;

/** Mismatches in the deadline fields, plus INVALID_FRONTMATTER for an expected time that cannot be read. */
export function compareDeadlines(file: string, expected: ExpectedRuling, ruling: Ruling, locate: Locate): { mismatches: Mismatch[]; errors: AuthorError[] } {
  const { deadlines } = ruling;
  const mismatches: Mismatch[] = [];
  const errors: AuthorError[] = [];
  for (const [key, target] of flags) {
    const written = expected[key];
    const decided = deadlines[key];
    if (written === undefined || written === decided) continue;
    const field = `expected.${key}`;
    mismatches.push({ field, wrote: booleanText(written), decided: booleanText(decided), target, replacement: decided?.toString(), trace: singleStep(ruling, target) });
  }
  for (const [key, target] of instants) {
    const written = expected[key];
    if (written === undefined) continue;
    const field = `expected.${key}`;
    const instant = parseBeijingTime(written);
    const decided = deadlines[key];
    if (instant === null) {
      const computed = decided === undefined ? '' : `，本案引擎算出的是 "${formatBeijingTime(decided)}"`;
      errors.push({ code: 'INVALID_FRONTMATTER', file, ...lineOf(locate, field), field, wrote: written, problem: '时间无法识别。', trace: [], fix: `写成带引号的北京时间“YYYY-MM-DD HH:mm”${computed}。` });
    } else if (instant !== decided) {
      const replacement = decided === undefined ? undefined : `"${formatBeijingTime(decided)}"`;
      mismatches.push({ field, wrote: written, decided: instantText(decided), target, replacement, trace: singleStep(ruling, target) });
    }
  }
  return { mismatches, errors };
}
