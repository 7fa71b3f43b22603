import { EXPORT_ROOT_CATEGORY, type ExportQuestion, moodleFraction, multipleFractions, stepLabel } from './types.ts';

/** Escapes text for XML element content and double-quoted attributes. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A Moodle category path: `$course$/top/<root>/<segments>`, a literal `/` in a name doubled as Moodle expects. */
export function moodleCategoryPath(segments: readonly string[]): string {
  return ['$course$/top', ...[EXPORT_ROOT_CATEGORY, ...segments].map((segment) => segment.replace(/\//g, '//'))].join('/');
}

const text = (value: string) => `<text>${xmlText(value)}</text>`;
const formatted = (tag: string, value: string, indent: string) => `${indent}<${tag} format="plain_text">${text(value)}</${tag}>`;

function header(question: ExportQuestion, type: string): string[] {
  return [
    `  <question type="${type}">`,
    `    <name>${text(question.id)}</name>`,
    formatted('questiontext', question.stem, '    '),
    formatted('generalfeedback', question.feedback, '    '),
    '    <defaultgrade>1</defaultgrade>',
    '    <penalty>0</penalty>',
    '    <hidden>0</hidden>',
    `    <idnumber>${xmlText(question.id)}</idnumber>`,
  ];
}

function answer(fraction: string, value: string): string {
  return `    <answer fraction="${fraction}" format="plain_text">${text(value)}<feedback format="plain_text"><text></text></feedback></answer>`;
}

function questionXml(question: ExportQuestion): string[] {
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const fractions = question.kind === 'single' ? question.choices.map((choice) => (choice.correct ? '100' : '0')) : multipleFractions(question.choices);
      return [
        ...header(question, 'multichoice'),
        `    <single>${question.kind === 'single'}</single>`,
        '    <shuffleanswers>true</shuffleanswers>',
        '    <answernumbering>abc</answernumbering>',
        ...question.choices.map((choice, index) => answer(fractions[index]!, choice.text)),
        '  </question>',
      ];
    }
    case 'truefalse':
      return [
        ...header(question, 'truefalse'),
        answer(moodleFraction(question.answer ? 100 : 0), 'true'),
        answer(moodleFraction(question.answer ? 0 : 100), 'false'),
        '  </question>',
      ];
    case 'ordering':
      return [
        ...header(question, 'matching'),
        '    <shuffleanswers>true</shuffleanswers>',
        ...question.steps.map((step, index) => `    <subquestion format="plain_text">${text(step)}<answer>${text(stepLabel(index))}</answer></subquestion>`),
        '  </question>',
      ];
  }
}

/**
 * The questions as a Moodle XML file (Moodle's "Moodle XML format" import): a category question before each run of
 * questions in a new category, plain-text question and answer text, the explanation as general feedback. Single
 * choice and multiple answer become `multichoice`, true/false `truefalse`, ordering `matching` (each step matched to
 * 第 N 步, since the ordering type is a plugin, not core Moodle).
 */
export function moodleXml(questions: readonly ExportQuestion[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let category = '';
  for (const question of questions) {
    const path = moodleCategoryPath(question.category);
    if (path !== category) {
      category = path;
      lines.push('  <question type="category">', `    <category>${text(path)}</category>`, '  </question>');
    }
    lines.push(...questionXml(question));
  }
  lines.push('</quiz>', '');
  return lines.join('\n');
}
