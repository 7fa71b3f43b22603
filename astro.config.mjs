// @ts-check
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig, sessionDrivers } from 'astro/config';
import practiceOffline from './src/server/practice-offline-integration.ts';
import securityHeaders from './src/server/security-headers-integration.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { caseReveal } from './src/markdown/case-reveal.ts';
import { NOSCRIPT_STYLES } from './src/components/noscript-styles.ts';

const dataDir = process.env.DATA_DIR ?? './data';

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
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // The <noscript> styles Astro cannot process, allowed by hash (src/components/noscript-styles.ts).
      styleDirective: {
        resources: ["'self'"],
        hashes: Object.values(NOSCRIPT_STYLES).map(
          (css) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(css).digest('base64')}`),
        ),
      },
    },
  },
  // include: only the islands are JSX. Without it, @preact/preset-vite runs Babel over every .ts file in the project
  // (the rule engine, the gate, the pages' helpers): ~2.7 s of a 1,000-case build (bench/build.ts).
  // practiceOffline: writes the practice pages' precache list into sw-practice.js after the build.
  // securityHeaders: adds nosniff, Referrer-Policy and X-Frame-Options to the prerendered pages' _headers.json.
  integrations: [mdx(), preact({ include: [/\.tsx$/] }), practiceOffline(), securityHeaders()],
  // Case bodies are split at “## 裁决与理由” so the case page can keep the ruling behind a <details> (no JS).
  markdown: { processor: satteri({ hastPlugins: [caseReveal] }) },
  i18n: { defaultLocale: 'zh-CN', locales: ['zh-CN'] },
  // @astrojs/node would otherwise bake an absolute path from the build machine into dist/.
  session: { driver: sessionDrivers.fs({ base: `${dataDir}/sessions` }) },
});
