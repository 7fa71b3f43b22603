import type { AuthorError } from './author-error.ts';
import { closest } from './closest.ts';
import { lineOf, type Locate } from './fact-issues.ts';

// One misspelt slug is usually copied into many cases; the nearest match is the same every time.
const suggestions = new WeakMap<ReadonlySet<string>, Map<string, string | undefined>>();

function nearestSlug(slug: string, slugs: ReadonlySet<string>): string | undefined {
  let known = suggestions.get(slugs);
  if (!known) suggestions.set(slugs, (known = new Map()));
  if (!known.has(slug)) known.set(slug, closest(slug, slugs));
  return known.get(slug);
}

/** UNKNOWN_RELATED for each `related` slug that is not a case; nothing to check when `slugs` is not given. */
export function checkRelated(file: string, related: readonly string[], slugs: ReadonlySet<string> | undefined, locate: Locate): AuthorError[] {
  if (!slugs) return [];
  return related.flatMap((slug, index): AuthorError[] => {
    if (slugs.has(slug)) return [];
    const field = `related.${index}`;
    const near = nearestSlug(slug, slugs);
    return [
      {
        code: 'UNKNOWN_RELATED',
        file,
        ...lineOf(locate, field),
        field,
        wrote: slug,
        problem: `content/cases 里没有 ${slug}.mdx。`,
        trace: [],
        fix: `${near ? `改成 ${near}（名字相近）` : '改成已有案例的文件名（不含 .mdx）'}，或删除这一项。`,
      },
    ];
  });
}
