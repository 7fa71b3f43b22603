import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  constants,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { studioPublishEnabled } from '../config.ts';
import { registerServedDist, servedDist } from '../served-dist.ts';

/**
 * Publishing: rebuild the static site from CONTENT_DIR in the background and swap what the running server serves.
 *
 * @astrojs/node (11.1.6, `resolveClientDir` in its dist/shared.js) fixes the static folder once at start: the
 * build-time path from the server folder to the client folder (`../client/`), resolved against the folder of the
 * running `entry.mjs`. Every request is then served with `send` from that path, read from disk per request. So the
 * served folder is replaced by making `dist/client` a symlink to `dist/releases/<id>/client` and renaming a new
 * symlink over it: POSIX `rename` is atomic, a request sees the old or the new tree, never half of one. The server
 * bundle is not swapped (on-demand routes keep their code; content does not change code).
 */

export type PublishState = 'building' | 'indexing' | 'swapping' | 'done' | 'failed';

export interface PublishJob {
  readonly id: string;
  state: PublishState;
  /** 0–100, for a progress bar. */
  progress: number;
  readonly startedAt: string;
  finishedAt: string | null;
  /** Who asked for it. */
  readonly by: string;
  /** The last lines of the build's output (the whole log is in DATA_DIR/studio/publish/<id>.log). */
  log: string[];
  /** Why it failed, in Chinese, when it did. */
  error: string | null;
}

/** Where the served site is and where it is built from, or why this server cannot publish. */
export type PublishSite =
  | { readonly ok: true; readonly dist: string; readonly project: string }
  | { readonly ok: false; readonly reason: string };

const LOG_LINES = 200;

// Kept here too for the studio's callers; the registration itself lives in src/server/served-dist.ts.
export { registerServedDist };

/**
 * The served site: the `dist/` folder the server registered (else the one holding the running server bundle), and the
 * project it was built from (its parent, with `astro.config.mjs`, `src/` and `node_modules/`). Publishing is off unless
 * `STUDIO_PUBLISH=on`: a server that rebuilds itself needs a writable install with the dev dependencies, which a production image usually is not.
 */
export function publishSite(moduleUrl: string = import.meta.url): PublishSite {
  if (!studioPublishEnabled()) {
    return { ok: false, reason: '这台服务器没有开启发布（STUDIO_PUBLISH=on），通常是只读部署：保存的内容已写入内容目录，请把它提交到仓库，由部署流程重新构建发布。' };
  }
  let dist = servedDist();
  if (dist === undefined) {
    let folder = dirname(fileURLToPath(moduleUrl));
    while (basename(folder) !== 'server' || !existsSync(join(dirname(folder), 'client'))) {
      const up = dirname(folder);
      if (up === folder) return { ok: false, reason: '找不到正在运行的站点构建（dist/server 与 dist/client）：开发模式（npm run dev）下不能发布。' };
      folder = up;
    }
    dist = dirname(folder);
  }
  const project = dirname(dist);
  for (const needed of ['astro.config.mjs', 'src', 'node_modules/astro/bin/astro.mjs', 'node_modules/pagefind/lib/runner/bin.cjs']) {
    if (!existsSync(join(project, needed))) return { ok: false, reason: `服务器上没有构建所需的 ${needed}（只读或精简部署）：请由部署流程重新构建发布。` };
  }
  try {
    accessSync(dist, constants.W_OK);
  } catch {
    return { ok: false, reason: '站点目录（dist）不可写（只读部署）：请由部署流程重新构建发布。' };
  }
  return { ok: true, dist, project };
}

/**
 * One publish at a time per process; asking again while one runs returns the running job. Jobs are kept in memory
 * (their logs on disk) — a restart forgets them, and an interrupted build never swapped anything.
 */
export class Publisher {
  private readonly jobs = new Map<string, PublishJob>();
  private running: PublishJob | undefined;
  private readonly site: PublishSite;
  private readonly contentDir: string;
  private readonly logDir: string;

  constructor(site: PublishSite, contentDir: string, dataDir: string) {
    this.site = site;
    this.contentDir = contentDir;
    this.logDir = join(dataDir, 'studio', 'publish');
  }

  /** Why publishing is unavailable, or `null` when it is available. */
  unavailable(): string | null {
    return this.site.ok ? null : this.site.reason;
  }

  get(id: string): PublishJob | undefined {
    return this.jobs.get(id);
  }

  /** Starts a publish (or returns the one running). @throws Error when publishing is unavailable. */
  start(by: string): PublishJob {
    if (!this.site.ok) throw new Error(this.site.reason);
    if (this.running) return this.running;
    const job: PublishJob = { id: randomBytes(8).toString('hex'), state: 'building', progress: 1, startedAt: new Date().toISOString(), finishedAt: null, by, log: [], error: null };
    this.jobs.set(job.id, job);
    this.running = job;
    const site = this.site;
    void this.run(job, site.dist, site.project).finally(() => {
      this.running = undefined;
      job.finishedAt = new Date().toISOString();
    });
    return job;
  }

