import { articleTexts, documentTitles, type DocumentId } from './articles.ts';
import type { RuleSource } from './rule-meta.ts';

/**
 * Cites an article of a primary text with its verbatim wording. Throws at module load when the article is not in
 * `articles.ts`, so a catalogue entry can never cite text the project does not have. Marked free of side effects so
 * that bundlers drop the texts (and `articles.ts`) where nothing reads them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function cite(document: DocumentId, article: number): RuleSource {
  const entry = articleTexts[document][article];
  if (!entry) throw new Error(`${documentTitles[document]} article ${article} is not in src/rules/articles.ts`);
  return { document: documentTitles[document], article: entry.heading, quote: entry.text };
}

/** Cites a secondary source (a quoted official FAQ, an older wording) that has no article text in the project. */
/* @__NO_SIDE_EFFECTS__ */
export function citeSecondary(document: string, article: string, quote: string): RuleSource {
  return { document, article, quote };
}

export const tb = /* @__NO_SIDE_EFFECTS__ */ (article: number) => cite('tb', article);
