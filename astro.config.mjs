// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig, sessionDrivers } from 'astro/config';
import serverStartup from './src/server/startup-integration.ts';
import practiceOffline from './src/server/practice-offline-integration.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { caseReveal } from './src/markdown/case-reveal.ts';

const dataDir = process.env.DATA_DIR ?? './data';

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  // Our middleware refuses every cross-origin write (JSON included) with a JSON 403 and accepts PUBLIC_URL's origin
  // behind a TLS proxy; Astro's own check runs first, answers form posts in English plain text and would refuse the
  // body-less exam start/submit requests a browser sends through such a proxy.
  security: { checkOrigin: false },
  // serverStartup: opens the data store and prints the first-run link when the built server starts.
  // include: only the islands are JSX. Without it, @preact/preset-vite runs Babel over every .ts file in the project
  // (the rule engine, the gate, the pages' helpers): ~2.7 s of a 1,000-case build (bench/build.ts).
  // practiceOffline: writes the practice pages' precache list into sw-practice.js after the build.
  integrations: [mdx(), preact({ include: [/\.tsx$/] }), serverStartup(), practiceOffline()],
  // Case bodies are split at “## 裁决与理由” so the case page can keep the ruling behind a <details> (no JS).
  markdown: { processor: satteri({ hastPlugins: [caseReveal] }) },
  i18n: { defaultLocale: 'zh-CN', locales: ['zh-CN'] },
  // @astrojs/node would otherwise bake an absolute path from the build machine into dist/.
  session: { driver: sessionDrivers.fs({ base: `${dataDir}/sessions` }) },
});
