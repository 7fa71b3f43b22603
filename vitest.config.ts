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
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          benchmark: { include: ['tests/**/*.bench.ts'], exclude: ['tests/e2e/**', 'node_modules/**'] },
        },
      }),
    ],
  },
});
