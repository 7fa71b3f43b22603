import { useEffect, useState } from 'preact/hooks';
import type { GateErrorView } from '../../present/studio/index.ts';
import { studioCall, type CheckAnswer, type SaveAnswer } from './studio-api.ts';
import type { DraftAutosave } from './use-draft-autosave.ts';

export type SaveState =
  | { readonly kind: 'idle' | 'saving' }
  | { readonly kind: 'saved'; readonly message: string }
  | { readonly kind: 'conflict'; readonly currentVersion: string; readonly theirs: string | null }
  | { readonly kind: 'refused' | 'error'; readonly message: string };

export type CheckState = { readonly kind: 'idle' | 'checking' } | { readonly kind: 'done'; readonly errors: readonly GateErrorView[] } | { readonly kind: 'failed'; readonly message: string };

export interface StudioSaveOptions {
  /** The content path the editor saves to. */
  readonly path: string;
  /** The model a save sends (`PUT /api/studio/file` with `{ model }`). */
  readonly model: unknown;
  /** Whether the model is worth the live content check now (a file name is set, the facts read, …); else the check is idle. */
  readonly isCheckable: boolean;
  /** The version the editor opened (`null`: a new file): a saved file has one save to publish. */
  readonly openedVersion: string | null;
  /** Where the gate's errors are shown, for the refusal message (`已标在<place>。`). */
  readonly errorsPlace: string;
  readonly drafts: Pick<DraftAutosave, 'fileSaved'>;
  /** The file was saved at `version` (dispatch it, update the page's address). */
  readonly onSaved: (version: string) => void;
}

export interface StudioSave {
  readonly check: CheckState;
  readonly setCheck: (check: CheckState) => void;
  readonly save: SaveState;
  readonly setSave: (save: SaveState | ((current: SaveState) => SaveState)) => void;
  /** Saves so far (the file's opening version counts as one): the publish and history panels refresh on it. */
  readonly savedCount: number;
  /** Saves the model from `baseVersion`: 409 becomes the conflict state, 422 the gate's errors at their fields. */
  readonly saveFrom: (baseVersion: string | null) => Promise<void>;
}

/** The gate runs in a child process (~3 s of CPU): wait until the author pauses. */
const CHECK_DEBOUNCE_MS = 1500;

/**
 * The studio editors' save and live content check: the gate runs (`POST /api/studio/check`) 1.5 s after the model
 * last changed, and a save goes through the content service, which drops the lead's draft of the file.
 */
export function useStudioSave(options: StudioSaveOptions): StudioSave {
  const { path, model, isCheckable, errorsPlace, drafts, onSaved } = options;
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [savedCount, setSavedCount] = useState(options.openedVersion === null ? 0 : 1);
  const modelKey = JSON.stringify(model);

  useEffect(() => {
    if (!isCheckable) {
      setCheck({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setCheck({ kind: 'checking' });
      try {
        const answer = await studioCall<CheckAnswer>('POST', '/api/studio/check', { path, model }, controller.signal);
        if (answer.ok) setCheck({ kind: 'done', errors: answer.body.errors });
        else setCheck({ kind: 'failed', message: answer.body.error?.message ?? '内容检查没有完成。' });
      } catch {
        // Superseded by a newer edit.
      }
    }, CHECK_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [modelKey, path, isCheckable]);

  const saveFrom = async (baseVersion: string | null) => {
    setSave({ kind: 'saving' });
    const answer = await studioCall<SaveAnswer>('PUT', '/api/studio/file', { path, baseVersion, model });
    const error = answer.body.error;
    if (answer.ok) {
      onSaved(answer.body.version);
      drafts.fileSaved();
      setSavedCount((count) => count + 1);
      setCheck({ kind: 'done', errors: [] });
      const when = new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
      const message = answer.body.changed ? `已保存（${when}），内容检查通过。` : '没有修改需要保存。';
      setSave({ kind: 'saved', message: answer.body.historyError ? `${message}${answer.body.historyError}` : message });
    } else if (answer.status === 409 && error?.code === 'STUDIO_CONFLICT' && error.currentVersion) {
      setSave({ kind: 'conflict', currentVersion: error.currentVersion, theirs: null });
    } else if (answer.status === 422 && error?.code === 'STUDIO_CONTENT_REFUSED') {
      setCheck({ kind: 'done', errors: error.errors ?? [] });
      setSave({ kind: 'refused', message: `${error.message}共 ${error.errors?.length ?? 0} 处，已标在${errorsPlace}。` });
    } else {
      setSave({ kind: 'error', message: [error?.message ?? '保存失败。', error?.detail].filter(Boolean).join(' ') });
    }
  };

  return { check, setCheck, save, setSave, savedCount, saveFrom };
}
