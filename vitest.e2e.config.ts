import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    // Browser work is CPU-bound and slows with the machine's load: at load ~25 on 2 cores, four full-page screenshots
    // and axe runs of the longest pages took over 60 s. The timeout catches hangs; speed is `npm run bench`'s job.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One server and one browser per file; running files in parallel would only fight over 2 cores.
    fileParallelism: false,
  },
});
