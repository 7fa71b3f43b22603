// Serves the built site (src/server/serve/: a node:http server with the API fast path in front of @astrojs/node's
// middleware-mode handler); builds first when dist/ has none. Run through `npm start` so the pinned Node 24
// (node_modules/.bin/node) is the one on PATH: it loads the server's TypeScript modules directly.
// WORKERS=<n> (PostgreSQL only) runs n server processes with node:cluster, sharing the one port.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from './config-schema.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));

/** The validated configuration (config-schema.ts, the schema the server reads); an invalid one stops here, without a stack. */
function config() {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    if (error.issues.some((issue) => issue.startsWith('WORKERS='))) {
      console.error('多进程运行需要 PostgreSQL：请设置 DATABASE_URL=postgres://…（见 docs/operations.md），或去掉 WORKERS。');
    }
    process.exit(1);
  }
}

const { workers, port, host, fastApi } = config();

if (cluster.isPrimary) {
  if (!existsSync(entry)) {
    console.log('dist/server/entry.mjs is missing: running `npm run build` first.');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // @astrojs/node reads PORT and HOST itself (its own default port is 8080): hand it the validated values.
  process.env.PORT = String(port);
  process.env.HOST = host;
}

/** A worker that ran this long before dying is restarted after WORKER_RESTART_MS; one that died younger, later. */
const WORKER_SETTLED_MS = 60_000;
const WORKER_RESTART_MS = 1_000;
const WORKER_RESTART_MAX_MS = 60_000;

if (workers > 1 && cluster.isPrimary) {
  console.log(`售后规则学堂 on http://${process.env.HOST}:${process.env.PORT} with ${workers} worker processes`);
  let stopping = false;
  /** Worker number (1..n) by cluster worker id, so a replacement keeps its number. */
  const numbers = new Map();
  /** Per worker number: when its current process was started, and how many in a row died young. */
  const lives = new Map();
  const fork = (number, replacement) => {
    // Only the first worker 1 prints the first-run setup link: each print replaces the stored token, voiding the link
    // printed before, so a replacement (even of worker 1) leaves the link an operator may be holding valid.
    const printsSetup = number === 1 && !replacement;
    const worker = cluster.fork({ ACADEMY_WORKER: String(number), ACADEMY_SKIP_FIRST_RUN: printsSetup ? '0' : '1' });
    numbers.set(worker.id, number);
    lives.set(number, { startedAt: Date.now(), youngDeaths: lives.get(number)?.youngDeaths ?? 0 });
  };
  for (let number = 1; number <= workers; number += 1) fork(number, false);
  cluster.on('exit', (worker, code, signal) => {
    const number = numbers.get(worker.id);
    numbers.delete(worker.id);
    if (stopping) {
      if (numbers.size === 0) process.exit(0);
      return;
    }
    // A worker that dies within a minute of its start (a database that is down, a broken deploy) is restarted after
    // 1, 2, 4 … up to 60 s, so a crash loop neither spins the CPU nor floods the log; the others keep serving.
    const life = lives.get(number);
    const young = Date.now() - life.startedAt < WORKER_SETTLED_MS;
    life.youngDeaths = young ? life.youngDeaths + 1 : 0;
    const delay = Math.min(WORKER_RESTART_MAX_MS, WORKER_RESTART_MS * 2 ** Math.max(0, life.youngDeaths - 1));
    const alive = numbers.size;
    console.error(
      `Worker ${number} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); ${alive} of ${workers} still serving; ` +
        `starting a new one in ${delay / 1000} s.`,
    );
    // Not unref'd: with every worker down the primary waits to restart them rather than exit.
    setTimeout(() => {
      if (!stopping) fork(number, true);
    }, delay);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopping = true;
      // Each worker finishes its queued writes (boot.ts) and exits; then the primary does.
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 10_000).unref();
      if (numbers.size === 0) process.exit(0);
    });
  }
} else {
  if (cluster.isPrimary) console.log(`售后规则学堂 on http://${process.env.HOST}:${process.env.PORT}`);
  // V8's code cache (and Node's for stripped TypeScript) in the OS temp folder: later starts load the modules faster.
  module.enableCompileCache?.();
  // Sets UV_THREADPOOL_SIZE before anything uses libuv's thread pool.
  await import('./store/io-threads.ts');
  const { serveAcademy } = await import('./serve/index.ts');
  await serveAcademy({
    root,
    host: process.env.HOST,
    port: Number(process.env.PORT),
    fastApi,
  });
}
