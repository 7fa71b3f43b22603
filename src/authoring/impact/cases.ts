import { sameAnswer, type AnswerValue } from '../../quiz/index.ts';
import type { ExpectedRuling } from '../case-schema.ts';
import type { ImpactCase } from './content.ts';
import { compareQuestion, type Flip } from './flip.ts';
import type { ImpactPolicy } from './policy.ts';
import { caseQuestions, type ImpactQuestion } from './questions.ts';
import { decidePair } from './side-by-side.ts';

/** Which side the author's expected ruling agrees with, for the flipped part; `not-stated` when the case leaves it out. */
export type AuthorKeyAgreement = 'before' | 'after' | 'neither' | 'not-stated';

export type CaseFlip = Flip & { readonly authorKey: AuthorKeyAgreement };

/** The author's value for one part of the ruling; undefined when the frontmatter does not state it. */
function expectedValue(expected: ExpectedRuling, question: ImpactQuestion): AnswerValue | undefined {
  switch (question) {
    case 'resolution':
    case 'supported':
    case 'decidingRule':
    case 'refundAmount':
    case 'testFee':
      return expected[question];
    case 'freight.outbound':
      return expected.freight === null ? null : expected.freight.outbound;
    case 'freight.return':
      return expected.freight === null ? null : expected.freight.return;
    case 'freight.resend':
      return expected.freight === null ? null : expected.freight.resend;
    case 'transitRisk.minor':
      return expected.transitRisk?.minor;
    case 'transitRisk.destroyed':
      return expected.transitRisk?.destroyed;
    case 'transitRisk.lost':
      return expected.transitRisk?.lost;
    default:
      return undefined;
  }
}

function agreement(flip: Flip, expected: ExpectedRuling): AuthorKeyAgreement {
  const value = expectedValue(expected, flip.question);
  if (value === undefined) return 'not-stated';
  const matches = (answer: Flip['before']) => 'value' in answer && sameAnswer(answer.value, value);
  return matches(flip.after) ? 'after' : matches(flip.before) ? 'before' : 'neither';
}

/**
 * Every case's facts decided under both policies, part by part (`caseQuestions`). A case pinned to an edition is
 * still evaluated under both policies: the flip shows what the case would teach under each, and `authorKey` says
 * which of the two its expected ruling matches.
 */
export function caseFlips(cases: readonly ImpactCase[], from: ImpactPolicy, to: ImpactPolicy, declared: ReadonlySet<string>): CaseFlip[] {
  return cases.flatMap((entry) => {
    const pair = decidePair(from, to, entry.facts, entry.edition);
    return caseQuestions.flatMap((question) => {
      const flip = compareQuestion(pair, question, { kind: 'case', contentId: entry.slug }, declared);
      return flip ? [{ ...flip, authorKey: agreement(flip, entry.expected) }] : [];
    });
  });
}
