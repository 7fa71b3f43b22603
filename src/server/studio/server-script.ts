import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A script of `src/server/` (e.g. `content-check/cli.ts`) that a child process can run with this server's Node (it
 * strips the types), next to this module in the sources or in the project a built server runs from;
 * `undefined` where the sources are not deployed (the caller then works in process).
 */
export function serverScript(relative: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = [join(dirname(here), '..', relative)];
  // Bundled into dist/server/chunks/: the project is the parent of dist/.
  for (let folder = dirname(here); dirname(folder) !== folder; folder = dirname(folder)) {
    if (basename(folder) === 'server' && existsSync(join(dirname(folder), 'client'))) candidates.push(join(dirname(dirname(folder)), 'src/server', relative));
  }
  return candidates.find((candidate) => existsSync(candidate));
}
