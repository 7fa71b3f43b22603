import type { GateErrorView } from '../../present/studio/index.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DraftStatus } from './DraftNotice.tsx';
import { GateMessages } from './GateMessages.tsx';
import type { DraftAutosave } from './use-draft-autosave.ts';
import type { StudioSave } from './use-studio-save.ts';

interface Props {
  readonly studio: StudioSave;
  readonly drafts: DraftAutosave;
  readonly path: string;
  /** The version the next save names. */
  readonly baseVersion: string | null;
  /** Saves from a version (the editor's own checks first, e.g. a file name). */
  readonly onSave: (baseVersion: string | null) => void;
  /** Takes their version as the base, before saving over it from the 409 panel. */
  readonly onRebase: (version: string) => void;
  /** This editor's page for the file, opened fresh (the 409 panel's 打开最新版本). */
  readonly latestHref: string;
  /** Where the gate's errors are shown (`已标在<place>。`). */
  readonly errorsPlace: string;
  /** The check line while no check has run or is running (`''`: nothing). */
  readonly idleText: string;
  /** Gate errors no field of the form holds, and the line that introduces them. */
  readonly otherErrors: readonly GateErrorView[];
  readonly otherLead: string;
}

/** The studio editors' 保存 panel: the live check's line, the save button, the draft and save status, the 409 panel. */
export function SavePanel({ studio, drafts, path, baseVersion, onSave, onRebase, latestHref, errorsPlace, idleText, otherErrors, otherLead }: Props) {
  const { check, save, setSave } = studio;
  return (
    <div class="studio-panel save-panel">
      <h2>保存</h2>
      <p class="check-status" role="status" aria-live="polite">
        {check.kind === 'checking'
          ? '正在运行内容检查…'
          : check.kind === 'failed'
            ? check.message
            : check.kind === 'done'
              ? check.errors.length === 0
                ? '内容检查通过。'
                : `内容检查发现 ${check.errors.length} 处问题，已标在${errorsPlace}。`
              : idleText}
      </p>
      <button type="button" class="primary" onClick={() => onSave(baseVersion)} disabled={save.kind === 'saving'}>
        {save.kind === 'saving' ? '正在保存…' : '保存'}
      </button>
      <DraftStatus drafts={drafts} />
      <div role="status" aria-live="polite" class="save-status" data-save-status={save.kind}>
        {save.kind === 'saved' && <p class="ok">{save.message}</p>}
        {(save.kind === 'refused' || save.kind === 'error') && <p class="field-error">{save.message}</p>}
      </div>
      {save.kind === 'conflict' && (
        <ConflictNotice
          path={path}
          latestHref={latestHref}
          theirs={save.theirs}
          onTheirs={(theirs) => setSave((current) => (current.kind === 'conflict' ? { ...current, theirs } : current))}
          onSaveOver={() => {
            onRebase(save.currentVersion);
            onSave(save.currentVersion);
          }}
        />
      )}
      {otherErrors.length > 0 && (
        <div class="gate-other">
          <p>{otherLead}</p>
          <GateMessages errors={otherErrors} withLocation />
        </div>
      )}
    </div>
  );
}
