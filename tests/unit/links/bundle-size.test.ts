import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const CONTENT_SCRIPT_BUDGET_BYTES = 3000;

it('lib/links adds under 3 kB (minified) to the content script', async () => {
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
