import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Who saved: the signed-in lead. */
export interface StudioAuthor {
  readonly name: string;
  readonly employeeId: string;
}

/** One saved version of a content file, newest first in a history. */
export interface Revision {
  /** A git commit hash, or a revision file's name in the revisions folder. */
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly email: string | null;
  readonly message: string;
}

export type HistoryKind = 'git' | 'revisions';

/**
 * History per content file. When the content folder is inside a git work tree each save is a commit of that one file
 * with the lead as author and committer (`git -c user.name=… -c user.email=<工号>@academy.invalid`), so `git log`,
 * blame and revert work as they do for hand edits. Otherwise each save's text goes into
 * `DATA_DIR/studio/revisions/<path>/`, with the text before the first studio save kept as the first revision.
 */
export class ContentHistory {
  private kindPromise: Promise<HistoryKind> | undefined;

  private readonly root: string;
  private readonly revisionsDir: string;

  constructor(root: string, revisionsDir: string) {
    this.root = root;
    this.revisionsDir = revisionsDir;
  }

  /** `git` when the content folder is inside a git work tree and git runs; else `revisions`. Asked once. */
  kind(): Promise<HistoryKind> {
    this.kindPromise ??= git(this.root, ['rev-parse', '--is-inside-work-tree']).then(
      (out) => (out.trim() === 'true' ? 'git' : 'revisions'),
      () => 'revisions' as const,
    );
    return this.kindPromise;
  }

  /**
   * Records a save of `path` (below the content folder) whose new text is already on disk. `previous` is the text
   * before the save (`null` for a new file). Returns the revision id.
   */
  async record(path: string, text: string, previous: string | null, author: StudioAuthor, verb: 'create' | 'update'): Promise<string> {
    const message = `Studio: ${verb} content/${path}`;
    if ((await this.kind()) === 'git') {
      const email = authorEmail(author);
      await git(this.root, ['add', '--', path]);
      await git(this.root, ['-c', `user.name=${author.name}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--only', '-m', message, '--', path]);
      return (await git(this.root, ['rev-parse', 'HEAD'])).trim();
    }
    const dir = join(this.revisionsDir, path);
    mkdirSync(dir, { recursive: true });
    if (previous !== null && readdirSync(dir).length === 0) {
      writeRevision(dir, { at: new Date(0).toISOString(), author: '（工作室之前的版本）', email: null, message: `Before the first studio save of content/${path}`, text: previous }, '0');
    }
    return writeRevision(dir, { at: new Date().toISOString(), author: author.name, email: authorEmail(author), message, text }, String(Date.now()));
  }

  /**
   * The file's text at revision `id` (from {@link list}), or `undefined` when there is no such revision of this file
   * (or the file did not exist in that commit). Reverting is saving this text.
   */
  async text(path: string, id: string): Promise<string | undefined> {
    if (!REVISION_ID.test(id)) return undefined;
    if ((await this.kind()) === 'git') {
      try {
        // `./` makes the path relative to the content folder, wherever it sits in the work tree.
        return await git(this.root, ['show', `${id}:./${path}`]);
      } catch {
        return undefined;
      }
    }
    try {
      return (JSON.parse(readFileSync(join(this.revisionsDir, path, `${id}.json`), 'utf8')) as { text: string }).text;
    } catch {
      return undefined;
    }
  }

  /** The file's saves, newest first (at most `limit`). */
  async list(path: string, limit = 50): Promise<Revision[]> {
    if ((await this.kind()) === 'git') {
      const out = await git(this.root, ['log', `-n${limit}`, '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s', '--', path]);
      return out
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [id, author, email, at, message] = line.split('\x1f') as [string, string, string, string, string];
          return { id, author, email, at, message };
        });
    }
    const dir = join(this.revisionsDir, path);
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    return names
      .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10) || b.localeCompare(a))
      .slice(0, limit)
      .map((name) => {
        const saved = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<Revision, 'id'>;
        return { id: name.replace(/\.json$/, ''), at: saved.at, author: saved.author, email: saved.email, message: saved.message };
      });
  }
}

/** A revision id as `list` hands them out: a full commit hash, or a revisions-folder stamp. */
const REVISION_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|\d{1,16}(?:-\d{1,4})?)$/;

/** The lead's commit address: the 工号 at a reserved domain, so no real mailbox is implied. */
export function authorEmail(author: StudioAuthor): string {
  return `${author.employeeId}@academy.invalid`;
}

function writeRevision(dir: string, revision: Omit<Revision, 'id'> & { text: string }, stamp: string): string {
  let id = stamp;
  for (let n = 1; ; n++) {
    try {
      writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(revision)}\n`, { flag: 'wx' });
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      id = `${stamp}-${n}`;
    }
  }
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout;
}
