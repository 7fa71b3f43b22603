// Serves the built site (src/server/serve/: a node:http server with the API fast path in front of @astrojs/node's
// middleware-mode handler); builds first when dist/ has none. Run through `npm start` so the pinned Node 24
// (node_modules/.bin/node) is the one on PATH: it loads the server's TypeScript modules directly.
// WORKERS=<n> (PostgreSQL only) runs n server processes with node:cluster, sharing the one port; the primary replaces a
// worker that dies, and SIGHUP makes it replace them all, one at a time (a rolling restart).
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
/** The primary's message to a worker it replaces in a rolling restart. */
const RETIRE = 'academy:retire';

if (workers > 1 && cluster.isPrimary) {
  console.log(
    `售后规则学堂 on http://${process.env.HOST}:${process.env.PORT} with ${workers} worker processes ` +
      `(primary pid ${process.pid}: kill -HUP ${process.pid} restarts them one at a time)`,
  );
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
    return worker;
  };
  /** Workers whose exit is expected (retired by a rolling restart, or a replacement that failed to start in one). */
  const retiring = new Set();
  for (let number = 1; number <= workers; number += 1) fork(number, false);
  cluster.on('exit', (worker, code, signal) => {
    const number = numbers.get(worker.id);
    numbers.delete(worker.id);
    if (stopping) {
      if (numbers.size === 0) process.exit(0);
      return;
    }
    if (retiring.delete(worker.id)) return;
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
  // SIGHUP: a rolling restart, one worker at a time, so that the server never stops answering: each new worker reads
  // the content (exams, question bank) and code afresh; only once it listens does the old one stop taking connections
  // (disconnect: its servers close and finish what they hold) and then end its store (SIGTERM), 10 s at the latest.
  let rolling = false;
  process.on('SIGHUP', async () => {
    if (rolling || stopping) return;
    rolling = true;
    console.log('SIGHUP: restarting the workers one at a time.');
    for (const old of Object.values(cluster.workers ?? {})) {
      if (!old || stopping || retiring.has(old.id)) continue;
      const number = numbers.get(old.id);
      const fresh = fork(number, true);
      retiring.add(fresh.id);
      const up = await new Promise((resolve) => {
        fresh.once('listening', () => resolve(true));
        fresh.once('exit', () => resolve(false));
      });
      if (!up) {
        console.error(`SIGHUP: the new worker ${number} did not start; the old workers keep serving. Fix the cause and send SIGHUP again.`);
        break;
      }
      retiring.delete(fresh.id);
      retiring.add(old.id);
      // First the old worker closes its kept-alive connections after their current answer (see the worker below), so
      // clients reconnect to the others; then it stops listening and, once its connections are closed, ends.
      old.send(RETIRE);
      const end = () => old.process.kill('SIGTERM');
      const late = setTimeout(end, 10_000);
      old.once('disconnect', () => {
        clearTimeout(late);
        end();
      });
      old.disconnect();
    }
    rolling = false;
    console.log('SIGHUP: rolling restart done.');
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
  const server = await serveAcademy({
    root,
    host: process.env.HOST,
    port: Number(process.env.PORT),
    fastApi,
  });
  // Retired by a rolling restart (SIGHUP to the primary): every answer from now on says `Connection: close` and idle
  // connections are closed, so no request is sent to this process after it ends its store.
  if (cluster.isWorker) {
    process.on('message', (message) => {
      if (message !== RETIRE) return;
      server.on('request', (_request, response) => response.setHeader('connection', 'close'));
      server.closeIdleConnections();
    });
  }
}
