import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SECURITY_HEADERS } from './http/security-headers.ts';

interface StaticHeaders {
  readonly pathname: string;
  headers: { readonly key: string; readonly value: string }[];
}

/**
 * Gives prerendered pages the same security headers as pages rendered per request.
 *
 * Middleware does not run for prerendered files: @astrojs/node's static handler serves them, setting the headers it
 * finds for the page in `<outDir>/_headers.json` (written by the adapter with `staticHeaders: true`, holding each
 * page's Content-Security-Policy). This adds `SECURITY_HEADERS` to every entry. It must be listed after the adapter
 * (Astro runs the adapter's hooks first), so the file exists when it runs.
 * @throws when the file is missing or a page has no Content-Security-Policy: a build must not ship pages without it.
 */
export default function securityHeaders(): AstroIntegration {
  let outDir: URL | undefined;
  return {
    name: 'after-sales-academy:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': async ({ logger }) => {
        const file = fileURLToPath(new URL('_headers.json', outDir));
        const entries = JSON.parse(await readFile(file, 'utf8')) as StaticHeaders[];
        const extra = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
        for (const entry of entries) {
          if (!entry.headers.some((h) => h.key.toLowerCase() === 'content-security-policy')) {
            throw new Error(`_headers.json: ${entry.pathname} has no Content-Security-Policy; is security.csp still on?`);
          }
          const names = new Set(extra.map((h) => h.key.toLowerCase()));
          entry.headers = [...entry.headers.filter((h) => !names.has(h.key.toLowerCase())), ...extra];
        }
        await writeFile(file, JSON.stringify(entries));
        logger.info(`_headers.json: security headers for ${entries.length} prerendered pages`);
      },
    },
  };
}
