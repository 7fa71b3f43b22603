import type { Key } from './keys.ts';

/** A trainee's answer: option index, set of indices, yes/no, or an ordering of step names. */
export type Response = number | readonly number[] | boolean | readonly string[];

export interface Grade {
  readonly correct: boolean;
  /** 1 when correct, else 0: partial answers earn nothing, as in the certification exam. */
  readonly score: 0 | 1;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
}

/** Grades `response` against an engine-derived key. A response of the wrong shape is simply wrong. */
export function grade(key: Key, response: Response): Grade {
  let correct: boolean;
  switch (key.type) {
    case 'single':
      correct = response === key.answer;
      break;
    case 'truefalse':
      correct = response === key.answer;
      break;
    case 'multiple':
      correct = Array.isArray(response) && response.every((value) => typeof value === 'number') && sameSet(response as number[], key.answer);
      break;
    case 'ordering':
      correct =
        Array.isArray(response) && response.length === key.answer.length && response.every((step, index) => step === key.answer[index]);
      break;
  }
  return { correct, score: correct ? 1 : 0 };
}
