import { getStore } from '../runtime.ts';
import { attemptService, type AttemptService } from './attempt-service.ts';
import { loadExamContent } from './load-exam-content.ts';

let service: Promise<AttemptService> | undefined;

/** The process's attempt service: content read once from disk on first use (restart the server after editing exams). */
export function examService(): Promise<AttemptService> {
  service ??= getStore()
    .then((store) => attemptService(store, loadExamContent()))
    .catch((error: unknown) => {
      // Forget the failure so the next request retries once the content folder is fixed.
      service = undefined;
      throw error;
    });
  return service;
}
