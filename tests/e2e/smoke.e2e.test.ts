import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USES_FUNCTION_CONSTRUCTOR } from '../../lib/build/zod-without-eval';
import { type ExtensionSession, extensionDir, launchExtension } from './harness';

describe('the built extension in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts its service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(await session.worker.evaluate(() => typeof chrome.runtime.getManifest)).toBe('function');
  });

  it('is named Digest Lens in the manifest, localised through _locales', async () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8'));
    expect(manifest.name).toBe('__MSG_extName__');
    const name = await session.worker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toContain('Digest Lens');
  });

  it('syncs on install and again on request without an error in the service worker', async () => {
    const errors: string[] = [];
    session.worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await expect
      .poll(async () => (await session.send('status')).lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    const status = await session.send('syncNow');
    expect(status.running).toBe(false);
    // Nothing is served here: every source is missing, and the status says so in words instead of failing.
    expect(status.digestCount).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reaches the real hosts only through the fixture server', async () => {
    session.server.page('https://github.com/fixture/page', '<title>fixture</title><h1>served locally</h1>');
    const page = await session.context.newPage();
    await page.goto('https://github.com/fixture/page');
    expect(await page.locator('h1').innerText()).toBe('served locally');
    expect(session.server.requested('https://github.com/')).toContain('https://github.com/fixture/page');
    await page.close();
  });

  it('asks for least privilege: no tabs, no <all_urls>, no external connections', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8'));
    // scripting: the page UI injected on a match (issue 11); sidePanel: the docked reader (issue 13).
    expect(manifest.permissions.sort()).toEqual(['alarms', 'scripting', 'sidePanel', 'storage']);
    // The feed hosts, and the six served sites (the content script's own; scripting injects the card's UI there).
    expect(manifest.host_permissions.sort()).toEqual([
      'https://github.com/*',
      'https://huggingface.co/*',
      'https://mobile.twitter.com/*',
      'https://mobile.x.com/*',
      'https://raw.githubusercontent.com/*',
      'https://static.zou8944.com/*',
      'https://twitter.com/*',
      'https://x.com/*',
    ]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.browser_specific_settings).toBeUndefined();
  });

  it('holds no eval: no bundle takes the Function constructor (lib/build/zod-without-eval.ts, lib/schema.ts jitless)', () => {
    const scripts = readdirSync(extensionDir(), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    expect(scripts).toContain('background.js');
    const withEval = scripts.filter((file) =>
      USES_FUNCTION_CONSTRUCTOR.test(readFileSync(join(extensionDir(), file), 'utf8')),
    );
    expect(withEval).toEqual([]);
  });

  it('renders the popup page', async () => {
    const errors: string[] = [];
    const popup = await session.openPopup();
    popup.on('pageerror', (error) => errors.push(error.message));
    await expect.poll(() => popup.locator('body').innerText()).toContain('Digest Lens');
    expect(errors).toEqual([]);
  });
});