  private async run(job: PublishJob, dist: string, project: string): Promise<void> {
    mkdirSync(this.logDir, { recursive: true });
    const logFile = join(this.logDir, `${job.id}.log`);
    const log = (text: string) => {
      appendFileSync(logFile, text);
      job.log.push(...text.split('\n').filter((line) => line.trim() !== ''));
      if (job.log.length > LOG_LINES) job.log.splice(0, job.log.length - LOG_LINES);
    };
    const releases = join(dist, 'releases');
    const release = join(releases, job.id);
    const workspace = join(tmpdir(), `asa-publish-${job.id}`);
    try {
      prepareWorkspace(workspace, project, this.contentDir);
      // Astro prints one line per page it writes: a rough but honest progress measure between 5 % and 75 %.
      const pages = countFiles(join(this.contentDir, 'cases')) + 40;
      let written = 0;
      await runNode([join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', release], workspace, (text) => {
        log(text);
        written += (text.match(/\.html/g) ?? []).length;
        job.progress = Math.min(75, 5 + Math.round((70 * written) / pages));
      });
      job.state = 'indexing';
      job.progress = 80;
      await runNode([join(project, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(release, 'client')], workspace, log);
      job.state = 'swapping';
      job.progress = 95;
      swapClient(dist, release, log);
      job.state = 'done';
      job.progress = 100;
      log('发布完成：新站点已上线。\n');
    } catch (error) {
      job.state = 'failed';
      job.error = `发布失败，线上站点没有变化：${(error as Error).message}`;
      log(`${job.error}\n`);
      rmSync(release, { recursive: true, force: true });
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
}

/**
 * A build root whose `content` is a snapshot of CONTENT_DIR: the project's sources, public files and config copied in
 * (copies, not links: Vite resolves links to their real paths, which would put the pages outside the build's root),
 * and `node_modules` a folder of links to the project's packages, so Astro's caches under `node_modules/.astro` are
 * this build's own and never mix with the project's. A save made while the build runs waits for the next publish.
 */
function prepareWorkspace(workspace: string, project: string, contentDir: string): void {
  mkdirSync(join(workspace, 'node_modules'), { recursive: true });
  for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(project, name))) cpSync(join(project, name), join(workspace, name), { recursive: true, dereference: true });
  }
  for (const name of ['cases', 'questions', 'exams', 'policy']) {
    if (existsSync(join(contentDir, name))) cpSync(join(contentDir, name), join(workspace, 'content', name), { recursive: true, dereference: true });
  }
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(project, 'node_modules', name), join(workspace, 'node_modules', name));
  }
}

/** Runs a Node script with this server's Node (24: what Astro needs), failing with its last lines on a non-zero exit. */
function runNode(args: readonly string[], cwd: string, onOutput: (text: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
    const child = spawn(process.execPath, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-2_000);
      onOutput(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${basename(args[0] ?? 'build')} 退出码 ${code}。${lastLine(tail)}`))));
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').slice(0, 400);
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).length;
  } catch {
    return 0;
  }
}

/**
 * Points `dist/client` at the new release atomically. Old `_astro/*` assets are copied in first, so pages already
 * open in a browser keep their scripts and styles. The first time, a real `dist/client` folder is moved into
 * `releases/initial/` and replaced by a link: two renames, the only moment a static request could miss — do it at
 * start (before listening) in a deployment that publishes often.
 */
function swapClient(dist: string, release: string, log: (text: string) => void): void {
  const served = join(dist, 'client');
  const oldAssets = join(served, '_astro');
  const newAssets = join(release, 'client', '_astro');
  if (existsSync(oldAssets)) {
    mkdirSync(newAssets, { recursive: true });
    for (const name of readdirSync(oldAssets)) {
      if (!existsSync(join(newAssets, name))) cpSync(join(oldAssets, name), join(newAssets, name), { recursive: true });
    }
  }
  if (!lstatSync(served).isSymbolicLink()) {
    const initial = join(dist, 'releases', 'initial');
    mkdirSync(initial, { recursive: true });
    renameSync(served, join(initial, 'client'));
    symlinkSync(relative(dist, join(initial, 'client')), served);
    log('首次发布：dist/client 已改为指向 releases/initial/client 的链接。\n');
  }
  const previous = resolve(dist, readlinkSync(served));
  const next = join(dist, `.client-${basename(release)}`);
  symlinkSync(relative(dist, join(release, 'client')), next);
  renameSync(next, served);
  // The new pages' headers (their Content-Security-Policy): the running server re-reads this file (src/server/serve/static-headers.ts).
  const headers = join(release, '_headers.json');
  if (existsSync(headers)) {
    const temporary = join(dist, `._headers-${basename(release)}.json`);
    cpSync(headers, temporary);
    renameSync(temporary, join(dist, '_headers.json'));
  }
  // The server bundle of a release is not used (the running server keeps its own); drop it, and all but the previous
  // release, to keep the disk bounded.
  rmSync(join(release, 'server'), { recursive: true, force: true });
  const keep = new Set([basename(release), basename(dirname(previous))]);
  for (const name of readdirSync(join(dist, 'releases'))) {
    if (!name.startsWith('.') && !keep.has(name)) rmSync(join(dist, 'releases', name), { recursive: true, force: true });
  }
}
