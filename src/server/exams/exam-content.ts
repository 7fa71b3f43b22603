import type { Exam, ExamBank, KeyedQuestion } from '../../quiz/index.ts';

/** Everything the attempt service reads from content: the exams, the bank and the stamps stored on each attempt. */
export interface ExamContent {
  readonly exams: ReadonlyMap<string, Exam>;
  readonly bank: ExamBank;
  readonly lookup: (itemId: string) => KeyedQuestion | undefined;
  /** Policy edition the bank was keyed under. */
  readonly edition: string;
  /** Fingerprint of the bank's ids and keys: tells a later reader whether grading ran against the same content. */
  readonly contentVersion: string;
}
