import { moodleCategoryPath } from './moodle-xml.ts';
import { type ExportQuestion, multipleFractions, stepLabel } from './types.ts';

/**
 * Escapes text for GIFT: a backslash before each of `\ ~ = # { } :` (backslash first, so added ones are not doubled),
 * and line breaks as `\n`, since a blank line would end the question.
 */
export function giftText(value: string): string {
  return value
    .replace(/[\\~=#{}:]/g, (char) => `\\${char}`)
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '\\n');
}

function feedback(question: ExportQuestion): string[] {
  return question.feedback ? [`\t####${giftText(question.feedback)}`] : [];
}

function answerBlock(question: ExportQuestion): string[] {
  switch (question.kind) {
    case 'single':
      return question.choices.map((choice) => `\t${choice.correct ? '=' : '~'}${giftText(choice.text)}`);
    case 'multiple': {
      const fractions = multipleFractions(question.choices);
      return question.choices.map((choice, index) => `\t~%${fractions[index]}%${giftText(choice.text)}`);
    }
    case 'truefalse':
      return [`\t${question.answer ? 'TRUE' : 'FALSE'}`];
    case 'ordering':
      return question.steps.map((step, index) => `\t=${giftText(step)} -> ${giftText(stepLabel(index))}`);
  }
}

/**
 * The questions as a GIFT file: `$CATEGORY:` before each run of questions in a new category, `::id::` titles,
 * `[plain]` text (so `<` and `&` stay literal), weights for multiple answers as in the Moodle XML export, ordering as
 * matching, and the explanation as general feedback (`####`).
 */
export function giftDocument(questions: readonly ExportQuestion[]): string {
  const lines = ['// 售后规则学堂题库（GIFT 格式，可导入 Moodle）。', ''];
  let category = '';
  for (const question of questions) {
    const path = moodleCategoryPath(question.category);
    if (path !== category) {
      category = path;
      lines.push(`$CATEGORY: ${path}`, '');
    }
    lines.push(`::${giftText(question.id)}::[plain]${giftText(question.stem)}{`, ...answerBlock(question), ...feedback(question), '}', '');
  }
  return lines.join('\n');
}
