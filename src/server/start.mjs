// Serves the built standalone server; builds first when dist/ has none. Run through `npm start` so
// the pinned Node 24 (node_modules/.bin/node) is the one on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));

if (!existsSync(entry)) {
  console.log('dist/server/entry.mjs is missing: running `npm run build` first.');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.PORT ??= '4321';
process.env.HOST ??= 'localhost';
console.log(`售后规则学堂 on http://${process.env.HOST}:${process.env.PORT}`);
await import(pathToFileURL(entry).href);
