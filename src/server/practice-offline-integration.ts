import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const WORKER = 'sw-practice.js';
const MARKER = /\/\* practice-offline-manifest \*\/ \{ version: 'dev', urls: \[\] \}/;
/** `/_astro/x` in HTML and CSS, `./x` between quotes in the chunks' imports (Rolldown emits relative specifiers). */
const ASSET_IN_PAGE = /\/_astro\/[\w.~-]+\.(?:js|css|woff2?|svg|png|webp|avif|jpg)/g;
const SIBLING_IN_ASSET = /["'`(]\.\/([\w.~-]+\.(?:js|css|woff2?|svg|png|webp|avif|jpg))["'`)]/g;

/** The practice service worker's precache list, as written into dist/client/sw-practice.js. */
export interface PracticePrecache {
  /** Derived from every listed file's bytes: any change to a page, the JSON or an asset makes a new version. */
  readonly version: string;
  /** Site paths: the practice pages (`/practice`, `/practice/<name>`), `/practice/items.json`, their `/_astro/` files. */
  readonly urls: readonly string[];
}

async function htmlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name === 'index.html').map((e) => join(e.parentPath, e.name));
}

/**
 * Lists what the practice pages of a built site in `clientDir` need offline: every page under practice/, the
 * question JSON, and the `/_astro/` files those pages load, followed through the chunks' own imports.
 */
export async function practicePrecache(clientDir: string): Promise<PracticePrecache> {
  const practiceDir = join(clientDir, 'practice');
  const pages = (await htmlFilesUnder(practiceDir)).sort();
  const urls: string[] = [];
  const assets = new Set<string>();
  for (const file of pages) {
    const folder = relative(practiceDir, file).split(sep).slice(0, -1).join('/');
    urls.push(folder ? `/practice/${folder}` : '/practice');
    for (const match of (await readFile(file, 'utf8')).matchAll(ASSET_IN_PAGE)) assets.add(match[0]);
  }
  urls.push('/practice/items.json');
  // Follow imports: a chunk loads its siblings, and a stylesheet may load fonts or images.
  const queue = [...assets];
  while (queue.length > 0) {
    const asset = queue.pop()!;
    if (!/\.(?:js|css)$/.test(asset)) continue;
    const text = await readFile(join(clientDir, asset), 'utf8');
    for (const match of text.matchAll(SIBLING_IN_ASSET)) {
      const sibling = `/_astro/${match[1]}`;
      if (!assets.has(sibling)) {
        assets.add(sibling);
        queue.push(sibling);
      }
    }
  }
  urls.push(...[...assets].sort());
  const hash = createHash('sha256');
  for (const url of urls) {
    const file = url.startsWith('/_astro/') || url.endsWith('.json') ? join(clientDir, url) : join(clientDir, url, 'index.html');
    hash.update(url).update('\0').update(await readFile(file)).update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), urls };
}

/**
 * After the build, writes the practice pages' precache list into dist/client/sw-practice.js (copied from public/),
 * so the worker fetches a bounded, versioned set once at install instead of the pages copying whatever they load.
 * @throws when the worker or its marker is missing: a build without offline support must not pass silently.
 */
export default function practiceOffline(): AstroIntegration {
  return {
    name: 'after-sales-academy:practice-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        const worker = join(clientDir, WORKER);
        const source = await readFile(worker, 'utf8');
        if (!MARKER.test(source)) throw new Error(`${WORKER}: the precache marker is missing; keep the PRECACHE line of public/${WORKER} as it is.`);
        const precache = await practicePrecache(clientDir);
        await writeFile(worker, source.replace(MARKER, () => JSON.stringify(precache)));
        logger.info(`${WORKER}: ${precache.urls.length} files to precache, version ${precache.version}`);
      },
    },
  };
}
