import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const BOOT = fileURLToPath(new URL('./boot.ts', import.meta.url));
const LIVE_HEADERS = fileURLToPath(new URL('./live-static-headers.ts', import.meta.url));
/** Where @astrojs/node 11 reads `_headers.json` once at start; wrapped so a publish's new pages get their headers. */
const HEADERS_READ = 'readHeadersJson(app.manifest.outDir)';
const NODE_SERVER_ENTRY = /[\\/]@astrojs[\\/]node[\\/]dist[\\/]server\.js$/;

/**
 * Runs src/server/boot.ts when the built standalone server starts, before it listens.
 *
 * Astro has no start-up hook for a built server: integration hooks run at build or dev time only, and middleware
 * loads on the first request, too late to print the first-run link or refuse a corrupt data file. So this prepends
 * an import of boot.ts to @astrojs/node's server entry module during the build; ES module order then runs boot.ts
 * (and its top-level await) first. `astro dev` does not load that entry: there the store opens on the first request.
 */
export default function serverStartup(): AstroIntegration {
  return {
    name: 'after-sales-academy:server-startup',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'after-sales-academy:boot-before-server',
                transform(code, id) {
                  if (!NODE_SERVER_ENTRY.test(id)) return null;
                  if (!code.includes(HEADERS_READ)) throw new Error(`@astrojs/node's server entry no longer has ${HEADERS_READ}: see src/server/live-static-headers.ts`);
                  const live = code.replace(HEADERS_READ, `__liveStaticHeaders(${HEADERS_READ})`);
                  return { code: `import ${JSON.stringify(BOOT)};\nimport { liveStaticHeaders as __liveStaticHeaders } from ${JSON.stringify(LIVE_HEADERS)};\n${live}`, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
