import { getStore } from '../runtime.ts';
import { attemptService, type AttemptService } from './attempt-service.ts';
import { loadExamContent } from './load-exam-content.ts';

// One service per process, like the store (runtime.ts): the built server's fast path and Astro's bundle each load
// this module, and the service keeps per-trainee start queues that both must share.
const SERVICE = Symbol.for('after-sales-academy/exam-service');
const holder = globalThis as { [SERVICE]?: Promise<AttemptService> };

/** The process's attempt service: content read once from disk on first use (restart the server after editing exams). */
export function examService(): Promise<AttemptService> {
  holder[SERVICE] ??= getStore()
    .then((store) => attemptService(store, loadExamContent()))
    .catch((error: unknown) => {
      // Forget the failure so the next request retries once the content folder is fixed.
      delete holder[SERVICE];
      throw error;
    });
  return holder[SERVICE];
}
