import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTexts, documentFiles, type DocumentId } from '../src/rules/articles.ts';
import { articlesModule, chineseNumber } from '../src/server/articles/articles-module.ts';

// The primary texts live beside the project (../shared/domain/sources), as in CI's checkout. A missing folder fails
// these tests rather than skipping them.
const SOURCES = join(import.meta.dirname, '../../shared/domain/sources');
const ARTICLES = join(import.meta.dirname, '../src/rules/articles.ts');

/** Whitespace-insensitive, so the check is about wording, not line wrapping. */
const squash = (text: string) => text.replace(/[\s\u3000]+/g, '');

describe('article texts quoted by the catalogue', () => {
  it('finds the primary sources beside the project', () => {
    expect(existsSync(SOURCES), `${SOURCES} is missing: check out the domain sources beside the project`).toBe(true);
  });

  it('are what npm run gen:articles generates from the sources (run it after editing a source)', () => {
    const sources = new Map(readdirSync(SOURCES).map((file) => [file, readFileSync(join(SOURCES, file), 'utf8')]));
    expect(readFileSync(ARTICLES, 'utf8')).toBe(articlesModule(sources));
  });

  for (const [document, file] of Object.entries(documentFiles) as [DocumentId, string][]) {
    it(`are verbatim from ${file}`, () => {
      const source = squash(readFileSync(join(SOURCES, file), 'utf8'));
      for (const [number, article] of Object.entries(articleTexts[document])) {
        expect(source.includes(squash(`${article.heading}${article.text}`)), `${document} ${number}`).toBe(true);
      }
    });
  }

  it('reads Chinese article numbers', () => {
    expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十'), chineseNumber('九十四'), chineseNumber('一百零三')]).toEqual([1, 10, 12, 20, 94, 103]);
  });
});
