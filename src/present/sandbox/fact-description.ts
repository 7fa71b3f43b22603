import { enumValueLabel } from '../../rules/index.ts';

/**
 * Reads the fact model's author-facing `.describe()` texts into what a form needs: a short label, a hint, and the
 * Chinese names of enum values. The texts follow one convention ("标签（注）：value 名称；value 名称。补充。"), so the
 * form never keeps a second copy of the wording.
 */

/** Parentheticals up to this length stay in the label ("实付金额（元）"); longer ones move to the hint. */
const SHORT_NOTE = 4;
/** Where a label ends: a clause mark, or an example ("商品名称，例如…"). */
const CLAUSE_END = /[：。；]|，例如/;

export interface DescriptionParts {
  /** The first clause, e.g. 买家付款时间（北京时间）. */
  readonly label: string;
  /** Everything after the label that still says something, or '' when nothing is left. */
  readonly hint: string;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '（') depth += 1;
    if (text[i] === '）') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function tidy(text: string): string {
  return text.replace(/^[，。；：\s]+/, '').trim();
}

/** Splits a description into label and hint; a description without punctuation is all label. */
export function splitDescription(description: string): DescriptionParts {
  const text = description.trim();
  let label = '';
  let rest = text;
  for (;;) {
    const end = CLAUSE_END.exec(rest);
    const open = rest.indexOf('（');
    if (open === -1 || (end && end.index < open)) {
      if (!end) return { label: label + rest, hint: '' };
      return { label: label + rest.slice(0, end.index), hint: tidy(rest.slice(end.index)) };
    }
    const close = closingParen(rest, open);
    if (close === -1) return { label: label + rest, hint: '' };
    const note = rest.slice(open + 1, close);
    if (note.length > SHORT_NOTE) {
      const after = tidy(rest.slice(close + 1));
      return { label: label + rest.slice(0, open), hint: after ? `${note}。${after}` : `${note}。` };
    }
    label += rest.slice(0, close + 1);
    rest = rest.slice(close + 1);
    // "实付金额（元），包邮写 0": a comma after a kept note ends the label.
    if (rest.startsWith('，')) return { label, hint: tidy(rest) };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The hint of an enum field: the description minus its label and its list of values, with raw values in what is
 * left ("不填视为 none") replaced by their names.
 */
export function enumHint(description: string, labels: ReadonlyMap<string, string>): string {
  const { hint } = splitDescription(description);
  const sentences = hint.split('。').map((sentence) => sentence.trim()).filter(Boolean);
  const listsValues = (sentence: string) => [...labels.keys()].some((value) => enumValueLabel(sentence, value) !== undefined);
  return sentences
    .filter((sentence) => !listsValues(sentence))
    .map((sentence) =>
      [...labels].reduce(
        (text, [value, label]) =>
          text.replace(new RegExp(`(^|[^A-Za-z-]) ?${escapeRegExp(value)}(?![A-Za-z-])`, 'g'), `$1“${label}”`),
        sentence,
      ),
    )
    .map((sentence) => `${sentence}。`)
    .join('');
}
