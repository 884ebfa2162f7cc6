/**
 * What a content script can do, tried from its own isolated world on a page (what a compromised renderer could do):
 * it may look the page up and nothing else. The messages that read, replace or clear the library are refused by
 * the background, and `chrome.storage.local` (settings, sources, status) is closed to it. The isolated world is
 * reached through the DevTools protocol, as an attacker holding the renderer would reach it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { datedUrl, digestMarkdown, type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, extensionDir, launchExtension, untilStored } from './harness';

const today = shanghaiDate(0);
const REPO_URL = 'https://github.com/guarded-org/guarded-repo';
const digest: FixtureDigest = {
  date: today,
  news: [],
  tools: [
    {
      title: 'Guarded Repo：只给内容脚本查询的工具',
      url: REPO_URL,
      summary: '一个用来检验内容脚本权限的示例仓库，侧栏应当照常显示它的摘要。',
    },
  ],
};
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>guarded-repo</title></head>
<body><main><h1>guarded-repo</h1><p>A repository page.</p></main></body></html>`;

/** Run `expression` (a promise) in the content script's isolated world of `page`, answering its JSON value. */
async function inContentScript(session: ExtensionSession, page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const contexts: { id: number; name: string; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const extensionOrigin = `chrome-extension://${session.extensionId}`;
  const isolated = await vi.waitFor(
    () => {
      const found = contexts.find(
        (context) =>
          context.auxData?.type === 'isolated' &&
          (context.name === 'Digest Lens' || context.origin === extensionOrigin),
      );
      if (!found) throw new Error('the content script has no isolated world on this page yet');
      return found;
    },
    { timeout: 10_000, interval: 100 },
  );
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(exceptionDetails)}`);
  return JSON.parse(result.value as string);
}

/** Each message a content script might try, and what came back (the envelope, or what was thrown). */
const TRY_EVERYTHING = `(async () => {
  const attempt = (promise) => promise.then((value) => value, (error) => ({ thrown: String(error?.message ?? error) }));
  const send = (message) => attempt(chrome.runtime.sendMessage(message));
  const storage = chrome.storage?.local;
  return JSON.stringify({
    exportData: await send({ type: 'exportData' }),
    importData: await send({ type: 'importData', payload: { file: { format: 'digest-lens-export', version: 1, digests: [] } } }),
    clearData: await send({ type: 'clearData' }),
    syncNow: await send({ type: 'syncNow' }),
    lookup: await send({ type: 'lookup', payload: { keys: ['gh:repo:guarded-org/guarded-repo'], site: 'github' } }),
    storageRead: storage
      ? await attempt(storage.get(null).then((items) => ({ keys: Object.keys(items) })))
      : { thrown: 'chrome.storage.local is absent' },
    storageWrite: storage
      ? await attempt(storage.set({ settings: { sidebarMode: 'off' } }).then(() => ({ written: true })))
      : { thrown: 'chrome.storage.local is absent' },
  });
})()`;

describe('a content script as an untrusted caller', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.set(datedUrl(today), {
      body: digestMarkdown(digest),
      headers: { 'content-type': 'text/markdown' },
    });
    server.page(REPO_URL, PAGE);
    session = await launchExtension({ server });
    await untilStored(session, [today]);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('may look up its page, and nothing else; the library and settings stay as they were', async () => {
    const settingsBefore = await session.worker.evaluate(() => chrome.storage.local.get('settings'));
    const page = await session.context.newPage();
    await page.goto(REPO_URL);
    // The content script's world appears once it runs (inContentScript waits for it).

    const tried = (await inContentScript(session, page, TRY_EVERYTHING)) as Record<
      string,
      {
        ok?: boolean;
        error?: string;
        value?: { matches: { item: { title: string } }[]; total: number };
        thrown?: string;
      }
    >;

    for (const type of ['exportData', 'importData', 'clearData', 'syncNow']) {
      expect(tried[type], type).toEqual({
        ok: false,
        error: `Refused: a content script may only send lookup, setCardCollapsed, markLookup, not "${type}".`,
      });
    }
    expect(tried.lookup?.ok).toBe(true);
    expect(tried.lookup?.value?.total).toBe(1);
    expect(tried.lookup?.value?.matches.map((match) => match.item.title)).toEqual([
      'Guarded Repo：只给内容脚本查询的工具',
    ]);
    // Closed to the content script: reading and writing both fail (Chromium 140+ supports this for local).
    expect(tried.storageRead).toEqual({ thrown: expect.any(String) });
    expect(tried.storageWrite).toEqual({ thrown: expect.any(String) });

    // Nothing changed: the library is whole, and the settings are what they were.
    expect((await session.send('listDigests')).digests).toHaveLength(1);
    expect(await session.worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual(settingsBefore);
    // The extension's own pages still have everything.
    expect((await session.send('exportData')).digests).toHaveLength(1);
    await page.close();
  });

  it('offers custom sources https hosts only', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8'));
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });
});
