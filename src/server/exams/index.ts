export { attemptService, SaveAnswerBodySchema, type AttemptService, type SaveAnswerBody, type StartPolicy } from './attempt-service.ts';
export { loadExamContent, contentDir } from './load-exam-content.ts';
export { examService } from './runtime.ts';
export type { ExamContent } from './exam-content.ts';
export { signedInUser } from './signed-in-user.ts';
