// The exam island's calls to the attempt API; types mirror what src/server/exams answers (no keys before submission).
import type { SaveBody, SendResult } from './save-queue.ts';
import { SESSION_ACTIVITY_EVENT, SESSION_ENDED_EVENT } from '../../present/exam/index.ts';

export interface AttemptView {
  readonly id: string;
  readonly examId: string;
  readonly title: string;
  readonly status: 'in-progress' | 'submitted' | 'expired';
  readonly serverTime: number;
  readonly endsAt: number;
  readonly deadlineAt: number;
  readonly questions: readonly { readonly id: string; readonly type: 'single' | 'multiple' | 'truefalse' | 'ordering'; readonly stem: string; readonly choices: readonly string[] }[];
  readonly answers: Readonly<Record<string, { readonly response: unknown; readonly flagged: boolean; readonly version: number }>>;
  readonly result: { readonly score: number; readonly maxScore: number; readonly passed: boolean; readonly certificateId: string | null } | null;
}

export interface ReviewView {
  readonly policy: 'score-only' | 'mistakes' | 'full';
  readonly items: readonly {
    readonly question: AttemptView['questions'][number];
    readonly response: unknown;
    readonly correct: boolean;
    readonly answer: unknown;
    readonly explanation: readonly { readonly ruleId: string; readonly title: string; readonly note: string }[];
    readonly authorExplanation?: string;
  }[];
}

/** An API refusal, with its stable code and the message to show. */
export class ExamApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** What the attempt API answers: a view or save acknowledgement on success, `{ error }` otherwise. */
interface ApiBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly fields?: readonly { readonly message?: string }[] };
  readonly outcome?: Extract<SendResult, { ok: true }>['outcome'];
  readonly version?: number;
}

/** One JSON request to the attempt API: the status (0 when no answer came) and the parsed body, or null. */
async function request(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; data: ApiBody | null }> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
    // Any answer but 401 came from the signed-in session, which the server counted as activity; a 401 means it ended
    // (IdleWarning.astro). Unsaved answers stay queued either way, and are sent once the trainee is signed in again.
    dispatchEvent(new Event(response.status === 401 ? SESSION_ENDED_EVENT : SESSION_ACTIVITY_EVENT));
    return { status: response.status, data: await response.json().catch(() => null) };
  } catch {
    return { status: 0, data: null };
  }
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { status, data } = await request(method, path, body);
  if (status < 200 || status > 299) throw new ExamApiError(data?.error?.code ?? 'NETWORK', data?.error?.message ?? '网络异常，请检查网络后重试。');
  return data as T;
}

/** A save that has had no answer after this long is treated as lost and retried (a request can hang on a bad network). */
const SAVE_TIMEOUT_MS = 15_000;

/** One autosave, as the save queue wants it: every failure becomes a result with its status (0: no answer). */
export async function sendAnswer(attemptId: string, body: SaveBody): Promise<SendResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SAVE_TIMEOUT_MS);
  const { status, data } = await request('PUT', `/api/attempts/${attemptId}/answers`, body, abort.signal);
  clearTimeout(timer);
  // A 200 with an outcome always carries the stored version (src/server/exams/attempt-service.ts).
  if (status === 200 && data?.outcome) return { ok: true, outcome: data.outcome, version: data.version as number };
  return { ok: false, status, code: data?.error?.code ?? 'NETWORK', message: data?.error?.fields?.[0]?.message ?? data?.error?.message ?? (status ? '保存失败' : '网络中断') };
}
