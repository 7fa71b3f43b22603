import { join } from 'node:path';
import { dataDir } from '../config.ts';
import { contentDir } from '../exams/index.ts';
import { StudioContent } from './content-service.ts';
import { StudioDrafts } from './drafts.ts';
import { publishSite, Publisher } from './publish.ts';

export { StudioContent, versionOf, writeAtomically, type Proposal, type SaveResult, type CheckResult, type StudioFile, type StudioFileEntry } from './content-service.ts';
export { StudioDrafts, type Draft } from './drafts.ts';
export { Publisher, publishSite, type PublishJob, type PublishSite } from './publish.ts';
export { ContentHistory, authorEmail, type Revision, type StudioAuthor } from './history.ts';
export { studioLead, authorOf, contentPath, SaveBodySchema, CheckBodySchema, proposalOf, refusal, studioError } from './studio-http.ts';
export { previewMarkdown, MAX_PREVIEW_MARKDOWN } from './markdown-preview.ts';
export { latestSavePatch } from './patch.ts';
export { checkProposed, type ProposedGateResult, type StudioGateError } from './proposed-gate.ts';

interface Studio {
  readonly content: StudioContent;
  readonly drafts: StudioDrafts;
  readonly publisher: Publisher;
}

let studio: Studio | undefined;

/** The studio over CONTENT_DIR (default ./content) and DATA_DIR, made on first use. */
export function getStudio(): Studio {
  studio ??= {
    content: new StudioContent({ contentDir: contentDir(), dataDir: dataDir() }),
    drafts: new StudioDrafts(join(dataDir(), 'studio', 'drafts')),
    publisher: new Publisher(publishSite(), contentDir(), dataDir()),
  };
  return studio;
}
export { previewQuestionFile, MAX_PREVIEW_SEEDS, type QuestionFilePreview } from './question-preview.ts';
