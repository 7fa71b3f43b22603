import type { Ruling } from '../rules/index.ts';
import { type ReplyItem, type ReplyVerdict, type UnkeyableReplyError } from '../quiz/index.ts';
import type { AuthorError, TraceLine } from './author-error.ts';
import { answerText, askedFieldText, traceFor } from './asked-field-text.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { fieldText, type FieldPath } from './question-paths.ts';

interface Where {
  readonly file: string;
  readonly path: FieldPath;
  readonly locate: Locate;
}

/** `回复 1：语气生硬；承诺 resolution（处理结果）是 reject（驳回）不成立（引擎：return-and-refund（退货退款））` */
export function verdictText(verdict: ReplyVerdict): string {
  const failed = verdict.promises
    .filter((promise) => !promise.holds)
    .map((promise) => `承诺 ${askedFieldText(promise.claim.ask)} 是 ${answerText(promise.claim.ask, promise.claim.equals)} 不成立（引擎：${answerText(promise.claim.ask, promise.value)}）`);
  const parts = [...(verdict.polite ? [] : ['语气生硬（tone: rude）']), ...failed];
  return `回复 ${verdict.index}：${parts.length === 0 ? '礼貌，承诺全部成立' : parts.join('；')}`;
}

/** The rules behind every promise that decided a verdict, once each. */
function replyTrace(verdicts: readonly ReplyVerdict[], ruling: Ruling): TraceLine[] {
  const lines = new Map<string, TraceLine>();
  for (const verdict of verdicts) {
    for (const promise of verdict.promises) for (const line of traceFor(promise.claim.ask, ruling)) lines.set(`${line.ruleId}\u0000${line.note}`, line);
  }
  return [...lines.values()];
}

const head = (code: AuthorError['code'], where: Where, item: ReplyItem, field: string) => ({
  code,
  file: where.file,
  item: item.id,
  ...lineOf(where.locate, field),
  field,
});

/** EXPECTED_MISMATCH when the author's `answer` is not the one right reply the engine found. */
export function replyAnswerErrors(item: ReplyItem, verdicts: readonly ReplyVerdict[], keyAnswer: number, ruling: Ruling, where: Where): AuthorError[] {
  if (keyAnswer === item.answer) return [];
  const written = verdicts[item.answer];
  return [
    {
      ...head('EXPECTED_MISMATCH', where, item, fieldText([...where.path, 'answer'])),
      wrote: `answer: ${item.answer}${written ? `，即“${item.options[item.answer]!.text}”` : ''}`,
      decided: `只有回复 ${keyAnswer} 礼貌且承诺全部成立。${written ? verdictText(written) : ''}`,
      trace: replyTrace(written ? [written] : [], ruling),
      fix: `如果情景和每条承诺都写得没错，把 answer 改为 ${keyAnswer}。如果你确信回复 ${item.answer} 才对，核对它的 promises 是否写出了回复的原意，以及情景是否写全了事实。`,
    },
  ];
}

/** NO_CORRECT_REPLY or AMBIGUOUS_REPLIES, with every reply's verdict. */
export function unkeyableReplyErrors(item: ReplyItem, error: UnkeyableReplyError, ruling: Ruling, where: Where): AuthorError[] {
  const right = error.verdicts.filter((verdict) => verdict.right).map((verdict) => verdict.index);
  const decided = error.verdicts.map(verdictText).join('；');
  if (right.length === 0) {
    return [
      {
        ...head('NO_CORRECT_REPLY', where, item, fieldText([...where.path, 'options'])),
        wrote: `answer: ${item.answer}，即“${item.options[item.answer]?.text ?? ''}”`,
        decided,
        problem: '没有一条回复可以照发：学员选什么都不对。',
        trace: replyTrace(error.verdicts, ruling),
        fix: '让正确的那条回复礼貌（tone: polite），并把它的承诺改成与引擎一致的取值；如果你认为引擎判错了，先核对情景的事实。',
      },
    ];
  }
  return [
    {
      ...head('AMBIGUOUS_REPLIES', where, item, fieldText([...where.path, 'options', right[1]!])),
      wrote: right.map((index) => `${index}. ${item.options[index]!.text}`).join('；'),
      decided,
      problem: `回复 ${right.join('、')} 都礼貌且承诺全部成立，选哪条都算对。`,
      trace: replyTrace(error.verdicts.filter((verdict) => verdict.right), ruling),
      fix: `只保留一条正确回复（例如回复 ${right[0]}）；把其余回复改成学员常犯的错误：承诺了裁决或本店规范不给的东西，或者语气生硬。`,
    },
  ];
}
