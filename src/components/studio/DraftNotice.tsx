import { draftOfferText } from '../../present/studio/index.ts';
import type { DraftAutosave, RestoredDraft } from './use-draft-autosave.ts';

interface Props {
  readonly drafts: DraftAutosave;
  /** Loads the restored draft into the editor. */
  readonly onRestore: (draft: RestoredDraft) => void;
}

/** The offer of a draft found on opening (恢复草稿 / 丢弃草稿), with when it was kept and whether the file changed since. */
export function DraftOffer({ drafts, onRestore }: Props) {
  const { offer } = drafts;
  if (!offer) return null;
  const text = draftOfferText(offer);
  return (
    <section class="studio-panel draft-offer" aria-labelledby="draft-offer-title">
      <h2 id="draft-offer-title">未保存的草稿</h2>
      <p>{text.title}</p>
      {text.warning && (
        <p class="draft-warning">
          <strong>注意：</strong>
          {text.warning}
        </p>
      )}
      <p class="muted">在你选择之前，本页的修改不会自动保存，以免覆盖这份草稿。</p>
      <div class="draft-actions">
        <button
          type="button"
          class="primary"
          onClick={() => {
            const draft = drafts.restore();
            if (draft) onRestore(draft);
          }}
        >
          恢复草稿
        </button>
        <button type="button" onClick={() => void drafts.discard()}>
          丢弃草稿
        </button>
      </div>
    </section>
  );
}

/** The autosave's status line: a polite live region, so a screen reader hears 已自动保存草稿 without losing its place. */
export function DraftStatus({ drafts }: { readonly drafts: DraftAutosave }) {
  return (
    <p class="draft-status muted" role="status" aria-live="polite" data-draft-status={drafts.state.phase}>
      {drafts.status}
    </p>
  );
}
