// @ts-check
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig, envField, sessionDrivers } from 'astro/config';
import { astroEnvSchema } from './src/server/config-schema.ts';
import practiceOffline from './src/server/practice-offline-integration.ts';
import securityHeaders from './src/server/security-headers-integration.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { caseReveal } from './src/markdown/case-reveal.ts';
import { NOSCRIPT_STYLES } from './src/components/noscript-styles.ts';
import { ACCOUNT_NAV_SCRIPT } from './src/components/account-nav-script.ts';

/** @param {string} text @returns {`sha256-${string}`} */
const sha256 = (text) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(text).digest('base64')}`);

const dataDir = process.env.DATA_DIR ?? './data';

/**
 * The pure layers (src/rules, src/quiz, src/present, src/authoring: no I/O, no DOM, nothing done at import;
 * eslint.layers.js and tests/purity.test.ts hold them to it) are declared free of import-time effects in the browser
 * build. Without it, a barrel (`index.ts`) an island imports for one light function keeps every module behind it
 * reachable from the island, and the bundler puts them in the island's first load even when only a dynamic import
 * uses them: the sandbox's rule engine, which it loads on first use (src/components/sandbox/engine.ts).
 * The groups keep the chunks other islands load as they were before the sandbox's dynamic import: Vite's preload
 * helper, now shared with the sandbox, travels with Preact (it was inside Astro's renderer chunk), and the trace view
 * model, now shared with the engine chunk, stays with the one trace renderer (practice would pay a chunk more).
 * @type {import('vite').Plugin}
 */
const islandChunks = {
  name: 'academy:island-chunks',
  configEnvironment: (name) =>
    name === 'client'
      ? {
          build: {
            rolldownOptions: {
              treeshake: { moduleSideEffects: (/** @type {string} */ id) => !/\/src\/(?:rules|quiz|present|authoring)\//.test(id) },
              output: {
                codeSplitting: {
                  groups: [
                    { name: 'preact.module', test: /\/preact\/dist\/preact\.module\.js$|vite\/preload-helper/, priority: 3 },
                    { name: 'jsxRuntime.module', test: /\/preact\/jsx-runtime\/dist\/jsxRuntime\.module\.js$/, priority: 2 },
                    { name: 'RuleTrace', test: /\/src\/(?:present\/trace-view\.ts|components\/trace\/RuleTrace\.tsx)$/, priority: 1 },
                  ],
                },
              },
            },
          },
        }
      : undefined,
};

export default defineConfig({
  output: 'static',
  // middleware: dist/server/entry.mjs exports a handler that src/server/serve/ mounts behind its API fast path and
  // static files (`npm start`, src/server/start.mjs). staticHeaders: each prerendered page's CSP goes to
  // dist/_headers.json, which the static files send (with our headers, see securityHeaders below).
  adapter: node({ mode: 'middleware', staticHeaders: true }),
  // Our middleware refuses every cross-origin write (JSON included) with a JSON 403 and accepts PUBLIC_URL's origin
  // behind a TLS proxy; Astro's own check runs first, answers form posts in English plain text and would refuse the
  // body-less exam start/submit requests a browser sends through such a proxy.
  // csp: Astro hashes every script and style it emits (the island loader's inline scripts included) into one
  // site-wide policy, sent as a header: by the middleware's response for pages rendered per request, from
  // _headers.json (staticHeaders above) for prerendered ones. 'wasm-unsafe-eval' lets Pagefind's WebAssembly run.
  security: {
    checkOrigin: false,
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "worker-src 'self'",
        "connect-src 'self'",
      ],
      // The header's account script on prerendered pages, allowed by hash (src/components/account-nav-script.ts).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [sha256(ACCOUNT_NAV_SCRIPT)] },
      // The <noscript> styles Astro cannot process, allowed by hash (src/components/noscript-styles.ts).
      styleDirective: {
        resources: ["'self'"],
        hashes: Object.values(NOSCRIPT_STYLES).map(sha256),
      },
    },
  },
  // include: only the islands are JSX. Without it, @preact/preset-vite runs Babel over every .ts file in the project
  // (the rule engine, the gate, the pages' helpers): ~2.7 s of a 1,000-case build (bench/build.ts).
  // practiceOffline: writes the practice pages' precache list into sw-practice.js after the build.
  // securityHeaders: adds nosniff, Referrer-Policy and X-Frame-Options to the prerendered pages' _headers.json.
  integrations: [mdx(), preact({ include: [/\.tsx$/] }), practiceOffline(), securityHeaders()],
  // Case bodies are split at “## 裁决与理由” so the case page can keep the ruling behind a <details> (no JS).
  // syntaxHighlight off: Shiki colours code with inline styles, which the CSP above refuses; a code block in a case
  // renders as plain <pre><code> instead (no case has one today).
  markdown: { processor: satteri({ hastPlugins: [caseReveal] }), syntaxHighlight: false },
  i18n: { defaultLocale: 'zh-CN', locales: ['zh-CN'] },
  // @astrojs/node would otherwise bake an absolute path from the build machine into dist/.
  session: { driver: sessionDrivers.fs({ base: `${dataDir}/sessions` }) },
  // The server's configuration, typed for astro:env/server. Every field is server/secret, so its value is read when
  // the server runs, never baked into dist/. src/server/config.ts reads the same schema (config-schema.ts) for the
  // server, the launcher and the CLIs alike, and boot.ts refuses to start on an invalid value.
  env: { schema: /** @type {any} */ (astroEnvSchema(envField)) },
  vite: { plugins: [islandChunks] },
});
