import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentKindOf,
  readContentModel,
  writeContentModel,
  YamlEditError,
  type ContentKind,
  type ContentModel,
} from '../../authoring/index.ts';
import { writeAtomically } from './atomic-write.ts';
import { StudioDrafts } from './drafts.ts';
import { ContentHistory, type Revision, type StudioAuthor } from './history.ts';
import { checkProposed, type ProposedGateResult, type StudioGateError } from './proposed-gate.ts';

/** A content file's version: the SHA-256 of its bytes. An editor saves against the version it started from. */
export function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface StudioFileEntry {
  readonly path: string;
  readonly kind: ContentKind;
  readonly version: string;
  /** The case's or exam's `title`, when the file can be read and has one. */
  readonly title: string | null;
}

export interface StudioFile {
  readonly path: string;
  readonly kind: ContentKind;
  readonly version: string;
  readonly text: string;
  /** The editable model, or `null` when the file cannot be read (the gate's messages say why). */
  readonly model: ContentModel | null;
}

/** What a save proposes: the whole text, or a model the service writes over the current text (changing only what differs). */
export type Proposal = { readonly text: string } | { readonly model: ContentModel };

export type SaveResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly version: string;
      readonly changed: boolean;
      readonly revision: string | null;
      /** Set when the file was saved but its history entry could not be written (say, git refused the commit). */
      readonly historyError?: string;
    }
  | { readonly ok: false; readonly code: 'STUDIO_BAD_PATH' }
  | { readonly ok: false; readonly code: 'STUDIO_CONFLICT'; readonly currentVersion: string | null }
  | { readonly ok: false; readonly code: 'STUDIO_MODEL_UNWRITABLE'; readonly detail: string }
  | { readonly ok: false; readonly code: 'STUDIO_CONTENT_REFUSED'; readonly errors: readonly StudioGateError[] };

export type CheckResult =
  | { readonly ok: true; readonly text: string; readonly gate: ProposedGateResult }
  | { readonly ok: false; readonly code: 'STUDIO_BAD_PATH' }
  | { readonly ok: false; readonly code: 'STUDIO_MODEL_UNWRITABLE'; readonly detail: string };

export interface StudioOptions {
  /** The content folder (CONTENT_DIR). */
  readonly contentDir: string;
  /** The data folder (DATA_DIR): revisions (without git) and drafts live under `studio/`. */
  readonly dataDir: string;
}

/**
 * Reads and writes the content folder for the studio. Files stay the source of truth: a save is the file's new text,
 * checked by the content gate against the whole folder, written atomically (temp file, fsync, rename), and recorded in
 * the file's history. Saves are serialised in this process and, through a lock folder in CONTENT_DIR, across the
 * server processes of one machine; each checks that the file is still the version the editor started from, so two
 * leads editing one file cannot overwrite each other silently.
 */
export class StudioContent {
  readonly history: ContentHistory;
  /** The leads' drafts (`DATA_DIR/studio/drafts/`): a successful save drops its author's draft of the file. */
  readonly drafts: StudioDrafts;
  /** Titles by file version: listing re-reads every file, but parses only the ones that changed. */
  private readonly titles = new Map<string, string | null>();
  private queue: Promise<unknown> = Promise.resolve();

  readonly options: StudioOptions;

  constructor(options: StudioOptions) {
    this.options = options;
    this.history = new ContentHistory(options.contentDir, join(options.dataDir, 'studio', 'revisions'));
    this.drafts = new StudioDrafts(join(options.dataDir, 'studio', 'drafts'));
  }

  /** Every file of `kind` (or of every kind), sorted by path. */
  list(kind?: ContentKind): StudioFileEntry[] {
    return this.files(kind).map(({ path, kind: fileKind, text }) => {
      const version = versionOf(text);
      if (!this.titles.has(version)) this.titles.set(version, titleOf(fileKind, text));
      return { path, kind: fileKind, version, title: this.titles.get(version) ?? null };
    });
  }

  /** A digest of every content file's path and bytes: changes whenever any of them does (nothing is parsed). */
  fingerprint(): string {
    const digest = createHash('sha256');
    for (const file of this.files()) digest.update(`${file.path}\0${file.text.length}\0`).update(file.text);
    return digest.digest('hex');
  }

