/**
 * Digest Lens allowed in incognito, in real Chromium (QA 2026-12-02): a private window shows the cards and the
 * readers, and leaves nothing in the library. The switch is the one a user flips on chrome://extensions (its page's
 * `developerPrivate`, developer mode on, or Chromium disables the reloaded unpacked extension). The toolbar popup and
 * the side panel are the real ones, opened in the incognito window (`action.openPopup`, `sidePanel.open`). Puppeteer
 * drives it, because a Playwright persistent context does not show the incognito profile's pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../lib/protocol';
import { sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { chromiumArgs, extensionDir, findChromium } from './harness';

const today = shanghaiDate(0);
const digest = sampleDigest(today);
const [, newsTwo, newsThree] = digest.news;
const repo = digest.tools[0]?.url ?? '';

const page = (title: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

describe('a private window', () => {
  let server: FixtureServer;
  let browser: Browser;
  let userDataDir: string;
  let extensionId: string;
  let control: Page;
  let windowId: number;

  /** Evaluated in the options page: the extension's own APIs. */
  const inExtension = <T, A>(run: (arg: A) => Promise<T>, arg: A) =>
    control.evaluate(run as (arg: unknown) => Promise<T>, arg as unknown) as Promise<T>;
  const send = async (type: string, payload?: unknown) => {
    const reply = (await control.evaluate((envelope) => chrome.runtime.sendMessage(envelope), {
      type,
      payload,
    } as { type: string; payload: unknown })) as Reply<unknown>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  const readOfToday = async () =>
    ((await send('readState', { dates: [today] })) as { days: { read: unknown[] }[] }).days[0]?.read;
  const openControl = async () => {
    control = await browser.newPage();
    await control.goto(`chrome-extension://${extensionId}/options.html`);
  };
  /** The extension page at `path` once the browser shows it (the popup, the side panel). */
  const extensionPage = async (path: string) => {
    const target = await browser.waitForTarget((shown) => shown.url().includes(`${extensionId}/${path}`), {
      timeout: 10_000,
    });
    const opened = await target.asPage();
    await opened.waitForSelector('.digest article.item');
    return opened;
  };
  /** Each tab's window, whether it is private, and its URL where the extension may know it (the served sites). */
  const tabs = () =>
    inExtension(
      async () =>
        (await chrome.tabs.query({})).map((tab) => ({
          windowId: tab.windowId,
          incognito: tab.incognito,
          url: tab.url || tab.pendingUrl,
        })),
      null,
    );

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([digest]);
    for (const item of [...digest.news, ...digest.tools])
      if (item.url) server.page(item.url, page(item.title));
    userDataDir = mkdtempSync(join(tmpdir(), 'digest-lens-private-'));
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      userDataDir,
      pipe: true,
      enableExtensions: true,
      args: chromiumArgs(server, 'zh-CN'),
    });
    extensionId = await browser.installExtension(extensionDir());
    await new Promise((resolve) => setTimeout(resolve, 500));
    await openControl();
    const stored = async () =>
      expect(((await send('listDigests')) as { digests: unknown[] }).digests).toHaveLength(1);
    await vi.waitFor(stored, { timeout: 30_000, interval: 250 });
    // Allowed in incognito, as the switch on the extension's card does (it reloads the extension).
    const extensions = await browser.newPage();
    await extensions.goto(`chrome://extensions/?id=${extensionId}`);
    await extensions.evaluate(async (id) => {
      const developer = (
        chrome as unknown as { developerPrivate: Record<string, (arg: object) => Promise<void>> }
      ).developerPrivate;
      await developer.updateProfileConfiguration?.({ inDeveloperMode: true });
      await developer.updateExtensionConfiguration?.({ extensionId: id, incognitoAccess: true });
    }, extensionId);
    await extensions.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await openControl();
    await vi.waitFor(stored, { timeout: 10_000, interval: 250 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('shows a visited item’s card (the badge counts it) and keeps no read state of the visit', async () => {
    const opened = await inExtension(async (url) => {
      const window = await chrome.windows.create({ incognito: true, url });
      return { windowId: window?.id ?? -1, tabId: window?.tabs?.[0]?.id ?? -1, incognito: window?.incognito };
    }, repo);
    expect(opened.incognito).toBe(true);
    windowId = opened.windowId;
    await expect
      .poll(() => inExtension((tabId) => chrome.action.getBadgeText({ tabId }), opened.tabId), {
        timeout: 15_000,
      })
      .toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readOfToday()).toEqual([]);
  });

  it('opens an item clicked in its toolbar popup in that private window, and keeps no read state', async () => {
    await inExtension((id) => chrome.action.openPopup({ windowId: id }), windowId);
    const popup = await extensionPage('popup.html');
    const links = await popup.$$('.digest article.item .item-title a');
    // The popup closes as the new tab takes the focus, maybe before the click's last protocol message is answered.
    await links[1]?.click().catch(() => undefined);
    await expect
      .poll(async () => (await tabs()).filter((tab) => tab.url === newsTwo?.url), { timeout: 10_000 })
      .toEqual([{ windowId, incognito: true, url: newsTwo?.url }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readOfToday()).toEqual([]);
  });

  it('opens an item clicked in its side panel in the private tab beside it, and keeps no read state', async () => {
    await inExtension((id) => chrome.sidePanel.open({ windowId: id }), windowId);
    const panel = await extensionPage('sidepanel.html');
    // Asked afresh until it takes the click: the panel may still be drawing its rows, or have no box yet (CI,
    // 2026-12-02: "Node is either not clickable or not an Element" once in two runs).
    await vi.waitFor(
      async () => {
        const links = await panel.$$('.digest article.item .item-title a');
        if (!links[2]) throw new Error('the third item is not drawn yet');
        await links[2].click();
      },
      { timeout: 10_000, interval: 250 },
    );
    await expect
      .poll(async () => (await tabs()).filter((tab) => tab.url === newsThree?.url), { timeout: 10_000 })
      .toEqual([{ windowId, incognito: true, url: newsThree?.url }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readOfToday()).toEqual([]);
  });
});
