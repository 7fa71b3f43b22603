import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  CaseFrontmatterSchema,
  authorErrorKind,
  fieldSegments,
  firstDeclarations,
  formatAuthorError,
  formatAuthorErrorDetails,
  normalizeFrontmatter,
  normalizeQuestionFile,
  reviewCase,
  reviewQuestionFile,
  type AuthorError,
} from './authoring/index.ts';
import { ItemSchema, TemplateSchema } from './quiz/index.ts';
import { caseSlugs, displayPath, gateFingerprint, loadShopPolicy } from './server/content-check/content-files.ts';
import { QUESTION_FILE_PATTERN, loadCaseFacts, questionGateFingerprint, readQuestionFiles } from './server/content-check/question-files.ts';

const CASES_DIR = './content/cases';
const QUESTIONS_DIR = './content/questions';

// Read once per config load: `astro dev` picks up a new case file or a shop.json edit on restart.
const shop = loadShopPolicy('./content/policy/shop.json');
if ('errors' in shop) throw new Error(shop.errors.map(formatAuthorError).join('\n\n'));
const shopPolicy = shop.policy;
const slugs = caseSlugs(CASES_DIR);
// Questions build on the cases' facts, and ids must be unique across every question file: both are read here.
const caseFacts = loadCaseFacts(CASES_DIR);
const declarations = firstDeclarations(readQuestionFiles('./content').filter((input) => input.errors.length === 0));

/** The message Astro prints under the field: the item id, the code and name, then the same lines as the CLI. */
const issueMessage = (error: AuthorError) => `${error.item === undefined ? '' : `${error.item}  `}${authorErrorKind(error)}\n${formatAuthorErrorDetails(error)}\n`;

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
      ctx.addIssue({ code: 'custom', path: error.field.split('.'), message: issueMessage(error) });
    }
  })
  .transform((frontmatter) => normalizeFrontmatter(frontmatter))
  .pipe(CaseFrontmatterSchema);

/** What the `questions` collection stores per file: only what pages may show. */
const PublicQuestionsSchema = z.object({ items: z.array(ItemSchema), templates: z.array(TemplateSchema) });

const isExamOnly = (entry: unknown) => typeof entry === 'object' && entry !== null && (entry as { exam?: unknown }).exam === true;

/**
 * A question file, refused unless the item gate passes (same checks and messages as `npm run check:content`), then
 * stored without its exam-only items and templates. Astro serialises collection data into the build (the data store
 * ends up in dist/server), and nothing under dist/ may carry a certification question: the exam server reads
 * content/questions itself. The input is `{ file, content }` (see `labelledWithFile`), so the gate knows which file
 * it checks when it compares ids across files.
 */
const QuestionFileEntrySchema = z
  .object({ file: z.string(), content: z.unknown() })
  .superRefine(({ file, content }, ctx) => {
    const context = { shopPolicy, caseFacts: (slug: string) => caseFacts.get(slug), caseSlugs: slugs, declarations };
    for (const error of reviewQuestionFile(file, content, context).errors) {
      ctx.addIssue({ code: 'custom', path: fieldSegments(error.field), message: issueMessage(error) });
    }
  })
  .transform(({ content }) => {
    const { items = [], templates = [] } = normalizeQuestionFile(content) as { items?: unknown[]; templates?: unknown[] };
    return { items: items.filter((item) => !isExamOnly(item)), templates: templates.filter((template) => !isExamOnly(template)) };
  })
  .pipe(PublicQuestionsSchema);

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

/**
 * Hands the schema `{ file, content }` instead of the file's data: a zod schema is not told which entry it validates,
 * and the item gate needs the file to tell a repeated id from its first use.
 */
function labelledWithFile(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: (props) => context.parseData({ ...props, data: { file: displayPath(props.filePath ?? ''), content: props.data } }) as never,
      }),
  };
}

export const collections = {
  cases: defineCollection({
    loader: revalidatedWhenGateChanges(glob({ base: CASES_DIR, pattern: '**/*.mdx' }), gateFingerprint('.')),
    schema: CaseEntrySchema,
  }),
  questions: defineCollection({
    loader: revalidatedWhenGateChanges(labelledWithFile(glob({ base: QUESTIONS_DIR, pattern: QUESTION_FILE_PATTERN })), questionGateFingerprint('.')),
    schema: QuestionFileEntrySchema,
  }),
};
