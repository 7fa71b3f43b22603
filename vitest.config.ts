import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure modules run in plain Node without Astro, so a stray Astro dependency fails here.
        test: {
          name: 'rules',
          environment: 'node',
          include: ['src/rules/**/*.test.ts', 'src/quiz/**/*.test.ts', 'src/authoring/**/*.test.ts', 'src/present/**/*.test.ts'],
          benchmark: { include: ['src/**/*.bench.ts'] },
        },
      },
      getViteConfig({
        test: {
          name: 'integration',
          environment: 'node',
          // These tests spawn Node processes, start servers and databases and hash passwords: CPU-bound work whose wall
          // time grows with whatever else runs on the machine (a CLI spawn measured 7.3 s on the shared 2-core machine,
          // past Vitest's 5 s default, and failed). The timeout only catches a hang; speed is `npm run bench`'s job.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          benchmark: { include: ['tests/**/*.bench.ts'], exclude: ['tests/e2e/**', 'node_modules/**'] },
        },
      }),
    ],
  },
});
