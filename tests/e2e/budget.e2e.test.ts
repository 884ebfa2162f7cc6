/**
 * Lean on every page (issue 11): what every page of the served sites runs is the lean page script (keys, lookup,
 * location watching), at most 10 kB of JS + CSS; the card's UI (Preact, the card, its CSS) is a separate chunk,
 * never web-accessible, that the background injects only into a page whose lookup matched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_PAGE_BUDGET, everyPageFiles, readManifest, UI_CHUNK } from '../bench/bundle-bench';
import { datedUrl, digestMarkdown, type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, extensionDir, launchExtension, untilStored } from './harness';

const today = shanghaiDate(0);
const LINKED = 'https://github.com/budget-org/budget-repo';
const UNRELATED = 'https://github.com/budget-org/other-repo';
const digest: FixtureDigest = {
  date: today,
  news: [],
  tools: [{ title: 'Budget Repo：按需加载的示例', url: LINKED, summary: '只有匹配的页面才加载卡片的界面。' }],
};
const pageFor = (name: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>` +
  `<body><main><h1>${name}</h1><p>A repository page.</p></main></body></html>`;

describe('the page script as built', () => {
  const dir = extensionDir();
  const manifest = readManifest(dir);
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

  it('gives the readers (popup, side panel) a script without zod: their first item waits for it (issue 13)', () => {
    const reader = read('reader.js');
    console.log(`reader: reader.js = ${reader.byteLength} bytes`);
    // The schema module is the background's; a value imported from it brought zod's 90 kB in (caught 2026-12-01).
    expect(reader.toString('utf8')).not.toMatch(/ZodError/);
    // WXT puts its storage helper (9 kB) in wherever a name `storage` is used, imports off or not (caught 2026-12-02).
    expect(reader.toString('utf8')).not.toMatch(/'wxt\/storage'/);
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

/** Which of the extension's scripts the page's renderer compiled (its isolated world included), by file name. */
async function watchScripts(session: ExtensionSession, page: Page): Promise<() => string[]> {
  const cdp = await session.context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith(`chrome-extension://${session.extensionId}/`))
      parsed.push(url.split('/').pop() ?? url);
  });
  await cdp.send('Debugger.enable');
  return () => [...new Set(parsed)].sort();
}

const hostCount = (page: Page) =>
  page.evaluate(
    () =>
      [...document.documentElement.children].filter((element) => /^digest-lens-/.test(element.localName))
        .length,
  );

describe('the card UI, loaded only on a match', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.set(datedUrl(today), {
      body: digestMarkdown(digest),
      headers: { 'content-type': 'text/markdown' },
    });
    server.page(LINKED, pageFor('budget-repo'));
    server.page(UNRELATED, pageFor('other-repo'));
    session = await launchExtension({ server });
    await untilStored(session, [today]);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('gives a page without a match the page script alone: no UI chunk, no element', async () => {
    const page = await session.context.newPage();
    const scripts = await watchScripts(session, page);
    const before = `${await page.goto(UNRELATED).then(() => page.content())}`;
    // Long enough for a lookup that would load the UI to have loaded it (well under 300 ms here).
    await page.waitForTimeout(1200);
    expect(scripts()).toEqual(['page-script.js']);
    expect(await hostCount(page)).toBe(0);
    expect(await page.content()).toBe(before);
    await page.close();
  });

  it('in badge-only mode loads no UI on a match, until the shortcut asks for the card', async () => {
    const setMode = (mode: string) =>
      session.worker.evaluate(async (sidebarMode) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), sidebarMode } });
      }, mode);
    await setMode('badge');
    try {
      const page = await session.context.newPage();
      const scripts = await watchScripts(session, page);
      await page.goto(LINKED);
      const tabId = await session.worker.evaluate(
        async (url) => (await chrome.tabs.query({ url }))[0]?.id,
        LINKED,
      );
      await expect
        .poll(() => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
        .toBe('1');
      await page.waitForTimeout(1200);
      expect(scripts()).toEqual(['page-script.js']);
      expect(await hostCount(page)).toBe(0);
      // Headless Chromium routes no key press to commands: what the background's onCommand listener does
      // (start-background.ts, unit-tested there), done from the worker: load the UI into the tab, then toggle.
      await session.worker.evaluate(async (id) => {
        await chrome.scripting.executeScript({
          target: { tabId: id as number, frameIds: [0] },
          files: ['/page-ui.js'],
          injectImmediately: true,
        });
        await chrome.tabs.sendMessage(id as number, { type: 'toggleSidebar' });
      }, tabId);
      await expect.poll(() => hostCount(page)).toBe(1);
      expect(scripts()).toEqual([UI_CHUNK, 'page-script.js'].sort());
      await page.close();
    } finally {
      await setMode('auto');
    }
  });

  it('loads the UI chunk into a page whose lookup matched, and shows the card', async () => {
    const page = await session.context.newPage();
    const scripts = await watchScripts(session, page);
    await page.goto(LINKED);
    await expect.poll(() => hostCount(page)).toBe(1);
    expect(scripts()).toEqual([UI_CHUNK, 'page-script.js'].sort());
    await page.close();
  });
});
