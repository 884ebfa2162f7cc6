/**
 * The side panel's date row at the narrowest widths it is docked at (QA round 14: Firefox's sidebar opens at 252 px).
 * In English the date list ("2026-12-02 · 20 unread") was too wide: ‹ sat alone on one line, the list on the next,
 * and › beside "Today · Wed" on a third, the arrows apart from the date they move. ‹ list › stay on one line (the
 * list narrower); the day's name and the link wrap below them, together.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { dateRowNow, TOGETHER, togetherness } from './date-row';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const CASES = [
  { locale: 'en-US', widths: [240, 252], link: 'Original issue' },
  { locale: 'zh-CN', widths: [320], link: '原文链接' },
] as const;

describe.each(CASES)('the side panel’s date row in $locale', ({ locale, widths, link }) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let panel: Page;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(shanghaiDate(-1)), sampleDigest(shanghaiDate(0))]);
    session = await launchExtension({ server, locale });
    await vi.waitFor(async () => expect((await session.send('listDigests')).digests).toHaveLength(2), {
      timeout: 30_000,
      interval: 250,
    });
    panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    // The list's day shows its unread count, the longest it gets ("2026-12-02 · 20 unread").
    await vi.waitFor(
      async () => expect(await panel.locator('.date-picker option:checked').innerText()).toMatch(/ · 20 /),
      { timeout: 20_000, interval: 250 },
    );
    expect(await panel.locator('.issue-link').innerText()).toBe(link);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it.each(widths)(
    'at %i px: ‹ list › on one line, the day and the link below together, nothing wider',
    async (width) => {
      await panel.setViewportSize({ width, height: 600 });
      const row = await panel.evaluate(dateRowNow);
      await session.screenshot(panel, `date-row-${locale}-${width}`);
      expect(togetherness(row), JSON.stringify(row)).toEqual(TOGETHER);
    },
  );
});
