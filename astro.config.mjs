// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig, sessionDrivers } from 'astro/config';
import serverStartup from './src/server/startup-integration.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { caseReveal } from './src/markdown/case-reveal.ts';

const dataDir = process.env.DATA_DIR ?? './data';

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  // serverStartup: opens the data store and prints the first-run link when the built server starts.
  integrations: [mdx(), preact(), serverStartup()],
  // Case bodies are split at “## 裁决与理由” so the case page can keep the ruling behind a <details> (no JS).
  markdown: { processor: satteri({ hastPlugins: [caseReveal] }) },
  i18n: { defaultLocale: 'zh-CN', locales: ['zh-CN'] },
  // @astrojs/node would otherwise bake an absolute path from the build machine into dist/.
  session: { driver: sessionDrivers.fs({ base: `${dataDir}/sessions` }) },
});
