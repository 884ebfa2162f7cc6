/**
 * Lean on every page (issue 11): what every page of the served sites runs is the lean page script (keys, lookup,
 * location watching), at most 10 kB of JS + CSS; the card's UI (Preact, the card, its CSS) is a separate chunk,
 * never web-accessible, that the background injects only into a page whose lookup matched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyPageFiles, type Manifest } from '../bench/bundle-bench';
import { extensionDir } from './harness';

/** The budget of what every page gets, in bytes of minified JS + CSS. */
const EVERY_PAGE_BUDGET = 10 * 1024;
const UI_CHUNK = 'page-ui.js';

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('the page script as built', () => {
  const dir = extensionDir();
  const manifest = manifestOf(dir);
  const files = everyPageFiles(manifest);
  const read = (path: string) => readFileSync(join(dir, path));

  it('runs on the six hosts only, top frame, from document_start', () => {
    expect(
      manifest.content_scripts.map((script) => [
        [...script.matches].sort(),
        script.all_frames,
        script.run_at,
      ]),
    ).toEqual([
      [
        [
          'https://github.com/*',
          'https://huggingface.co/*',
          'https://mobile.twitter.com/*',
          'https://mobile.x.com/*',
          'https://twitter.com/*',
          'https://x.com/*',
        ],
        false,
        'document_start',
      ],
    ]);
  });

  it(`gives every page at most ${EVERY_PAGE_BUDGET} bytes of JS + CSS: no Preact, no card, no zod, no idb`, () => {
    const bytes = files.reduce((sum, path) => sum + read(path).byteLength, 0);
    console.log(`every page: ${files.join(' + ')} = ${bytes} bytes (budget ${EVERY_PAGE_BUDGET})`);
    expect(bytes).toBeLessThanOrEqual(EVERY_PAGE_BUDGET);
    const code = files.map((path) => read(path).toString('utf8')).join('\n');
    // The card's class names and Preact's renderer are in the UI chunk only.
    expect(code).not.toMatch(/dl-card|dangerouslySetInnerHTML|ZodError|indexedDB/);
    // The collapse memory goes through the background (setCardCollapsed): storage.local is for trusted contexts.
    expect(code).not.toMatch(/storage\.local/);
  });

  it('keeps the UI in its own chunk with its CSS inside: nothing is web-accessible, nothing for a page to probe', () => {
    const chunk = read(UI_CHUNK).toString('utf8');
    console.log(`UI chunk: ${UI_CHUNK} = ${read(UI_CHUNK).byteLength} bytes`);
    expect(files).not.toContain(UI_CHUNK);
    expect(chunk).toContain('dl-card');
    expect(chunk).toContain(':host');
    expect(chunk).not.toMatch(/ZodError|indexedDB|storage\.local/);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});
