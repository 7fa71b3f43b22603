import { ruleById } from '../../rules/index.ts';
import { optionText, type OptionBasis, type ReviewItem, type ReviewPolicy } from '../../quiz/index.ts';
import { choiceLetter } from '../practice/answer-view.ts';
import { clause, joinClauses, sentence } from './wording.ts';

/** One choice of a reviewed question: its text, how it is marked, and the rule that makes it right or wrong. */
export interface ReviewOptionView {
  readonly label: string;
  readonly text: string;
  readonly isKey: boolean;
  readonly isChosen: boolean;
  /** ✓ 正确答案 / ✗ 你的选择 / ✓ 你的选择 (also the key), in words so colour is never the only sign; null otherwise. */
  readonly mark: string | null;
  /** Why, in one sentence; null where the engine gives no basis for this choice. */
  readonly reason: string | null;
  readonly ruleId: string | null;
  readonly ruleTitle: string | null;
}

/** One question of the result page's review. */
export interface ReviewItemView {
  readonly number: number;
  readonly stem: string;
  readonly status: 'correct' | 'wrong' | 'blank';
  readonly verdict: string;
  readonly yours: string;
  /** The key in words; null when the policy shows it only for mistakes and this one was right (it is `yours`). */
  readonly key: string | null;
  readonly options: readonly ReviewOptionView[];
  readonly rules: readonly { readonly ruleId: string; readonly title: string; readonly note: string }[];
  readonly authorExplanation: string | null;
}

export interface ReviewView {
  readonly policy: ReviewPolicy;
  /** What the policy shows, in a sentence for the top of the review. */
  readonly policyNote: string;
  readonly items: readonly ReviewItemView[];
}

const POLICY_NOTES: Record<ReviewPolicy, string> = {
  'score-only': '本考试只公布分数，不公布各题答案。',
  mistakes: '下面列出每一道题：答错和未作答的题目附正确答案，以及每个选项对或错的依据。',
  full: '下面列出每一道题的正确答案，以及每个选项对或错的依据。',
};

type Question = ReviewItem['question'];

/** An answer in words: lettered choices joined by 「；」 (each stripped of its own 。), steps by →, or 未作答. */
export function answerWords(question: Question, value: unknown): string {
  if (value === null || value === undefined) return '未作答';
  if (question.type === 'truefalse') return question.choices[value === true ? 0 : 1] ?? '';
  if (question.type === 'ordering') return Array.isArray(value) ? joinClauses(value as string[], ' → ') : '';
  const indices = Array.isArray(value) ? [...(value as number[])].sort((a, b) => a - b) : [value as number];
  if (indices.length === 0) return '（一项都没有选）';
  return joinClauses(indices.map((index) => `${choiceLetter(index)}. ${question.choices[index] ?? '—'}`));
}

const ruleName = (ruleId: string | null): string | null => (ruleId ? (ruleById(ruleId)?.title ?? ruleId) : null);

/** 「按《title》（id）：note」 as one clause, or just the rule when the trace has no note for it. */
function basisClause(basis: OptionBasis): string | null {
  const title = ruleName(basis.ruleId);
  if (!title) return null;
  const rule = `依据「${title}」（${basis.ruleId}）`;
  return basis.note ? `${rule}：${clause(basis.note)}` : rule;
}

function optionReason(question: Question, basis: OptionBasis, keyIndex: number | null): string | null {
  const because = basisClause(basis);
  if (basis.reply) {
    if (basis.isKey) return sentence(joinClauses(['语气礼貌，承诺的内容与裁决一致', because ?? '']));
    if (!basis.reply.isPolite && basis.reply.broken.length === 0) return sentence(`语气生硬、推诿或指责买家，${because ?? ''}，第一步是安抚顾客`);
    const faults = [
      ...(basis.reply.isPolite ? [] : ['语气生硬、推诿或指责买家']),
      ...basis.reply.broken.map(({ claim, value }) => `承诺「${clause(optionText(claim.ask, claim.equals))}」与裁决不符，实际是「${clause(optionText(claim.ask, value))}」`),
    ];
    return sentence(joinClauses([...faults, basis.reply.broken.length > 0 ? (because ?? '') : '']));
  }
  if (question.type === 'multiple') return because ? sentence(`${basis.isKey ? '这一说法成立' : '这一说法不成立'}：${because}`) : null;
  if (!because) return null;
  if (basis.isKey) return sentence(because);
  const keyText = keyIndex === null ? null : question.choices[keyIndex];
  const found = basis.finding ? clause(optionText(basis.finding.ask, basis.finding.value)) : keyText ? clause(keyText) : null;
  return sentence(joinClauses([found ? `引擎判定为「${found}」` : '', because], '，'));
}

function markOf(basis: Pick<OptionBasis, 'isKey' | 'isChosen'>): string | null {
  if (basis.isKey) return basis.isChosen ? '✓ 正确答案（你的选择）' : '✓ 正确答案';
  return basis.isChosen ? '✗ 你的选择' : null;
}

/** The review as the result page shows it: every question the policy lists, each choice with its mark and reason. */
export function examReviewView(policy: ReviewPolicy, items: readonly ReviewItem[]): ReviewView {
  return {
    policy,
    policyNote: POLICY_NOTES[policy],
    items: items.map((item, position): ReviewItemView => {
      const status = item.correct ? 'correct' : item.response === null ? 'blank' : 'wrong';
      const isExplained = item.options.length > 0 || item.explanation.length > 0 || policy === 'full';
      const keyIndex = item.options.findIndex((option) => option.isKey);
      return {
        number: position + 1,
        stem: item.question.stem,
        status,
        verdict: status === 'correct' ? '✓ 答对' : status === 'blank' ? '✗ 未作答' : '✗ 答错',
        yours: answerWords(item.question, item.response),
        key: isExplained ? answerWords(item.question, item.answer) : null,
        options: item.options.map((basis, index) => ({
          label: item.question.type === 'truefalse' ? '' : choiceLetter(index),
          text: item.question.choices[index] ?? '',
          isKey: basis.isKey,
          isChosen: basis.isChosen,
          mark: markOf(basis),
          reason: optionReason(item.question, basis, keyIndex === -1 ? null : keyIndex),
          ruleId: basis.ruleId,
          ruleTitle: ruleName(basis.ruleId),
        })),
        rules: item.explanation.map((step) => ({ ruleId: step.ruleId, title: step.title, note: sentence(step.note) })),
        authorExplanation: item.authorExplanation ? sentence(item.authorExplanation) : null,
      };
    }),
  };
}
