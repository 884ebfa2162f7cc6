import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The Firefox suite (npm run test:e2e:firefox): one Firefox per file, one file at a time (two cores). */
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['tests/e2e/firefox/**/*.firefox.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
