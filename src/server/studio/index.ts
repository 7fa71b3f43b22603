import { dataDir } from '../config.ts';
import { contentDir } from '../exams/index.ts';
import { StudioContent } from './content-service.ts';
import type { StudioDrafts } from './drafts.ts';
import { PolicyPreviews } from './policy-previews.ts';
import { publishSite, Publisher } from './publish.ts';

export { writeAtomically } from './atomic-write.ts';
export { StudioContent, versionOf, type Proposal, type SaveResult, type CheckResult, type StudioFile, type StudioFileEntry } from './content-service.ts';
export { StudioDrafts, type Draft } from './drafts.ts';
export { Publisher, publishSite, registerServedDist, type PublishJob, type PublishSite } from './publish.ts';
export { ContentHistory, authorEmail, type Revision, type StudioAuthor } from './history.ts';
export { studioLead, authorOf, contentPath, SaveBodySchema, CheckBodySchema, proposalOf, refusal, studioError } from './studio-http.ts';
export { previewMarkdown, MAX_PREVIEW_MARKDOWN } from './markdown-preview.ts';
export { latestSavePatch } from './patch.ts';
export { PolicyPreviews, previewJobStatus, type PreviewJob, type PreviewJobStatus, type PreviewRunner } from './policy-previews.ts';
export { checkProposed, type ProposedGateResult, type StudioGateError } from './proposed-gate.ts';

interface Studio {
  readonly content: StudioContent;
  /** The content service's drafts (one object: a save through `content` drops the saver's draft of the file). */
  readonly drafts: StudioDrafts;
  readonly publisher: Publisher;
  readonly previews: PolicyPreviews;
}

// One studio per process, shared by the Astro bundle's copy of this module and the API fast path's (src/server/serve/):
// one publish at a time and one job list, whichever copy a request reaches.
const STUDIO = Symbol.for('after-sales-academy/studio');
const holder = globalThis as { [STUDIO]?: Studio };

/** The studio over CONTENT_DIR (default ./content) and DATA_DIR, made on first use. */
export function getStudio(): Studio {
  if (!holder[STUDIO]) {
    const content = new StudioContent({ contentDir: contentDir(), dataDir: dataDir() });
    holder[STUDIO] = {
      content,
      drafts: content.drafts,
      publisher: new Publisher(publishSite(), contentDir(), dataDir()),
      previews: new PolicyPreviews(contentDir(), () => content.fingerprint()),
    };
  }
  return holder[STUDIO];
}
export { previewQuestionFile, MAX_PREVIEW_SEEDS, type QuestionFilePreview } from './question-preview.ts';
