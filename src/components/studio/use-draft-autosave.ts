import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { draftAutosaveReducer, draftAutosaveState, draftStatusText, isDraftDue, type DraftAutosaveState, type DraftOffer } from '../../present/studio/index.ts';
import { studioCall } from './studio-api.ts';

/** What a draft holds: the file's whole text, or the editor's model (the server writes it over the file's text). */
export type DraftPayload = { readonly text: string } | { readonly model: { readonly kind: string; readonly data: unknown; readonly sections?: readonly unknown[] } };

export interface DraftAutosaveOptions {
  /** The content path the editor saves to; '' (or a path that is not valid yet) keeps nothing. */
  readonly path: string;
  /** The version the editor's next save names (`null`: a new file). */
  readonly baseVersion: string | null;
  /** The working copy, as it would be saved. */
  readonly payload: DraftPayload;
  /** Whether the path is a content path the server will accept. */
  readonly isEnabled: boolean;
  /** Quiet time after the last edit before the draft is kept; default 3 s. */
  readonly delayMs?: number;
}

/** A draft as the server returns it for restoring. */
export interface RestoredDraft {
  readonly path: string;
  readonly baseVersion: string | null;
  readonly text: string;
  /** The draft read as the editor's model; `null` when its text cannot be read as one. */
  readonly model: { readonly kind: string; readonly data: unknown; readonly sections?: readonly { heading: string; markdown: string }[] } | null;
}

export interface DraftAutosave {
  readonly state: DraftAutosaveState;
  /** The status line to show in a polite live region ('' when there is nothing to say). */
  readonly status: string;
  /** The draft found when the file was opened, until the lead restores or discards it. */
  readonly offer: DraftOffer | null;
  /** Hands the offered draft to the editor (which loads it); autosave resumes. */
  readonly restore: () => RestoredDraft | null;
  /** Deletes the offered draft on the server; autosave resumes. */
  readonly discard: () => Promise<void>;
  /** Tells the hook the file was saved (the server dropped the draft): the saved working copy is the new baseline. */
  readonly fileSaved: () => void;
}

const DEFAULT_DELAY_MS = 3000;

/**
 * Keeps an editor's working copy as the lead's draft (`PUT /api/studio/drafts`) a few seconds after the last edit and
 * when the page is hidden (tab switched, closed, reloaded: a keepalive request outlives the page), and on opening
 * offers a draft the file has. Drafts live in the server's data folder, never in the content the site is built from.
 * Shared by the studio's editors: pass the path, the version a save would name and the payload a save would send.
 */
export function useDraftAutosave(options: DraftAutosaveOptions): DraftAutosave {
  const key = JSON.stringify(options.payload);
  const openedPath = useRef(options.isEnabled ? options.path : '');
  const [state, dispatch] = useReducer(draftAutosaveReducer, null, () => draftAutosaveState(key, openedPath.current !== ''));
  const [found, setFound] = useState<RestoredDraft | null>(null);
  const latest = useRef({ options, key, state });
  latest.current = { options, key, state };

  useEffect(() => {
    const path = openedPath.current;
    if (!path) return;
    let live = true;
    void studioCall<{ draft: (RestoredDraft & { savedAt: string }) | null; fileVersion: string | null }>('GET', `/api/studio/drafts?path=${encodeURIComponent(path)}`).then((answer) => {
      if (!live) return;
      const draft = answer.ok ? answer.body.draft : null;
      // A draft equal to the file as opened is nothing to restore.
      const isSame = draft !== null && draft.baseVersion === answer.body.fileVersion && draft.model !== null && sameAsOpened(draft, latest.current.state.baselineKey);
      if (draft && !isSame) setFound(draft);
      dispatch({ type: 'loaded', draft: draft && !isSame ? draft : null, fileVersion: answer.ok ? answer.body.fileVersion : null });
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => dispatch({ type: 'edited', key }), [key]);

  const send = async (keepalive: boolean) => {
    const { options: now, key: sentKey, state: current } = latest.current;
    if (!now.isEnabled || !now.path || !isDraftDue(current, sentKey)) return;
    const body = JSON.stringify({ path: now.path, baseVersion: now.baseVersion, ...now.payload });
    if (keepalive) {
      // The page is going away: no answer will be read, only the request must outlive the page. Browsers cap keepalive
      // bodies at 64 KB; a larger working copy is refused here and relies on the timed autosave before it.
      void fetch('/api/studio/drafts', { method: 'PUT', keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined);
      return;
    }
    dispatch({ type: 'saveStarted' });
    const answer = await studioCall<{ draft: { savedAt: string } | null }>('PUT', '/api/studio/drafts', JSON.parse(body) as unknown);
    if (answer.ok && answer.body.draft) dispatch({ type: 'saveDone', key: sentKey, savedAt: answer.body.draft.savedAt, currentKey: latest.current.key });
    else dispatch({ type: 'saveFailed', message: answer.body.error?.message ?? '服务器没有接受草稿' });
  };

  useEffect(() => {
    if (!isDraftDue(state, key) || !options.isEnabled) return;
    const timer = setTimeout(() => void send(false), options.delayMs ?? DEFAULT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, state.phase, options.isEnabled, options.path]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void send(true);
    };
    const onPageHide = () => void send(true);
    document.addEventListener('visibilitychange', onHide);
    globalThis.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      globalThis.removeEventListener('pagehide', onPageHide);
    };
  }, []);

  return {
    state,
    status: draftStatusText(state),
    offer: state.offer,
    restore: () => {
      if (!found) return null;
      dispatch({ type: 'restored' });
      return found;
    },
    discard: async () => {
      const path = openedPath.current;
      dispatch({ type: 'discarded' });
      setFound(null);
      if (path) await studioCall('DELETE', `/api/studio/drafts?path=${encodeURIComponent(path)}`);
    },
    fileSaved: () => dispatch({ type: 'fileSaved', key: latest.current.key }),
  };
}

function sameAsOpened(draft: RestoredDraft, baselineKey: string): boolean {
  try {
    const opened = JSON.parse(baselineKey) as { text?: string; model?: { data: unknown } };
    if (opened.text !== undefined) return opened.text === draft.text;
    return opened.model !== undefined && draft.model !== null && JSON.stringify(opened.model.data) === JSON.stringify(draft.model.data) && JSON.stringify((opened.model as { sections?: unknown }).sections ?? null) === JSON.stringify(draft.model.sections ?? null);
  } catch {
    return false;
  }
}
