// Serves the built site (src/server/serve/: a node:http server with the API fast path in front of @astrojs/node's
// middleware-mode handler); builds first when dist/ has none. Run through `npm start` so the pinned Node 24
// (node_modules/.bin/node) is the one on PATH: it loads the server's TypeScript modules directly.
// WORKERS=<n> (PostgreSQL only) runs n server processes with node:cluster, sharing the one port.
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));

/** WORKERS as a whole number of processes (1 when unset). */
function workerCount() {
  const raw = process.env.WORKERS ?? '1';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 64) {
    console.error(`WORKERS=${raw} is not a number of processes from 1 to 64.`);
    process.exit(1);
  }
  return n;
}

const workers = workerCount();

if (cluster.isPrimary) {
  if (workers > 1 && !process.env.DATABASE_URL) {
    console.error(
      [
        `WORKERS=${workers} needs the PostgreSQL store: several processes cannot share one lowdb data folder.`,
        '多进程运行需要 PostgreSQL：请设置 DATABASE_URL=postgres://…（见 docs/operations.md），或去掉 WORKERS。',
      ].join('\n'),
    );
    process.exit(1);
  }
  if (!existsSync(entry)) {
    console.log('dist/server/entry.mjs is missing: running `npm run build` first.');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  process.env.PORT ??= '4321';
  process.env.HOST ??= 'localhost';
}

if (workers > 1 && cluster.isPrimary) {
  console.log(`售后规则学堂 on http://${process.env.HOST}:${process.env.PORT} with ${workers} worker processes`);
  let stopping = false;
  /** Worker number (1..n) by cluster worker id, so a replacement keeps its number. */
  const numbers = new Map();
  const fork = (number) => {
    // Only worker 1 prints the first-run setup link: each print replaces the stored token, voiding the others.
    const worker = cluster.fork({ ACADEMY_WORKER: String(number), ACADEMY_SKIP_FIRST_RUN: number === 1 ? '0' : '1' });
    numbers.set(worker.id, number);
  };
  for (let number = 1; number <= workers; number += 1) fork(number);
  cluster.on('exit', (worker, code, signal) => {
    const number = numbers.get(worker.id);
    numbers.delete(worker.id);
    if (stopping) {
      if (numbers.size === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${number} (pid ${worker.process.pid}) exited (${signal ?? code}); starting a new one.`);
    setTimeout(() => fork(number), 1000).unref();
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
    fastApi: process.env.ACADEMY_FAST_API !== 'off',
  });
}
