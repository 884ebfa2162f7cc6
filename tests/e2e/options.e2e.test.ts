/**
 * The options page in real Chromium: a site switched off answers `lookup` with mode 'off', and the archive import
 * served from fixtures (a handful of dates, the rest 404) shows progress and ends with the right count.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityKeys } from '../../lib/links';
import { archiveUrl, digestMarkdown, sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { artifactsDir, type ExtensionSession, launchExtension, untilStored } from './harness';
import { cardHosts } from './tabs';

async function openRepoPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(repoUrl);
  return page;
}

const today = shanghaiDate(0);
const repoUrl = `https://github.com/fixture-tools/tool-${today.replaceAll('-', '')}-1`;
const ARCHIVE_DATES = ['2026-05-01', '2026-05-02', '2026-05-04', '2026-05-20', '2026-06-02'];

describe('the options page', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(today)]);
    server.page(repoUrl, '<!doctype html><title>tool-1</title><main><h1>fixture-tools / tool-1</h1></main>');
    for (const date of ARCHIVE_DATES) {
      server.set(archiveUrl(date), { body: digestMarkdown(sampleDigest(date)), delayMs: 1500 });
    }
    session = await launchExtension({ server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('switching GitHub off makes the background answer lookups on GitHub with mode "off"', async () => {
    const keys = identityKeys(repoUrl);
    expect(keys.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await session.send('lookup', { keys, site: 'github' })).matches.length, {
        timeout: 20_000,
      })
      .toBe(1);
    expect((await session.send('lookup', { keys, site: 'github' })).mode).toBe('auto');
    const before = await openRepoPage(session);
    await expect.poll(() => cardHosts(before), { timeout: 10_000 }).toBe(1);
    await before.close();

    const page = await session.openOptions();
    const github = page.locator('input[name="site-github"]');
    await expect.poll(() => github.isChecked()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'options.png'), fullPage: true });
    await github.uncheck();
    await expect.poll(async () => (await session.send('lookup', { keys, site: 'github' })).mode).toBe('off');
    expect((await session.send('lookup', { keys, site: 'x' })).mode).toBe('auto');
    const after = await openRepoPage(session);
    // Long enough for a look-up that would open the panel to have opened it.
    await after.waitForTimeout(1200);
    expect(await cardHosts(after)).toBe(0);
    await after.close();

    await github.check();
    await expect.poll(async () => (await session.send('lookup', { keys, site: 'github' })).mode).toBe('auto');
    await page.close();
  });

  it("names the card's shortcut as Chrome has it, and opens Chrome's shortcut settings from its button", async () => {
    const page = await session.openOptions();
    const line = page.locator('.shortcut');
    await expect.poll(() => line.textContent()).toContain('Alt+Shift+D');
    const badge = page.locator('label', { has: page.locator('input[name="sidebar-mode"][value="badge"]') });
    expect(await badge.textContent()).toContain('Alt+Shift+D');
    const opened = session.context.waitForEvent('page');
    await line.locator('button').click();
    const shortcuts = await opened;
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
    await shortcuts.close();
    expect(await page.locator('[data-notice="shortcut"]').count()).toBe(0);
    await page.close();
  });

  it('imports the archive with progress, and ends with the right count', async () => {
    const page = await session.openOptions();
    await page.locator('.archive-start').click();
    await expect.poll(() => page.locator('.archive-progress').count()).toBe(1);
    await expect
      .poll(() => page.locator('.archive-state').innerText())
      .toMatch(/^正在导入… · 已处理 \d+\/\d+$/);
    await session.screenshot(page, 'options-archive-running');
    await expect
      .poll(() => page.locator('.archive-state').innerText(), { timeout: 45_000 })
      .toMatch(/^导入完成 · 已处理 (\d+)\/\1$/);
    const counts = await page.locator('.archive-counts').innerText();
    const total = Number((await page.locator('.archive-progress').getAttribute('max')) ?? 0);
    expect(counts).toBe(`已保存 ${ARCHIVE_DATES.length} · 未找到 ${total - ARCHIVE_DATES.length} · 失败 0`);
    const listed = (await session.send('listDigests')).digests.map((digest) => digest.date);
    expect(listed).toEqual(expect.arrayContaining(ARCHIVE_DATES));
    await session.screenshot(page, 'options-archive-done');
    await page.close();
  });

  it('exports the stored digests as a JSON download, imports that file back, and clears everything', async () => {
    const page = await session.openOptions();
    const stored = (await session.send('listDigests')).digests.length;
    expect(stored).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export').click()]);
    expect(download.suggestedFilename()).toMatch(/^digest-lens-export-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(artifactsDir, 'export.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.format).toBe('digest-lens-export');
    expect(exported.digests).toHaveLength(stored);
    await expect
      .poll(() => page.locator('[data-notice="data"]').innerText())
      .toBe(`已导出 ${stored} 份摘要。`);

    await page.locator('input[name="import-file"]').setInputFiles(path);
    await expect
      .poll(() => page.locator('[data-notice="data"]').innerText())
      .toMatch(/^新增 0 份，更新 0 份，保留 \d+ 份。$/);

    await page.locator('.clear').click();
    await page.locator('.clear-yes').click();
    await expect
      .poll(() => page.locator('[data-notice="data"]').innerText())
      .toBe(`已清除 ${stored} 份摘要。`);
    expect((await session.send('listDigests')).digests).toEqual([]);
    rmSync(path, { force: true });
    await page.close();
  });
});

describe('the retention days typed in the options page (QA 13)', () => {
  it('are saved when the tab is closed right after typing, its worker running or not, and no number typed on the way prunes anything', async () => {
    const dates = [today, shanghaiDate(-1), shanghaiDate(-12)];
    const server = await new FixtureServer().start();
    server.publish(dates.map((date) => sampleDigest(date)));
    const session = await launchExtension({ server });
    try {
      await untilStored(session, dates);
      // Every retention the settings are written with, seen from another extension page.
      const recorder = await session.openPopup();
      await recorder.evaluate(() => {
        const seen: unknown[] = [];
        Object.assign(globalThis, { retentionWrites: seen });
        chrome.storage.onChanged.addListener((changes) => {
          const settings = changes.settings?.newValue as { retentionDays?: number } | undefined;
          if (settings) seen.push(settings.retentionDays);
        });
      });
      const writes = () =>
        recorder.evaluate(() => (globalThis as { retentionWrites?: unknown[] }).retentionWrites);
      let page = await session.openOptions();
      const field = () => page.locator('input[name="retention-days"]');
      await expect.poll(() => field().inputValue()).toBe('365');
      await field().selectText();
      // Typing 90 passes through 9: a sync now, had 9 been saved, would delete the digest 12 days old.
      await page.keyboard.type('9');
      await session.send('syncNow');
      expect((await session.send('listDigests')).digests.map(({ date }) => date)).toEqual(dates);
      await page.keyboard.type('0');
      await expect.poll(() => page.locator('#retention-unsaved').count()).toBe(1);
      // Closed with neither Tab nor Enter.
      await page.close();
      page = await session.openOptions();
      await expect.poll(() => field().inputValue()).toBe('90');
      await session.send('syncNow');
      expect((await session.send('listDigests')).digests.map(({ date }) => date)).toEqual(dates);

      // Again with the background's worker stopped (Chromium stops an idle one): the page's own write lands.
      await field().selectText();
      await page.keyboard.type('120');
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
      page = await session.openOptions();
      await expect.poll(() => field().inputValue()).toBe('120');
      expect([...new Set(await writes())]).toEqual([90, 120]);
    } finally {
      await session.close();
      await server.stop();
    }
  });
});

describe('the options page in dark mode and in English', () => {
  it('follows prefers-color-scheme and the browser language, and keeps the focus while asking to clear', async () => {
    const session = await launchExtension({ colorScheme: 'dark', locale: 'en-US' });
    try {
      const page = await session.openOptions();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Digest Lens options');
      await expect.poll(() => page.locator('input[name="site-github"]').isChecked()).toBe(true);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(38, 41, 48)');
      await page.locator('.clear').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('clear-no');
      await page.screenshot({ path: join(artifactsDir, 'options-dark.png'), fullPage: true });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('clear danger');
      expect(await page.locator('.confirm').count()).toBe(0);
    } finally {
      await session.close();
    }
  });
});
