import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  datedUrl,
  digestMarkdown,
  HOMEPAGE_URL,
  sampleDigest,
  shanghaiDate,
} from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, untilStored } from './harness';

/**
 * A docked side panel whose sync's answer is lost with the worker (Chrome stops an idle worker; QA 2026-12-02, probe
 * p2 stopped it just as the page came back online): the panel must not keep a stale error or a stale 正在同步. Each
 * test holds the sync on a slow document so that the worker is stopped in its middle.
 */
const today = shanghaiDate(0);
const yesterday = shanghaiDate(-1);
/** Longer than the test waits: a worker not stopped would end the sync only after the test gave up. */
const HELD_MS = 50_000;
/** Well under the reader's one-minute look (and the two it took before): the reader itself must act. */
const RECOVERED_WITHIN_MS = 20_000;

describe('a side panel whose sync the stopped worker took with it', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let panel: Page;

  beforeEach(async () => {
    server = await new FixtureServer().start();
    server.set(datedUrl(yesterday), { body: digestMarkdown(sampleDigest(yesterday)) });
    server.set(HOMEPAGE_URL, { body: `# 我的文字\n\n${digestMarkdown(sampleDigest(yesterday))}` });
    session = await launchExtension({ server });
    await untilStored(session, [yesterday]);
    panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    await panel.locator('.digest .item').first().waitFor();
  });

  afterEach(async () => {
    await session?.close();
    await server?.stop();
  });

  const syncButton = () => panel.locator('button.sync-button');
  /** The day the panel shows: its date picker's, or its one date's when only one day is stored. */
  const shownDate = () =>
    panel.evaluate(
      () =>
        document.querySelector<HTMLSelectElement>('select.date-picker')?.value ??
        document.querySelector('.digest-date')?.textContent,
    );

  /** Stops the worker (harness.ts's stopWorker), and waits until the browser reports it stopped, its sync with it. */
  async function stopTheWorker(): Promise<void> {
    const cdp = await session.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
      }),
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
  }

  /** Today's digest comes out, held on its way until `release`. */
  function publishTodayHeld(): { release: () => void } {
    const body = digestMarkdown(sampleDigest(today));
    server.set(datedUrl(today), { body, delayMs: HELD_MS });
    return { release: () => server.set(datedUrl(today), { body }) };
  }

  it('retries at once when its online retry was lost, and ends with the new digest and no error (QA p2)', async () => {
    await session.context.setOffline(true);
    await syncButton().click();
    await expect.poll(() => panel.locator('.status-errors').innerText()).toContain('离线');
    const todays = publishTodayHeld();
    // Back online: the page's own retry (and the worker's) begins, and the worker is stopped in its middle.
    await session.context.setOffline(false);
    await expect.poll(() => syncButton().isDisabled()).toBe(true);
    await stopTheWorker();
    todays.release();
    await expect.poll(shownDate, { timeout: RECOVERED_WITHIN_MS }).toBe(today);
    expect(await panel.locator('.status-errors').count()).toBe(0);
    expect(await syncButton().isDisabled()).toBe(false);
  });

  it('does not say 正在同步 for good when the worker running a sync it did not start was stopped', async () => {
    const todays = publishTodayHeld();
    // The worker's own sync (as an alarm starts it), asked from another page: the panel only sees it in storage.
    void session.send('syncNow').catch(() => undefined);
    await expect.poll(() => panel.locator('.sync-progress').count()).toBe(1);
    await stopTheWorker();
    todays.release();
    await expect.poll(() => syncButton().isDisabled(), { timeout: RECOVERED_WITHIN_MS }).toBe(false);
    expect(await panel.locator('.sync-progress').count()).toBe(0);
    // Nothing is left to block the next sync: it stores today's, and the panel follows.
    await syncButton().click();
    await expect.poll(shownDate, { timeout: RECOVERED_WITHIN_MS }).toBe(today);
  });
});
