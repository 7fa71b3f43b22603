import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No page or endpoint rendered per request (`export const prerender = false`) may reach `astro:content`, directly or
 * through the modules it imports. Astro's `astro:content` module refers to every entry's render module, so one such
 * import makes the per-request server build compile every case's MDX a second time, next to the prerender build:
 * at 1,000 cases that was a third of `astro build` (bench/build.ts, docs/performance.md). Server code reads content
 * files itself (src/server/content-check, src/server/impact).
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = join(ROOT, 'src/pages');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
const SOURCE = /\.(?:astro|ts|tsx|mts|js|mjs)$/;

/** The module specifiers a source file imports (static, dynamic and side-effect imports; types included). */
function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((match) => match[1]!);
}

const onDemand = (text: string) => /export\s+const\s+prerender\s*=\s*false/.test(text);

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// Modules whose whole import graph was walked without reaching astro:content.
const clean = new Set<string>();

/** The import chain from `start` to a module importing `astro:content`, or undefined when there is none. */
function chainToContent(start: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, chain: readonly string[]): string[] | undefined => {
    if (seen.has(file) || clean.has(file)) return undefined;
    seen.add(file);
    const here = [...chain, relative(ROOT, file)];
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier === 'astro:content') return here;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
      if (!existsSync(target) || !SOURCE.test(target)) continue;
      const found = walk(target, here);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(start, []);
  if (!found) for (const file of seen) clean.add(file);
  return found;
}

describe('the per-request server build', () => {
  it('reads import specifiers of every kind', () => {
    const sample = [
      "import { getCollection } from 'astro:content';",
      "import type { X } from './x.ts';",
      "import './side-effect.ts';",
      "const lazy = await import('../lazy.ts');",
      "export { y } from './y.ts';",
    ].join('\n');
    expect(importsOf(sample)).toEqual(['astro:content', './x.ts', './side-effect.ts', '../lazy.ts', './y.ts']);
  });

  const pages = pageFiles(PAGES).filter((file) => onDemand(readFileSync(file, 'utf8')));

  it('finds the pages rendered per request', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('imports no content collection from a page rendered per request', () => {
    const offenders = pages.flatMap((page) => {
      const chain = chainToContent(page);
      return chain ? [`${chain.join(' → ')} → astro:content`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
