import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the build writes for the server (middleware mode: a handler, not a server); its age says whether dist/ is fresh. */
export const ENTRY = join(ROOT, 'dist/server/entry.mjs');
/** What `npm start` runs: the built server (src/server/serve/ in front of the handler in ENTRY). */
export const START = join(ROOT, 'src/server/start.mjs');
const LOCK = join(ROOT, 'node_modules/.cache/after-sales-academy-build.lock');
const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return newest;
}

function isBuilt(): boolean {
  return existsSync(ENTRY) && statSync(ENTRY).mtimeMs >= newestSourceMtime();
}

/**
 * Builds the site once when dist/ is missing or older than the sources. Test files run in parallel workers, so a
 * lock directory makes the first one build while the others wait and then find dist/ fresh. Freshness is judged only
 * while holding the lock: the build writes dist/server/entry.mjs long before it has written the pages and Pagefind's
 * index, so a file that looked at ENTRY while another worker built would start a server on half a build.
 * @throws Error with the build output when `npm run build` fails.
 */
export async function ensureBuilt(): Promise<void> {
  // Fast path: no build ran from before the check to after it, so ENTRY was not half a build's.
  if (!existsSync(LOCK) && isBuilt() && !existsSync(LOCK)) return;
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (lockOwnerIsGone()) continue;
      if (Date.now() > deadline) throw new Error(`waited 5 min for ${LOCK}; delete it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    if (isBuilt()) return;
    const env = { ...process.env };
    delete env['NODE_ENV'];
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Removes the lock when the process that took it has died (a test run killed mid-build), and says so. */
function lockOwnerIsGone(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return false; // Just taken, its pid not written yet (or already released).
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return false;
    rmSync(LOCK, { recursive: true, force: true });
    return true;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'asa-data-'));
}

export interface TestServer {
  /** Origin without a trailing slash. */
  readonly url: string;
  readonly dataDir: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output, waiting up to `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null>;
  stop(): Promise<void>;
  /** Kills the server's process group with SIGKILL (a crash: nothing is flushed); resolves with its exit code. */
  kill9(): Promise<number | null>;
}

/** What serveAcademy (src/server/serve/server.ts) prints once its socket listens: proof the port is this process's. */
const LISTENING = /Server listening on /;

/**
 * Spawns the built server (`node src/server/start.mjs`, what `npm start` runs) on a free port of 127.0.0.1 with DATA_DIR set, and
 * resolves once it says it listens and answers HTTP, or once it exits when `expectExit` is set. The port is probed free
 * and then handed to the child, so another process can take it in between: a start that fails with EADDRINUSE is
 * retried on a new port (up to 3 times), and an HTTP answer counts only after the child printed that it listens (an
 * answer from whoever else holds the port must not pass for this server).
 */
export async function startServer(options: {
  readonly dataDir: string;
  readonly expectExit?: boolean;
  readonly command?: readonly string[];
  readonly env?: Record<string, string>;
}): Promise<TestServer> {
  for (let attempt = 1; ; attempt += 1) {
    const server = await startOnce(options);
    if (server !== 'port taken') return server;
    if (attempt === 3) throw new Error('three free ports in a row were taken before the server could listen on them');
  }
}

async function startOnce(options: Parameters<typeof startServer>[0]): Promise<TestServer | 'port taken'> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: options.dataDir,
    NODE_ENV: 'production',
  };
  delete env['PUBLIC_URL'];
  Object.assign(env, options.env);
  const [command, ...args] = options.command ?? [process.execPath, START];
  // Its own process group, so stop() also ends what `npm start` spawns.
  const child: ChildProcess = spawn(command!, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const closed = new Promise((resolve) => child.once('close', resolve));

  const server: TestServer = {
    url,
    dataDir: options.dataDir,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`no ${pattern} in server output within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    exited: () => exit,
    async kill9() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      return exit;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // Already gone.
        }
        await exit;
      }
    },
  };
  if (options.expectExit) {
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    return server;
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      // Output can trail the exit event: read why it stopped once its pipes are drained (a grandchild holding them
      // open, as under `npm start`, gets 2 s).
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      if (/EADDRINUSE/.test(output)) return 'port taken';
      throw new Error(`server exited with code ${child.exitCode}:\n${output}`);
    }
    if (LISTENING.test(output)) {
      try {
        // Any answer means it serves; an API route does not depend on which pages the build produced.
        await fetch(`${url}/api/auth/me`);
        return server;
      } catch {
        // Listening but not answering yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new Error(`server did not answer on ${url} within 30 s:\n${output}`);
}

/** The one-time setup link a fresh server printed. */
export async function setupLinkFrom(server: TestServer): Promise<URL> {
  const [link] = await server.waitForOutput(/https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+/);
  return new URL(link);
}
