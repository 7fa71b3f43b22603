// The exam editor island's entry into the presentation layer.
export { type ExamData, examFill, examIssues, type FieldIssue, fillText, withField } from './exam-editor-model.ts';