  private files(kind?: ContentKind): { path: string; kind: ContentKind; text: string }[] {
    const root = this.options.contentDir;
    const files: { path: string; kind: ContentKind; text: string }[] = [];
    for (const folder of ['cases', 'questions', 'exams', 'policy']) {
      let names: string[];
      try {
        names = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' });
      } catch {
        continue;
      }
      for (const name of names) {
        const path = `${folder}/${name.split('\\').join('/')}`;
        const fileKind = contentKindOf(path);
        if (!fileKind || (kind && fileKind !== kind)) continue;
        files.push({ path, kind: fileKind, text: readFileSync(join(root, path), 'utf8') });
      }
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** One file with its version and model; `undefined` when the path is not a content file or does not exist. */
  read(path: string): StudioFile | undefined {
    const kind = contentKindOf(path);
    if (!kind) return undefined;
    const text = this.readText(path);
    if (text === null) return undefined;
    let model: ContentModel | null = null;
    try {
      model = readContentModel(kind, text);
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
    }
    return { path, kind, version: versionOf(text), text, model };
  }

  /** The gate's verdict on a proposal, without saving anything. */
  async check(path: string, proposal: Proposal): Promise<CheckResult> {
    const kind = contentKindOf(path);
    if (!kind) return { ok: false, code: 'STUDIO_BAD_PATH' };
    const proposed = this.proposedText(kind, path, proposal);
    if (typeof proposed !== 'string') return proposed;
    return { ok: true, text: proposed, gate: await checkProposed(this.options.contentDir, new Map([[path, proposed]])) };
  }

  /**
   * Saves a proposal made from `baseVersion` (`null`: the editor started a new file). Refused with STUDIO_CONFLICT
   * when the file is not at that version any more, STUDIO_CONTENT_REFUSED with the gate's errors when the proposal
   * brings new content errors; otherwise written and recorded. Saving what is already there changes nothing. Any
   * successful save (unchanged included) drops the author's draft of the file: the draft was the work that is now
   * saved, and keeping it would offer 恢复草稿 for it on the next open. A refused save keeps the draft.
   */
  save(path: string, baseVersion: string | null, proposal: Proposal, author: StudioAuthor): Promise<SaveResult> {
    const task = this.queue.then(() =>
      withFolderLock(join(this.options.contentDir, LOCK_NAME), async () => {
        const result = await this.saveNow(path, baseVersion, proposal, author);
        if (result.ok) this.drafts.remove(author.employeeId, path);
        return result;
      }),
    );
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async saveNow(path: string, baseVersion: string | null, proposal: Proposal, author: StudioAuthor): Promise<SaveResult> {
    const kind = contentKindOf(path);
    if (!kind) return { ok: false, code: 'STUDIO_BAD_PATH' };
    const current = this.readText(path);
    const currentVersion = current === null ? null : versionOf(current);
    if (currentVersion !== baseVersion) return { ok: false, code: 'STUDIO_CONFLICT', currentVersion };
    const proposed = this.proposedText(kind, path, proposal);
    if (typeof proposed !== 'string') return proposed;
    if (proposed === current) return { ok: true, path, version: currentVersion!, changed: false, revision: null };
    const gate = await checkProposed(this.options.contentDir, new Map([[path, proposed]]));
    if (gate.errors.length > 0) return { ok: false, code: 'STUDIO_CONTENT_REFUSED', errors: gate.errors };
    writeAtomically(join(this.options.contentDir, path), proposed);
    const version = versionOf(proposed);
    try {
      const revision = await this.history.record(path, proposed, current, author, current === null ? 'create' : 'update');
      return { ok: true, path, version, changed: true, revision };
    } catch (error) {
      // The file is saved (and the editor must learn its new version, or its next save would conflict with itself);
      // only the history entry is missing. Say so instead of failing the save.
      console.error(`[studio] content/${path} saved, but its history entry failed:`, error);
      return { ok: true, path, version, changed: true, revision: null, historyError: '文件已保存，但没能记录这次修改的历史（git 提交失败）。请联系管理员检查内容目录的 git 状态。' };
    }
  }

  /** The file's saves, newest first; `undefined` for a path that is not a content file. */
  async revisions(path: string): Promise<{ kind: 'git' | 'revisions'; revisions: Revision[] } | undefined> {
    if (!contentKindOf(path)) return undefined;
    return { kind: await this.history.kind(), revisions: await this.history.list(path) };
  }

  /** The text of one revision of a content file; `undefined` for an unknown path or revision. */
  async revisionText(path: string, id: string): Promise<string | undefined> {
    if (!contentKindOf(path)) return undefined;
    return this.history.text(path, id);
  }

  /**
   * The text a proposal would make of the file as it is now (a model is spliced over the current text), without the
   * gate or any write: what a draft keeps. `STUDIO_MODEL_UNWRITABLE` when the model cannot be written as the file.
   */
  proposalText(path: string, proposal: Proposal): string | { ok: false; code: 'STUDIO_BAD_PATH' } | { ok: false; code: 'STUDIO_MODEL_UNWRITABLE'; detail: string } {
    const kind = contentKindOf(path);
    if (!kind) return { ok: false, code: 'STUDIO_BAD_PATH' };
    return this.proposedText(kind, path, proposal);
  }

  /** The editable model of `text` as the file at `path`; `null` when the text cannot be read as one. */
  modelOf(path: string, text: string): ContentModel | null {
    const kind = contentKindOf(path);
    if (!kind) return null;
    try {
      return readContentModel(kind, text);
    } catch {
      return null;
    }
  }

  private readText(path: string): string | null {
    try {
      return readFileSync(join(this.options.contentDir, path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private proposedText(kind: ContentKind, path: string, proposal: Proposal): string | { ok: false; code: 'STUDIO_MODEL_UNWRITABLE'; detail: string } {
    if ('text' in proposal) return proposal.text;
    try {
      return writeContentModel(kind, this.readText(path) ?? undefined, proposal.model);
    } catch (error) {
      // Anything a model cannot be written as (bad YAML underneath, data a splice cannot express) is the editor's
      // to handle by falling back to text; unexpected failures are logged as well.
      if (!(error instanceof YamlEditError)) console.error('[studio] a model could not be written:', error);
      return { ok: false, code: 'STUDIO_MODEL_UNWRITABLE', detail: error instanceof YamlEditError ? error.message : 'the model cannot be written as this file' };
    }
  }
}

/** The lock folder in CONTENT_DIR (git does not track an empty folder, and the studio lists only the four kinds). */
const LOCK_NAME = '.studio-lock';
/** A save (gate included) takes seconds; a lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 120_000;

/**
 * Runs `task` holding a lock shared by every server process on this machine (`WORKERS` > 1 runs several): `mkdir`
 * either creates the folder or fails, atomically, so the version check and the write of one save never interleave
 * with another process's. Waits for a held lock; takes over one older than {@link STALE_LOCK_MS}.
 */
async function withFolderLock<T>(lock: string, task: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function titleOf(kind: ContentKind, text: string): string | null {
  if (kind !== 'case' && kind !== 'exam') return null;
  try {
    const model = readContentModel(kind, text);
    const title = (model.data as { title?: unknown } | null)?.title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

