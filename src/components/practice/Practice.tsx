import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PracticePayload } from '../../present/practice/index.ts';
import { readPayload } from '../../present/practice/index.ts';
import { browserProgress, type ProgressStore } from './progress-store.ts';
import { QuizRunner, type PracticeMode } from './QuizRunner.tsx';
import { keepSynced } from './practice-sync.ts';
import { browserRound } from './round-store.ts';

interface Props {
  readonly mode: PracticeMode;
  /** Topic pages: the topic's questions, inline in the page. */
  readonly payload?: PracticePayload;
  /** Mixed practice and review: the JSON with every question, fetched once and cached by the service worker. */
  readonly payloadUrl?: string;
}

type Loaded = { readonly payload: PracticePayload; readonly store: ProgressStore } | { readonly problem: string } | null;

function loaded(raw: unknown): Loaded {
  try {
    return { payload: readPayload(raw), store: browserProgress() };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * The practice island: loads the questions (props or JSON) and this browser's progress, then runs a round.
 * Rendered client-only: rounds are drawn at random and progress lives in localStorage, neither known at build time.
 */
export default function Practice({ mode, payload, payloadUrl }: Props) {
  const [state, setState] = useState<Loaded>(() => (payload ? loaded(payload) : null));
  useEffect(() => {
    if (payload || !payloadUrl) return;
    fetch(payloadUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`题库文件返回 ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((raw) => setState(loaded(raw)))
      .catch((error: Error) => setState({ problem: `题库没有载入（${error.message}）。请检查网络后重新载入页面。` }));
  }, [payload, payloadUrl]);

  // Signed in: progress syncs with the account now, after each answer and when the browser is back online.
  const sync = useMemo(() => (state && 'store' in state ? keepSynced(state.store) : null), [state]);

  if (!state) return <p class="practice-loading muted">正在载入题目…</p>;
  if ('problem' in state) {
    return (
      <p class="practice-problem" role="alert">
        {state.problem}
      </p>
    );
  }
  return <QuizRunner mode={mode} payload={state.payload} store={state.store} saved={browserRound(location.pathname)} onRecorded={() => sync?.changed()} />;
}
