import type { ExamQuestion } from './exam-paper.ts';

/**
 * Why `response` is not a valid answer to `question` as the trainee sees it (display order), or null when it is.
 * Valid: single → one choice index; multiple → distinct choice indices (none chosen is `[]`); truefalse → a boolean;
 * ordering → a permutation of the displayed steps. `null` (cleared) is valid for every type. The message is shown to
 * the trainee next to the refused answer.
 */
export function responseShapeProblem(question: Pick<ExamQuestion, 'type' | 'choices'>, response: unknown): string | null {
  if (response === null) return null;
  const count = question.choices.length;
  const isChoice = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < count;
  switch (question.type) {
    case 'single':
      return isChoice(response) ? null : `单选题的答案应是 0 到 ${count - 1} 之间的一个选项序号。`;
    case 'multiple':
      if (!Array.isArray(response) || !response.every(isChoice)) return `多选题的答案应是 0 到 ${count - 1} 之间的选项序号列表。`;
      return new Set(response).size === response.length ? null : '多选题的答案中有重复的选项。';
    case 'truefalse':
      return typeof response === 'boolean' ? null : '判断题的答案应是“是”或“否”（true 或 false）。';
    case 'ordering': {
      if (!Array.isArray(response) || !response.every((step) => typeof step === 'string')) return '排序题的答案应是步骤列表。';
      const expected = [...question.choices].sort();
      const given = [...(response as string[])].sort();
      const isPermutation = given.length === expected.length && given.every((step, index) => step === expected[index]);
      return isPermutation ? null : '排序题的答案应包含题目中的每个步骤各一次。';
    }
  }
}
