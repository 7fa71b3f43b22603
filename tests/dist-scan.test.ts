import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkedSeedsPerTemplate, normalizeQuestionFile } from '../src/authoring/index.ts';
import { drawParams, renderStem, TemplateSchema, variantId } from '../src/quiz/index.ts';
import { readQuestionFiles } from '../src/server/content-check/question-files.ts';
import { ensureBuilt } from './server/built-server.ts';

/**
 * Certification questions must never reach the build: no exam item's stem or id, and no stem or id of any of the
 * first 50 variants of an exam template, in any file under dist/ (pages, scripts, the server bundle and its copy of
 * the content data store, and Pagefind's index).
 *
 * The scan builds first when dist/ is missing or stale (`ensureBuilt`, as the server tests do), and never reads dist/
 * while a build is writing it: `npm test` runs this file beside the ones that build, and a scan started on half a
 * build could read files the build then moves (or pass without having seen the pages). It used to skip when
 * dist/client was missing, judged when the file loaded: on a fresh clone that raced the first test file's build. `npm run test:e2e` scans again,
 * after CI's own `npm run build`.
 *
 * Pagefind's files are gzip (then a `pagefind_dcd` signature); fragments hold each indexed page's text with
 * zero-width spaces between Chinese words. They are decompressed and read like the pages, with whitespace and
 * zero-width characters removed from both the files and the stems; HTML entities and JSON `\uXXXX` escapes are
 * decoded, and tags are also stripped, so a stem split by markup is still found.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

const TEXT_FILE = /\.(?:html?|m?js|cjs|json|css|txt|xml|svg|map|webmanifest)$/;
const PAGEFIND_FILE = /\.pf_(?:fragment|index|meta|filter)$/;
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decoded(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&([a-z]+);/gi, (match, name: string) => entities[name.toLowerCase()] ?? match)
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Stems are compared without whitespace or zero-width characters: pages wrap lines and Pagefind splits words. */
const squeezed = (text: string) => text.replace(INVISIBLE, '');

