import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { ensureBuilt, freePort, ROOT, START } from '../../tests/server/built-server.ts';

export interface ServerProcess {
  readonly url: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** performance.now() when spawn() was called. */
  readonly spawnedAt: number;
  output(): string;
  /** Resident memory of the server process, from /proc (Linux); null elsewhere. */
  rssMb(): number | null;
  /** SIGKILL, no chance to flush anything: what a power cut or OOM kill does to the process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Spawns the built server (`src/server/start.mjs` of this checkout, built first when missing or stale) on a free
 * port of 127.0.0.1 with DATA_DIR set. Resolves at once; use `waitUntilServing` to wait for it.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  await ensureBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    origin: url,
    child,
    spawnedAt,
    output: () => output,
    rssMb() {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Math.round(Number(kb) / 1024) : null;
      } catch {
        return null;
      }
    },
    async kill9() {
      if (isRunning()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (isRunning()) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One GET with a session cookie; resolves with the status, rejects when nothing listens. */
export function getStatus(url: string, token: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: token ? { cookie: `asa_session=${token}` } : {}, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Polls an authenticated API call (`GET /api/auth/me` with the session cookie) every 10 ms until it answers 200;
 * with no token, until it answers 401 (listening, store open, nobody signed in).
 * @returns milliseconds from spawn to that first answer.
 * @throws Error when the server exits or does not serve within `timeoutMs`.
 */
export async function waitUntilServing(server: ServerProcess, token: string | null, timeoutMs = 120_000): Promise<number> {
  const deadline = server.spawnedAt + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      const status = await getStatus(`${server.url}/api/auth/me`, token);
      if (status === (token ? 200 : 401)) return performance.now() - server.spawnedAt;
      if (status !== 503) throw new Error(`GET /api/auth/me answered ${status}:\n${server.output()}`);
    } catch (error) {
      if (!(error as NodeJS.ErrnoException).code) throw error;
    }
    if (performance.now() > deadline) throw new Error(`server did not serve within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { ROOT };
