/**
 * The sidebar's date row in Firefox, in English, at the width the sidebar opens at (252 px) and a little under (QA
 * round 14: ‹ alone on one line, the date list on the next, › beside "Today · Wed" on a third). The same check as
 * the Chromium suite's (tests/e2e/date-row.e2e.test.ts), on the page Firefox docks.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { dateRowNow, TOGETHER, togetherness } from '../date-row';
import { FixtureServer } from '../fixture-server';
import { type FirefoxSession, launchFirefox } from './firefox-harness';

describe('the sidebar’s date row in Firefox, in English', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  let panel: Page;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(shanghaiDate(-1)), sampleDigest(shanghaiDate(0))]);
    session = await launchFirefox({ server, locale: 'en-US' });
    await vi.waitFor(async () => expect((await session.send('listDigests')).digests).toHaveLength(2), {
      timeout: 30_000,
      interval: 300,
    });
    panel = await session.openExtensionPage('sidepanel.html');
    // The list's day shows its unread count, the longest it gets ("2026-12-02 · 20 unread").
    await vi.waitFor(
      async () =>
        expect(
          await panel.evaluate(() => document.querySelector('.date-picker option:checked')?.textContent),
        ).toMatch(/ · 20 unread$/),
      { timeout: 20_000, interval: 200 },
    );
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it.each([240, 252])(
    'at %i px: ‹ list › on one line, the day and the link below together',
    async (width) => {
      await panel.setViewport({ width, height: 600 });
      const row = await panel.evaluate(dateRowNow);
      await session.screenshot(panel, `fx-date-row-en-US-${width}`);
      expect(togetherness(row), JSON.stringify(row)).toEqual(TOGETHER);
    },
  );
});
