// Joining Chinese clauses. Option texts, statements and trace notes are written as full sentences (they end in 。),
// so gluing them with 「；」 or 「：」 gave 「平台支持卖家。；」: every join strips the part's own end mark first.

const END_MARKS = /[。；，、：.;,:\s]+$/u;
const FINAL_MARKS = /[。！？!?]$/u;

/** The clause without its closing mark (。；，、：), so it can be joined into a longer sentence. */
export const clause = (text: string): string => text.trim().replace(END_MARKS, '');

/** Clauses joined by 「；」, each stripped of its own end mark; empty clauses are left out. */
export const joinClauses = (parts: readonly string[], separator = '；'): string =>
  parts.map(clause).filter((part) => part.length > 0).join(separator);

/** The text as one sentence ending in exactly one mark: its own 。！？ if it has one, else 「。」. */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[；，、：;,:\s]+$/u, '');
  if (trimmed.length === 0) return '';
  return FINAL_MARKS.test(trimmed) ? trimmed.replace(/([。！？!?])[。！？!?]+$/u, '$1') : `${trimmed}。`;
}

/** Matches punctuation a reader sees as doubled: two sentence or clause marks in a row (「。；」, 「。。」, 「；；」). */
export const DOUBLED_PUNCTUATION = /[。；，、：！？][。；，、：！？]/u;
