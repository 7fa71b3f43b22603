import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentKindOf } from '../../authoring/index.ts';
import { writeAtomically } from './atomic-write.ts';

/** Work in progress that is not published: kept per lead under `DATA_DIR/studio/drafts/`, never in CONTENT_DIR. */
export interface Draft {
  /** The content path the draft will be saved to. */
  readonly path: string;
  /** The file's version when the draft was started (`null` for a new file), for the save's conflict check. */
  readonly baseVersion: string | null;
  readonly text: string;
  readonly savedAt: string;
}

/**
 * Drafts live in the data folder, outside the content folder the site is built from, so an unpublished case can never
 * reach a page, the search index or an exam. One draft per lead and path; publishing it is an ordinary save.
 */
export class StudioDrafts {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Keeps `draft` for the lead; `false` when the path is not a content file. */
  put(employeeId: string, draft: Omit<Draft, 'savedAt'>, now = new Date()): boolean {
    if (!contentKindOf(draft.path)) return false;
    writeAtomically(this.fileOf(employeeId, draft.path), `${JSON.stringify({ ...draft, savedAt: now.toISOString() })}\n`);
    return true;
  }

  get(employeeId: string, path: string): Draft | undefined {
    if (!contentKindOf(path)) return undefined;
    try {
      return JSON.parse(readFileSync(this.fileOf(employeeId, path), 'utf8')) as Draft;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The lead's drafts, newest first. */
  list(employeeId: string): Draft[] {
    const dir = this.leadDir(employeeId);
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Draft)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  remove(employeeId: string, path: string): void {
    if (contentKindOf(path)) rmSync(this.fileOf(employeeId, path), { force: true });
  }

  private leadDir(employeeId: string): string {
    // 工号 are free text: hex keeps any of them a single safe folder name.
    return join(this.dir, Buffer.from(employeeId, 'utf8').toString('hex'));
  }

  private fileOf(employeeId: string, path: string): string {
    const dir = this.leadDir(employeeId);
    mkdirSync(dir, { recursive: true });
    // The path is a checked content path; flattened so one folder holds the lead's drafts.
    return join(dir, `${path.split('/').join('__')}.json`);
  }
}
