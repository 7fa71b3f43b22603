export { bankQuestions } from './bank-questions.ts';
export { csvCell, csvDocument, csvLine, csvStart, type CsvCell } from './csv.ts';
export { giftDocument, giftText } from './gift.ts';
export { moodleCategoryPath, moodleXml, xmlText } from './moodle-xml.ts';
export {
  EXPORT_ROOT_CATEGORY,
  MIN_MATCHING_STEPS,
  moodleFraction,
  multipleFractions,
  stepLabel,
  YES_NO_HINT,
  type ExportQuestion,
  type SkippedQuestion,
} from './types.ts';