interface Corpus {
  /** Per file (relative path): the decoded text, for ids. */
  readonly raw: ReadonlyMap<string, string>;
  /** Per file: decoded, squeezed text, and the same with tags stripped, for stems. */
  readonly squeezed: ReadonlyMap<string, readonly string[]>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every text file under `dir`, Pagefind's gzip files decompressed, ready to search. Binary files are skipped. */
function readCorpus(dir: string): Corpus {
  const raw = new Map<string, string>();
  const squeezedTexts = new Map<string, string[]>();
  for (const path of filesUnder(dir)) {
    let text: string;
    if (PAGEFIND_FILE.test(path)) text = gunzipSync(readFileSync(path)).toString('utf8');
    else if (TEXT_FILE.test(path)) text = readFileSync(path, 'utf8');
    else continue;
    const name = relative(dir, path);
    const plain = decoded(text);
    raw.set(name, plain);
    squeezedTexts.set(name, [squeezed(plain), squeezed(plain.replace(/<[^>]*>/g, ''))]);
  }
  return { raw, squeezed: squeezedTexts };
}

/** The files of `corpus` that contain `id` as a whole token (ids are kebab-case, variants add `~seed`). */
function idLeaks(corpus: Corpus, id: string): string[] {
  const pattern = new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`);
  return [...corpus.raw].filter(([, text]) => pattern.test(text)).map(([name]) => `${name} (id ${id})`);
}

/** The files of `corpus` whose text contains `stem`, whitespace and zero-width characters aside. */
function stemFiles(corpus: Corpus, stem: string): string[] {
  const wanted = squeezed(stem);
  return [...corpus.squeezed].filter(([, texts]) => texts.some((text) => text.includes(wanted))).map(([name]) => name);
}

const leaks = (corpus: Corpus, entry: ExamEntry) => [...idLeaks(corpus, entry.id), ...stemFiles(corpus, entry.stem).map((name) => `${name} (stem of ${entry.id})`)];

interface ExamEntry {
  readonly id: string;
  readonly stem: string;
}

/** Every exam-only item, and every checked variant of every exam-only template, of the question files under `root`. */
function examEntries(root: string): { items: ExamEntry[]; templates: { id: string; skeleton: string; variants: ExamEntry[] }[] } {
  const items: ExamEntry[] = [];
  const templates: { id: string; skeleton: string; variants: ExamEntry[] }[] = [];
  for (const file of readQuestionFiles(root)) {
    const data = normalizeQuestionFile(file.data) as { items?: unknown[]; templates?: unknown[] } | undefined;
    for (const raw of data?.items ?? []) {
      const item = raw as { id?: unknown; stem?: unknown; exam?: unknown };
      if (item.exam === true && typeof item.id === 'string') items.push({ id: item.id, stem: String(item.stem ?? '') });
    }
    for (const raw of data?.templates ?? []) {
      const parsed = TemplateSchema.safeParse(raw);
      if (!parsed.success || !parsed.data.exam) continue;
      const template = parsed.data;
      const variants = Array.from({ length: checkedSeedsPerTemplate }, (_, index) => ({
        id: variantId(template.id, index + 1),
        stem: renderStem(template, drawParams(template, index + 1)),
      }));
      // The longest text between placeholders is in every variant: absent from dist/, no variant can be there.
      const skeleton = template.stem.split(/\{\{\w+\}\}/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
      templates.push({ id: template.id, skeleton, variants });
    }
  }
  return { items, templates };
}

/** Everything of the exam pool found under `dir`, as `file (what)` lines; empty when nothing leaked. */
function scanDist(dir: string, exam: ReturnType<typeof examEntries>): string[] {
  const corpus = readCorpus(dir);
  const found = exam.items.flatMap((item) => leaks(corpus, item));
  for (const template of exam.templates) {
    // The template id is inside every variant id (`t-id~seed`): files without it hold no variant id, whatever the seed.
    const withId = idLeaks(corpus, template.id);
    found.push(...withId);
    // Only files holding the stem's fixed text can hold a variant's stem: 50 searches become one for most files.
    const suspects = new Set([...withId.map((line) => line.split(' (')[0]!), ...(template.skeleton.length >= 6 ? stemFiles(corpus, template.skeleton) : corpus.raw.keys())]);
    if (suspects.size === 0) continue;
    const narrowed: Corpus = { raw: new Map([...corpus.raw].filter(([name]) => suspects.has(name))), squeezed: new Map([...corpus.squeezed].filter(([name]) => suspects.has(name))) };
    found.push(...template.variants.flatMap((variant) => leaks(narrowed, variant)));
  }
  return [...new Set(found)];
}

describe('the dist/ scanner', () => {
  it('finds an exam stem and id in a page, a script and a gzipped Pagefind fragment, and nothing in clean files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-scan-'));
    try {
      mkdirSync(join(dir, 'client/pagefind/fragment'), { recursive: true });
      const stem = '认证考试专用：包邮大衣七天无理由退货，发货运费由卖家承担。';
      writeFileSync(join(dir, 'client/clean.html'), '<p>包邮大衣七天无理由退货</p><p>q-exam-item-2 是另一道题</p>');
      writeFileSync(join(dir, 'client/page.html'), `<p>认证考试专用：包邮大衣<strong>七天无理由</strong>退货，\n发货运费由卖家承担。</p>`);
      writeFileSync(join(dir, 'client/island.js'), `const props = {"id":"q-exam-item","stem":"${[...'认证'].map((c) => `\\u${c.charCodeAt(0).toString(16)}`).join('')}"};`);
      const fragment = `pagefind_dcd{"url":"/x/","content":"${[...stem].join('\u200b')}"}`;
      writeFileSync(join(dir, 'client/pagefind/fragment/zh-cn_1.pf_fragment'), gzipSync(Buffer.from(fragment, 'utf8')));
      writeFileSync(join(dir, 'client/image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const found = scanDist(dir, { items: [{ id: 'q-exam-item', stem }], templates: [] });
      expect(found.sort()).toEqual(['client/island.js (id q-exam-item)', 'client/page.html (stem of q-exam-item)', 'client/pagefind/fragment/zh-cn_1.pf_fragment (stem of q-exam-item)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a variant of an exam template by its id or its drawn stem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-scan-'));
    try {
      const exam = examEntries(join(ROOT, 'tests/fixtures/questions-valid'));
      const template = exam.templates.find((candidate) => candidate.id === 't-pass-exam-window')!;
      expect(template.variants).toHaveLength(checkedSeedsPerTemplate);
      writeFileSync(join(dir, 'a.html'), `<p>${template.variants[41]!.stem}</p>`);
      writeFileSync(join(dir, 'b.json'), JSON.stringify({ id: template.variants[7]!.id }));
      expect(scanDist(dir, exam).sort()).toEqual(['a.html (stem of t-pass-exam-window~42)', 'b.json (id t-pass-exam-window)', 'b.json (id t-pass-exam-window~8)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist/ after `npm run build`', () => {
  beforeAll(ensureBuilt, 300_000);

  it('contains no exam item and no variant of an exam template: neither stem nor id', () => {
    expect(existsSync(join(DIST, 'client')), 'dist/client is missing after the build').toBe(true);
    const exam = examEntries(join(ROOT, 'content'));
    expect(scanDist(DIST, exam)).toEqual([]);
  }, 120_000);
});
