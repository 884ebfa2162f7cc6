/**
 * Loads the built extension into real headless Chromium (Debian's) with Playwright, as STACK.md describes.
 * The browser is found via CHROMIUM_PATH or the usual paths; the extension folder via EXTENSION_DIR
 * (default .output/chrome-mv3). A missing browser or build is an error, never a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../lib/protocol';
import { FixtureServer } from './fixture-server';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const artifactsDir = join(projectRoot, 'tests/e2e/artifacts');

const BROWSER_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = BROWSER_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (tried ${BROWSER_CANDIDATES.join(', ')}). Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export function extensionDir(): string {
  const dir = resolve(projectRoot, process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run "npm run build" first (or set EXTENSION_DIR).`);
  }
  return dir;
}

/** What every test's Chromium is started with: quiet, offline, the served sites mapped to the fixture server. */
export function chromiumArgs(server: FixtureServer, locale: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${locale}`,
    `--host-resolver-rules=${server.hostResolverRules()}`,
    '--ignore-certificate-errors',
  ];
}

export interface LaunchOptions {
  /** A fixture server to use; one is started (and stopped on close) when absent. */
  server?: FixtureServer;
  /** Browser UI language, e.g. 'zh-CN' (default) or 'en-US'. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The built extension's folder (EXTENSION_DIR, or .output/chrome-mv3, when absent). */
  extensionDir?: string;
  /**
   * Start the browser without the extension, run this (open the tabs a user had open), then install the extension as
   * Chrome's "Load unpacked" does, through the DevTools protocol: Chrome's own install, with its onInstalled.
   */
  beforeInstall?: (context: BrowserContext) => Promise<void>;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, as it is now (it may be restarted by Chromium). */
  worker: Worker;
  server: FixtureServer;
  extensionUrl(path: string): string;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Send one protocol message from an extension page and unwrap the reply (throws its error in words). */
  send<K extends MessageType>(type: K, payload?: RequestOf<K>): Promise<ResponseOf<K>>;
  /**
   * Load the extension's folder again, as Chrome's ↻ on an unpacked extension or a new version does: an update
   * (`onInstalled` says `update`). The extension's pages close and a new worker starts: `worker` is then the new one.
   * Only for a session installed through `beforeInstall` (`chrome.runtime.reload()` leaves the extension disabled in
   * headless Chromium 156, with or without `--load-extension`: its pages are ERR_BLOCKED_BY_CLIENT, no worker starts).
   */
  loadAgain(): Promise<void>;
  /** Save a screenshot to tests/e2e/artifacts/<name>.png and return its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const dir = options.extensionDir ?? extensionDir();
  const ownServer = !options.server;
  const server = options.server ?? (await new FixtureServer().start());
  const locale = options.locale ?? 'zh-CN';
  const userDataDir = mkdtempSync(join(tmpdir(), 'digest-lens-e2e-'));
  const installLater = options.beforeInstall !== undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    // Playwright's --disable-extensions would refuse the install.
    ...(installLater && { ignoreDefaultArgs: ['--disable-extensions'] }),
    executablePath: findChromium(),
    headless: true,
    locale,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    args: [
      ...chromiumArgs(server, locale),
      ...(installLater
        ? ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0']
        : [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]),
    ],
  });
  if (options.beforeInstall) {
    await options.beforeInstall(context);
    await loadUnpacked(userDataDir, dir);
  }
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  let controlPage: Page | undefined;

  const openExtensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(extensionUrl(path));
    return page;
  };

  return {
    context,
    extensionId,
    worker,
    server,
    extensionUrl,
    openPopup: () => openExtensionPage('popup.html'),
    openOptions: () => openExtensionPage('options.html'),
    async send(type, payload) {
      controlPage ??= await openExtensionPage('options.html');
      const reply = (await controlPage.evaluate((envelope) => chrome.runtime.sendMessage(envelope), {
        type,
        payload,
      } as { type: string; payload: unknown })) as Reply<ResponseOf<typeof type>> | undefined;
      if (!reply) throw new Error(`The background did not answer "${type}"`);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    async loadAgain(this: ExtensionSession) {
      if (!installLater) throw new Error('loadAgain needs a session installed through beforeInstall');
      const started = context.waitForEvent('serviceworker', { timeout: 15_000 });
      await loadUnpacked(userDataDir, dir);
      this.worker = await started;
      controlPage = undefined;
    },
    async screenshot(page, name) {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await context.close();
      if (ownServer) await server.stop();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Install the extension in `dir` into the running browser: `Extensions.loadUnpacked` is a browser-level command, and
 * a persistent context has no Browser to open such a session on, so a second connection comes in over the debugging
 * port Chromium wrote into its profile.
 */
async function loadUnpacked(userDataDir: string, dir: string): Promise<void> {
  const portFile = join(userDataDir, 'DevToolsActivePort');
  const deadline = Date.now() + 10_000;
  while (!existsSync(portFile)) {
    if (Date.now() > deadline) throw new Error(`Chromium wrote no ${portFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [port] = readFileSync(portFile, 'utf8').split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    await (cdp as unknown as { send(method: string, params: object): Promise<unknown> }).send(
      'Extensions.loadUnpacked',
      { path: dir },
    );
  } finally {
    // Disconnects only: the browser goes on with the test's own connection.
    await browser.close();
  }
}

/** Wait until the library holds exactly `dates`, newest first: the install sync has stored the fixture digests. */
export async function untilStored(session: ExtensionSession, dates: readonly string[]): Promise<void> {
  const stored = async () => (await session.send('listDigests')).digests.map(({ date }) => date);
  const deadline = Date.now() + 30_000;
  while (JSON.stringify(await stored()) !== JSON.stringify(dates)) {
    if (Date.now() > deadline)
      throw new Error(`Stored ${JSON.stringify(await stored())}, not ${JSON.stringify(dates)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Close the web pages and popups a test opened; the extension's other pages (the options page sending) stay. */
export async function closeOpenedPages(session: ExtensionSession): Promise<void> {
  for (const open of session.context.pages())
    if (open.url().includes('popup.html') || !open.url().startsWith('chrome-extension:')) await open.close();
}

/** Stop the extension's service worker, as Chrome stops an idle one (after 30 s): its memory is gone. */
export async function stopWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
