// The studio islands' calls to /api/studio; types mirror what src/server/studio answers.
import type { GateErrorView } from '../../present/studio/index.ts';

export interface StudioAnswer<T> {
  readonly status: number;
  readonly ok: boolean;
  readonly body: T & { readonly error?: StudioErrorBody };
}

export interface StudioErrorBody {
  readonly code: string;
  readonly message: string;
  readonly currentVersion?: string;
  readonly errors?: readonly GateErrorView[];
  readonly detail?: string;
  readonly fields?: readonly { readonly field?: string; readonly message?: string }[];
}

/** One JSON call; a network failure or a non-JSON answer becomes a Chinese error body, never a throw. */
export async function studioCall<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<StudioAnswer<T>> {
  try {
    const response = await fetch(url, {
      method,
      signal: signal ?? null,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const parsed = (await response.json().catch(() => ({ error: { code: 'BAD_ANSWER', message: `服务器的回答无法读取（HTTP ${response.status}）。` } }))) as StudioAnswer<T>['body'];
    return { status: response.status, ok: response.ok, body: parsed };
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return { status: 0, ok: false, body: { error: { code: 'NETWORK', message: '连不上服务器，修改没有提交。请检查网络后重试。' } } as StudioAnswer<T>['body'] };
  }
}

export interface SaveAnswer {
  readonly ok: true;
  readonly path: string;
  readonly version: string;
  readonly changed: boolean;
  readonly revision: string | null;
  readonly historyError?: string;
}

export interface CheckAnswer {
  readonly text: string;
  readonly errors: readonly GateErrorView[];
  readonly existing: number;
}

export interface Revision {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly message: string;
}

export interface PublishJob {
  readonly id: string;
  readonly state: 'building' | 'indexing' | 'swapping' | 'done' | 'failed';
  readonly progress: number;
  readonly log: readonly string[];
  readonly error: string | null;
}
