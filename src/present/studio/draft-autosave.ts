import { beijingTime } from '../lead-format.ts';

/** A draft found on opening a file, offered to the lead before anything overwrites it. */
export interface DraftOffer {
  readonly savedAt: string;
  /** The file version the draft was started from (`null`: a new file). */
  readonly baseVersion: string | null;
  /** Whether the file changed since the draft's base version (someone saved it, or it was created meanwhile). */
  readonly isStale: boolean;
}

/**
 * - `loading`: asking the server whether the file has a draft (nothing is autosaved yet);
 * - `offer`: a draft was found and waits for 恢复草稿 / 丢弃草稿 (autosave paused, so the old draft is not overwritten);
 * - `clean`: the working copy equals the file or the last autosave;
 * - `pending`: edited since, an autosave is due; `saving`; `saved`; `failed`.
 */
export type DraftPhase = 'loading' | 'offer' | 'clean' | 'pending' | 'saving' | 'saved' | 'failed';

export interface DraftAutosaveState {
  readonly phase: DraftPhase;
  readonly offer: DraftOffer | null;
  /** The working copy (as a key: its JSON) the file holds: nothing to keep while the editor shows it. */
  readonly baselineKey: string;
  /** The working copy the server's draft holds, `null` when there is no draft of it. */
  readonly savedKey: string | null;
  /** When the draft was last kept (ISO), for the status line. */
  readonly savedAt: string | null;
  readonly error: string | null;
}

export type DraftAutosaveAction =
  | { readonly type: 'loaded'; readonly draft: { readonly savedAt: string; readonly baseVersion: string | null } | null; readonly fileVersion: string | null }
  | { readonly type: 'edited'; readonly key: string }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saveDone'; readonly key: string; readonly savedAt: string; readonly currentKey: string }
  | { readonly type: 'saveFailed'; readonly message: string }
  | { readonly type: 'restored' }
  | { readonly type: 'discarded' }
  | { readonly type: 'fileSaved'; readonly key: string };

/** The state for an editor opened on `key`; `isLoading` when the server is asked for a draft first. */
export function draftAutosaveState(key: string, isLoading: boolean): DraftAutosaveState {
  return { phase: isLoading ? 'loading' : 'clean', offer: null, baselineKey: key, savedKey: null, savedAt: null, error: null };
}

/** Whether the working copy `key` differs from what the file and the draft already hold. */
function isUnkept(state: DraftAutosaveState, key: string): boolean {
  return key !== (state.savedKey ?? state.baselineKey);
}

/** The autosave's reducer: pure, so the hook only times and sends. */
export function draftAutosaveReducer(state: DraftAutosaveState, action: DraftAutosaveAction): DraftAutosaveState {
  switch (action.type) {
    case 'loaded':
      if (state.phase !== 'loading') return state;
      if (!action.draft) return { ...state, phase: 'clean' };
      return {
        ...state,
        phase: 'offer',
        offer: { savedAt: action.draft.savedAt, baseVersion: action.draft.baseVersion, isStale: action.draft.baseVersion !== action.fileVersion },
      };
    case 'edited':
      if (state.phase === 'loading' || state.phase === 'offer' || state.phase === 'saving') return state;
      return { ...state, phase: isUnkept(state, action.key) ? 'pending' : state.savedAt ? 'saved' : 'clean' };
    case 'saveStarted':
      return { ...state, phase: 'saving', error: null };
    case 'saveDone':
      return { ...state, savedKey: action.key, savedAt: action.savedAt, phase: action.currentKey === action.key ? 'saved' : 'pending' };
    case 'saveFailed':
      return { ...state, phase: 'failed', error: action.message };
    case 'restored':
      // The editor now shows the draft; the server still has it, so the next autosave replaces it only after an edit.
      return state.offer ? { ...state, phase: 'saved', savedAt: state.offer.savedAt, offer: null } : state;
    case 'discarded':
      return { ...state, phase: 'clean', offer: null, savedKey: null, savedAt: null };
    case 'fileSaved':
      // A save drops the lead's draft on the server: the file is the baseline again.
      return { ...state, phase: state.phase === 'offer' ? 'offer' : 'clean', baselineKey: action.key, savedKey: null, savedAt: null, error: null };
  }
}

/** Whether the working copy `key` should be kept as a draft now. */
export function isDraftDue(state: DraftAutosaveState, key: string): boolean {
  return (state.phase === 'pending' || state.phase === 'failed' || state.phase === 'saved' || state.phase === 'clean') && isUnkept(state, key);
}

/** `HH:MM` of an ISO instant in Beijing time. */
export function draftClock(iso: string): string {
  return beijingTime(Date.parse(iso)).slice(11, 16);
}

/** The status line under the editor's save button (announced politely). */
export function draftStatusText(state: DraftAutosaveState): string {
  switch (state.phase) {
    case 'saving':
      return '正在自动保存草稿…';
    case 'saved':
      return state.savedAt ? `已自动保存草稿 ${draftClock(state.savedAt)}（草稿只有你能看到，保存后才会进入内容文件）` : '';
    case 'failed':
      return `草稿没有自动保存：${state.error ?? '连不上服务器'}。修改仍在本页，稍后会再试。`;
    case 'pending':
      return state.savedAt ? `已自动保存草稿 ${draftClock(state.savedAt)}，之后的修改几秒后保存。` : '';
    default:
      return '';
  }
}

/** What the offer says: when the draft was kept, and whether the file changed since. */
export function draftOfferText(offer: DraftOffer): { readonly title: string; readonly warning: string | null } {
  return {
    title: `这个文件有一份 ${beijingTime(Date.parse(offer.savedAt)).slice(0, 16)} 自动保存的草稿，还没有保存到内容文件。`,
    warning: offer.isStale
      ? offer.baseVersion === null
        ? '草稿开始时这个文件还不存在，之后已有人创建了它。恢复后保存时会提示冲突，请先查看对方的版本。'
        : '草稿开始之后，这个文件已被保存过（可能是别人）。恢复后保存时会提示冲突，请先查看对方的版本再决定。'
      : null,
  };
}
