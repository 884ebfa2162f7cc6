import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * Raised from 3,000 on 2026-11-30 for issue 14: the rules for Reddit threads, YouTube videos, alphaXiv, the tweet
 * mirrors, Hugging Face listings, placeholders and the digest's own issue pages took lib/links from 2,959 to 3,873
 * bytes minified (1,465 to 1,852 gzipped, +387).
 */
const CONTENT_SCRIPT_BUDGET_BYTES = 4000;

it('lib/links adds under 4 kB (minified) to the content script', async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../../lib/links/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles.reduce((total, file) => total + file.contents.byteLength, 0);
  console.log(`lib/links minified: ${bytes} bytes (budget ${CONTENT_SCRIPT_BUDGET_BYTES})`);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(CONTENT_SCRIPT_BUDGET_BYTES);
});
