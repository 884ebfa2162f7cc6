/**
 * The options page in Firefox, one Firefox for the file: the export is a real download (saved by Firefox to the
 * harness's download folder), clearing empties the store, and importing that file brings every digest back; the
 * archive import from the fixtures ends with the right counts; the retention days typed survive the tab's closing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveUrl, digestMarkdown, sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { type FirefoxSession, launchFirefox } from './firefox-harness';

const CUSTOM_TEMPLATE = 'https://fixtures.test/feed/{date}.md';
const CUSTOM_DATE = shanghaiDate(-2);
const ARCHIVE_DATES = ['2026-05-01', '2026-06-02'];
const dates = [shanghaiDate(0), shanghaiDate(-1), shanghaiDate(-4)];

const notice = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>('[data-notice="data"]')?.innerText ?? '');

/** The export file Firefox saved, once it is complete (a download is written under a temporary name first). */
function exportedFile(session: FirefoxSession): string | undefined {
  const name = readdirSync(session.downloadDir).find((file) =>
    /^digest-lens-export-\d{4}-\d{2}-\d{2}\.json$/.test(file),
  );
  if (!name) return undefined;
  const path = join(session.downloadDir, name);
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return path;
  } catch {
    return undefined;
  }
}

describe('the options page in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish(dates.map((date) => sampleDigest(date)));
    for (const date of ARCHIVE_DATES)
      server.set(archiveUrl(date), { body: digestMarkdown(sampleDigest(date)) });
    server.set(CUSTOM_TEMPLATE.replace('{date}', CUSTOM_DATE), {
      body: digestMarkdown(sampleDigest(CUSTOM_DATE)),
    });
    session = await launchFirefox({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('exports the stored digests as a download, and importing that file after clearing brings them back', async () => {
    // The first sync after the install, to its end (so nothing it still stores lands after the clear).
    await expect
      .poll(async () => (await session.send('status')).lastSyncAt, { timeout: 30_000, interval: 300 })
      .not.toBeNull();
    expect((await session.send('listDigests')).digests).toHaveLength(dates.length);
    const page = await session.openOptions();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? ''))
      .toBe('Digest Lens 设置');
    await page.click('.export');
    await expect.poll(() => exportedFile(session), { timeout: 15_000, interval: 200 }).toBeDefined();
    const path = exportedFile(session) as string;
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.format).toBe('digest-lens-export');
    expect(exported.digests.map((digest: { date: string }) => digest.date).sort()).toEqual([...dates].sort());
    await expect.poll(() => notice(page)).toBe(`已导出 ${dates.length} 份摘要。`);

    await page.click('.clear');
    await page.waitForSelector('.clear-yes');
    await page.click('.clear-yes');
    await expect.poll(() => notice(page)).toBe(`已清除 ${dates.length} 份摘要。`);
    expect((await session.send('listDigests')).digests).toEqual([]);

    const input = (await page.$('input[name="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await expect
      .poll(() => notice(page), { timeout: 15_000 })
      .toBe(`新增 ${dates.length} 份，更新 0 份，保留 0 份。`);
    expect((await session.send('listDigests')).digests.map((digest) => digest.date)).toEqual(dates);
    await session.screenshot(page, 'firefox-options');
  });

  it('imports the archive from the fixtures and ends with the right counts', async () => {
    const page = await session.openOptions();
    const state = () =>
      page.evaluate(() => document.querySelector<HTMLElement>('.archive-state')?.innerText ?? '');
    await page.waitForSelector('.archive-start');
    await page.click('.archive-start');
    await expect.poll(state, { timeout: 45_000, interval: 300 }).toMatch(/^导入完成 · 已处理 (\d+)\/\1$/);
    const total = Number(
      await page.evaluate(() => document.querySelector('.archive-progress')?.getAttribute('max')),
    );
    expect(total).toBeGreaterThan(ARCHIVE_DATES.length);
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('.archive-counts')?.innerText)).toBe(
      `已保存 ${ARCHIVE_DATES.length} · 未找到 ${total - ARCHIVE_DATES.length} · 失败 0`,
    );
    const listed = (await session.send('listDigests')).digests.map((digest) => digest.date);
    expect(listed).toEqual(expect.arrayContaining([...dates, ...ARCHIVE_DATES]));
  });

  it('asks Firefox for a custom source’s site for real, adds it once granted, and syncs from it', async () => {
    const page = await session.openOptions();
    const origins = () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await api.permissions.getAll()).origins ?? [];
      });
    expect(await origins()).not.toContain('https://fixtures.test/*');
    await page.waitForSelector('input[name="custom-url"]');
    await page.type('input[name="custom-url"]', CUSTOM_TEMPLATE);
    // A real click: permissions.request needs the user's gesture (the prompt is off by a pref, and answers yes).
    await page.click('form button[type="submit"].primary');
    await expect
      .poll(() =>
        page.evaluate(() => [...document.querySelectorAll('.custom-url')].map((node) => node.textContent)),
      )
      .toEqual([CUSTOM_TEMPLATE]);
    expect(await origins()).toContain('https://fixtures.test/*');
    await expect
      .poll(async () => (await session.send('listDigests')).digests.map((digest) => digest.date), {
        timeout: 20_000,
      })
      .toContain(CUSTOM_DATE);
    expect(server.requested(CUSTOM_TEMPLATE.replace('{date}', CUSTOM_DATE)).length).toBeGreaterThan(0);
  });

  it('keeps the retention days typed when the tab is closed right after, with nothing saved on the way (QA 13)', async () => {
    // Every retention the settings are written with, seen from another extension page.
    const recorder = await session.openPopup();
    await recorder.evaluate(() => {
      const seen: unknown[] = [];
      Object.assign(globalThis, { retentionWrites: seen });
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      api.storage.onChanged.addListener((changes) => {
        const settings = changes.settings?.newValue as { retentionDays?: number } | undefined;
        if (settings) seen.push(settings.retentionDays);
      });
    });
    const retention = (page: Page) =>
      page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="retention-days"]')?.value);
    let page = await session.openOptions();
    await expect.poll(() => retention(page)).toBe('365');
    // Select what the field holds (a triple click does not in Firefox's number field), and type over it.
    await page.focus('input[name="retention-days"]');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('90');
    // Closed with neither Tab nor Enter.
    await page.close();
    page = await session.openOptions();
    await expect.poll(() => retention(page)).toBe('90');
    // Only ever the days typed (Firefox may write them twice: the page's blur and the background).
    const writes = await recorder.evaluate(
      () => (globalThis as { retentionWrites?: unknown[] }).retentionWrites,
    );
    expect([...new Set(writes)]).toEqual([90]);
  });
});
