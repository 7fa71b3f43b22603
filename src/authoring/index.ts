export { CaseFrontmatterSchema, ExpectedRulingSchema, type CaseFrontmatter, type ExpectedRuling } from './case-schema.ts';
export {
  authorErrorCatalogue,
  authorErrorCodes,
  authorErrorKind,
  formatAuthorError,
  formatAuthorErrorDetails,
  type AuthorError,
  type AuthorErrorCode,
  type TraceLine,
} from './author-error.ts';
export { reviewCase, type CaseCheckContext, type CaseReview } from './check-case.ts';
export { summarizeContent, formatSummaryLine, type ContentReport, type RuleCoverage } from './content-summary.ts';
export { normalizeFrontmatter } from './normalize-frontmatter.ts';
export { caseScaffold, isCaseSlug } from './case-scaffold.ts';
export { issueTexts, type IssueText } from './issue-text.ts';
export { factReferenceTable } from './fact-reference.ts';
export {
  reviewQuestionFile,
  reviewQuestionFiles,
  checkQuestionFile,
  firstDeclarations,
  type QuestionCheckContext,
  type QuestionReview,
  type QuestionFileInput,
  type IdDeclaration,
} from './question-gate.ts';
export { reviewExamFiles, type ExamFileInput } from './exam-gate.ts';
export { checkedSeedsPerTemplate } from './template-check.ts';
export { normalizeQuestionFile } from './normalize-question-file.ts';
export { fieldText, fieldSegments, questionLocate } from './question-paths.ts';
export { askedFieldLabels, askedFieldText } from './asked-field-text.ts';
export * from './impact/index.ts';
export { CONTENT_KINDS, POLICY_PATH, contentKindOf, readContentModel, writeContentModel, type ContentKind, type ContentModel } from './content-source.ts';
export { CASE_SECTIONS, type CaseSection } from './case-source.ts';
export { YamlEditError, type YamlValue } from './yaml-source.ts';
