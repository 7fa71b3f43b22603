import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/quiz/random.ts';

const DAY_MS = 86_400_000;
const ISO_TIME = /\b(\d{4})-(\d{2})-(\d{2})((?: \d{2}:\d{2}(?::\d{2})?)?)\b/g;
const CHINESE_DATE = /(\d{1,2}) 月 (\d{1,2}) 日/g;

const pad = (value: number) => String(value).padStart(2, '0');

function shiftIso(text: string, days: number): string {
  return text.replace(ISO_TIME, (_, year: string, month: string, day: string, time: string) => {
    const shifted = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)) + days * DAY_MS);
    return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}${time}`;
  });
}

// Body dates such as “9 月 10 日” are read in the year of the case's first ISO date.
function shiftChinese(text: string, days: number, year: number): string {
  return text.replace(CHINESE_DATE, (whole, month: string, day: string) => {
    const original = new Date(Date.UTC(year, Number(month) - 1, Number(day)));
    if (original.getUTCMonth() !== Number(month) - 1) return whole;
    const shifted = new Date(original.getTime() + days * DAY_MS);
    return `${shifted.getUTCMonth() + 1} 月 ${shifted.getUTCDate()} 日`;
  });
}

/**
 * One synthetic case made from a real one: every date and time in the frontmatter (facts and expected deadlines) and
 * the body moved by the same whole number of weeks, so every interval, deadline and weekday the engine or the text
 * relies on is unchanged and the case passes the content gate exactly when its source does; the title and summary
 * name the copy. `related` still points at the real cases, which every synthetic set contains.
 */
export function syntheticCase(source: string, copy: number, random: () => number): string {
  const weeks = 1 + Math.floor(random() * 40);
  const year = Number(/\b(\d{4})-\d{2}-\d{2}/.exec(source)?.[1] ?? 2025);
  const shifted = shiftChinese(shiftIso(source, weeks * 7), weeks * 7, year);
  return shifted.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title}（第 ${copy} 例）`);
}

/**
 * Writes `count` case files into `targetDir`: the real cases of `sourceDir` first (questions and `related` refer to
 * them), then week-shifted copies of them in turn (`<slug>-s<n>.mdx`). Deterministic for a given count. Returns the
 * number of bytes written.
 */
export function writeSyntheticCases(sourceDir: string, targetDir: string, count: number): number {
  const names = readdirSync(sourceDir).filter((name) => name.endsWith('.mdx')).sort();
  const sources = names.map((name) => readFileSync(join(sourceDir, name), 'utf8'));
  const random = seededRandom(count);
  mkdirSync(targetDir, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const which = index % names.length;
    const copy = Math.floor(index / names.length);
    const text = copy === 0 ? sources[which]! : syntheticCase(sources[which]!, copy, random);
    const name = copy === 0 ? names[which]! : names[which]!.replace(/\.mdx$/, `-s${copy}.mdx`);
    writeFileSync(join(targetDir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
