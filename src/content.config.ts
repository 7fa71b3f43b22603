import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  CaseFrontmatterSchema,
  authorErrorKind,
  formatAuthorError,
  formatAuthorErrorDetails,
  normalizeFrontmatter,
  reviewCase,
} from './authoring/index.ts';
import { caseSlugs, gateFingerprint, loadShopPolicy } from './server/content-check/content-files.ts';

const CASES_DIR = './content/cases';

// Read once per config load: `astro dev` picks up a new case file or a shop.json edit on restart.
const shop = loadShopPolicy('./content/policy/shop.json');
if ('errors' in shop) throw new Error(shop.errors.map(formatAuthorError).join('\n\n'));
const shopPolicy = shop.policy;
const slugs = caseSlugs(CASES_DIR);

/**
 * A case's frontmatter, refused unless the content gate passes: the same checks and the same messages as
 * `npm run check:content`, so an expected ruling that disagrees with the rule engine fails the build. Astro prints
 * each message under the field it concerns. The stored data is normalized (YAML dates as written, blank facts left
 * out), so pages can pass `data.facts` straight to `decide()`.
 */
const CaseEntrySchema = z
  .unknown()
  .superRefine((frontmatter, ctx) => {
    // Astro names the entry and its file above the messages; the gate's own file label is not shown here.
    for (const error of reviewCase('', frontmatter, { shopPolicy, slugs }).errors) {
      // The trailing newline leaves a blank line between messages when Astro lists several.
      ctx.addIssue({ code: 'custom', path: error.field.split('.'), message: `${authorErrorKind(error)}\n${formatAuthorErrorDetails(error)}\n` });
    }
  })
  .transform((frontmatter) => normalizeFrontmatter(frontmatter))
  .pipe(CaseFrontmatterSchema);

/**
 * The glob loader skips validating an entry whose file digest is unchanged since the cached build, so a change to
 * the rules, shop.json or the set of cases would not re-check old cases. Mixing the gate's fingerprint into each
 * digest makes any such change re-validate every case.
 */
function revalidatedWhenGateChanges(loader: Loader, fingerprint: string): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        generateDigest: (data) => context.generateDigest(`${fingerprint}\n${typeof data === 'string' ? data : JSON.stringify(data)}`),
      }),
  };
}

export const collections = {
  cases: defineCollection({
    loader: revalidatedWhenGateChanges(glob({ base: CASES_DIR, pattern: '**/*.mdx' }), gateFingerprint('.')),
    schema: CaseEntrySchema,
  }),
};
