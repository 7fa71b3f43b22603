import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewCase, summarizeContent, type CaseReview, type ContentReport } from '../../authoring/index.ts';
import { readCaseFile } from './case-file.ts';
import { caseSlugs, displayPath, listCaseFiles, loadShopPolicy } from './content-files.ts';

/**
 * Runs the content gate over a content folder (`<root>/cases/**\/*.mdx` with `<root>/policy/shop.json`) without
 * Astro. An invalid shop.json is reported alone: every ruling depends on it, so the cases are not decided.
 */
export function checkContent(root: string): ContentReport {
  const casesDir = join(root, 'cases');
  const files = listCaseFiles(casesDir);
  const shop = loadShopPolicy(join(root, 'policy', 'shop.json'));
  if ('errors' in shop) return { ...summarizeContent([], shop.errors), cases: files.length };
  const slugs = caseSlugs(casesDir);
  const reviews = files.map((path): CaseReview => {
    const file = displayPath(path);
    const parsed = readCaseFile(file, readFileSync(path, 'utf8'));
    if (parsed.errors.length > 0) return { errors: parsed.errors };
    return reviewCase(file, parsed.value, { shopPolicy: shop.policy, slugs, locate: parsed.locate });
  });
  return summarizeContent(reviews);
}
