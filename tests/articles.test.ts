import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTexts, documentFiles, type DocumentId } from '../src/rules/articles.ts';

// The primary texts live beside the repository (shared/domain/sources), as in CI's checkout.
const SOURCES = join(import.meta.dirname, '../../shared/domain/sources');

/** Whitespace-insensitive, so the check is about wording, not line wrapping. */
const squash = (text: string) => text.replace(/[\s\u3000]+/g, '');

describe.skipIf(!existsSync(SOURCES))('article texts quoted by the catalogue', () => {
  for (const [document, file] of Object.entries(documentFiles) as [DocumentId, string][]) {
    it(`are verbatim from ${file}`, () => {
      const source = squash(readFileSync(join(SOURCES, file), 'utf8'));
      for (const [number, article] of Object.entries(articleTexts[document])) {
        expect(source.includes(squash(`${article.heading}${article.text}`)), `${document} ${number}`).toBe(true);
      }
    });
  }
});
