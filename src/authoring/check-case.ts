import { CURRENT_EDITION, decide, editions, type EditionId, type Ruling, type ShopPolicy } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import { CaseFrontmatterSchema, type CaseFrontmatter } from './case-schema.ts';
import { compareExpected } from './compare-expected.ts';
import { engineAuthorErrors } from './engine-errors.ts';
import { checkFacts, lineOf, type Locate } from './fact-issues.ts';
import { issueTexts, valueAt } from './issue-text.ts';
import { normalizeFrontmatter } from './normalize-frontmatter.ts';
import { checkRelated } from './related-cases.ts';
import { topics } from '../quiz/index.ts';

export interface CaseCheckContext {
  /** The shop SOP configuration the rulings are decided with (content/policy/shop.json). */
  readonly shopPolicy: ShopPolicy;
  /** Every case slug (file name without .mdx); when given, `related` entries must be among them. */
  readonly slugs?: ReadonlySet<string>;
  /** Line of a dotted field in the file, when the caller can tell. */
  readonly locate?: Locate;
}

export interface CaseReview {
  readonly errors: readonly AuthorError[];
  /** Present when the facts could be decided. */
  readonly ruling?: Ruling;
  /** Present when the frontmatter fits the case schema (normalized: YAML dates as written, blank facts left out). */
  readonly frontmatter?: CaseFrontmatter;
}

const noLine: Locate = () => undefined;
const topicLabel = (value: unknown) => `${String(value)}（${topics[value as keyof typeof topics] ?? '?'}）`;

/**
 * Runs the content gate on one case: frontmatter schema, fact model, `decide()`, then every expected field against
 * the ruling, rule ids and related slugs. Never throws for bad content: everything an author can get wrong comes back
 * as an AuthorError. Errors the engine raises for reasons other than the facts are rethrown.
 */
export function reviewCase(file: string, rawFrontmatter: unknown, context: CaseCheckContext): CaseReview {
  const locate = context.locate ?? noLine;
  const frontmatter = normalizeFrontmatter(rawFrontmatter);
  const errors: AuthorError[] = [];

  const parsed = CaseFrontmatterSchema.safeParse(frontmatter);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const text of issueTexts(CaseFrontmatterSchema, frontmatter, issue, issue.path[0] === 'topics' ? { label: topicLabel } : {})) {
        const field = text.path.join('.') || '(头信息)';
        const fix = fixFor(field, text.fix, valueAt(frontmatter, text.path));
        errors.push({ code: 'INVALID_FRONTMATTER', file, ...lineOf(locate, field), field, wrote: text.wrote, problem: text.problem, trace: [], fix });
      }
    }
  }

  const facts = valueAt(frontmatter, ['facts']);
  const checked = checkFacts(file, facts, locate);
  if ('errors' in checked) return { errors: byLine([...errors, ...checked.errors]) };

  const edition = parsed.success ? parsed.data.edition : editionOf(valueAt(frontmatter, ['edition']));
  let ruling: Ruling;
  try {
    ruling = decide(facts, { edition, shopPolicy: context.shopPolicy });
  } catch (error) {
    const engineError = engineAuthorErrors(file, locate, error, facts);
    if (!engineError) throw error;
    return { errors: byLine([...errors, ...engineError]) };
  }
  if (!parsed.success) return { errors: byLine(errors), ruling };

  errors.push(...compareExpected(file, parsed.data.expected, ruling, locate));
  errors.push(...checkRelated(file, parsed.data.related ?? [], context.slugs, locate));
  return { errors: byLine(errors), ruling, frontmatter: parsed.data };
}

/** In file order, so the output reads top to bottom; errors on one line keep the order they were found in. */
const byLine = (errors: readonly AuthorError[]) => [...errors].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));

function editionOf(value: unknown): EditionId {
  return editions.find((edition) => edition.id === value)?.id ?? CURRENT_EDITION;
}

function fixFor(field: string, fix: string, written: unknown): string {
  // A shop rule is the commonest wrong answer for decidingRule: say why it cannot decide.
  if (field === 'expected.decidingRule' && typeof written === 'string' && written.startsWith('SOP-')) {
    return `${written} 是本店规范，不能决定裁决结果；decidingRule 写决定结果的平台或法律规则（R- 开头），本店规范写在 expected.sop 或 expected.overriddenSop。`;
  }
  return fix;
}
