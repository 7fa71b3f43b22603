import type { EditionId, ShopPolicy } from '../../rules/index.ts';
import type { QuestionSource } from '../../quiz/index.ts';
import type { Exam } from '../../quiz/index.ts';
import type { ExpectedRuling } from '../case-schema.ts';

/** One case as the impact report reads it: its facts, declared edition and the author's expected ruling. */
export interface ImpactCase {
  readonly slug: string;
  readonly title: string;
  readonly edition: EditionId;
  readonly facts: unknown;
  readonly expected: ExpectedRuling;
}

/** Everything the report evaluates: the working tree's content, already validated by the content gate's readers. */
export interface ImpactContent {
  readonly cases: readonly ImpactCase[];
  readonly questionFiles: readonly QuestionSource[];
  readonly exams: readonly Exam[];
  readonly shopPolicy: ShopPolicy;
}
