/**
 * Loads the built Firefox package (.output/firefox-mv2) into Debian's Firefox ESR, headless, driven by
 * puppeteer-core over WebDriver BiDi (STACK.md, "Firefox end to end"). The same fixture server as the Chromium
 * suite stands in for the real hosts: Firefox resolves them to 127.0.0.1 (`network.dns.localDomains`) and sends
 * port 443 to the server's port (`network.socket.forcePort`). A missing Firefox or build is an error, never a skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../../lib/protocol';
import { FixtureServer, MAPPED_HOSTS } from '../fixture-server';
import { artifactsDir, projectRoot } from '../harness';

/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'digest-lens@digest-lens.dev';
/** Fixed through `extensions.webextensions.uuids`, so extension pages have a known address. */
export const EXTENSION_UUID = '5d1e6c2a-7b3f-4e58-9a0c-2f4b6d8e1a37';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = FIREFOX_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Firefox found (tried ${FIREFOX_CANDIDATES.join(', ')}). Install it with "apt-get install -y firefox-esr firefox-esr-l10n-zh-cn" or set FIREFOX_PATH.`,
    );
  }
  return found;
}

export function firefoxExtensionDir(): string {
  const dir = resolve(projectRoot, process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No Firefox build in ${dir}: run "npm run build:firefox" first (or set FIREFOX_EXTENSION_DIR).`,
    );
  }
  return dir;
}

export interface FirefoxLaunchOptions {
  server?: FixtureServer;
  /** Browser UI language (default 'zh-CN'; needs Debian's firefox-esr-l10n-zh-cn). */
  locale?: string;
  /** More Firefox prefs, e.g. `browser.privatebrowsing.autostart`. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** Where Firefox saves downloads (the export file lands here). */
  downloadDir: string;
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens a web page (served by the fixture server at its real host) in a new tab. */
  openSite(url: string): Promise<Page>;
  /** Sends one protocol message from an extension page and unwraps the reply (throws its error in words). */
  send<K extends MessageType>(type: K, payload?: RequestOf<K>): Promise<ResponseOf<K>>;
  /** The toolbar badge text of every open tab, by tab id. */
  badges(): Promise<Record<number, string>>;
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes every tab but the one the harness sends messages from (so each test's badges are its own). */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const dir = firefoxExtensionDir();
  const ownServer = !options.server;
  const server = options.server ?? (await new FixtureServer().start());
  const downloadDir = mkdtempSync(join(tmpdir(), 'digest-lens-fx-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // As the Chromium suite: wide enough that the card starts open (narrow windows start it collapsed).
    defaultViewport: { width: 1280, height: 800 },
    // The fixture server's self-signed certificate, for pages and for the background page's fetch alike.
    acceptInsecureCerts: true,
    // Without it WebDriver BiDi refuses to open moz-extension:// pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': options.locale ?? 'zh-CN',
      'network.dns.localDomains': MAPPED_HOSTS.join(','),
      'network.socket.forcePort': `443=${server.port}`,
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = extensionUrl(path);
    // A navigation to moz-extension:// loads the page but its promise never settles: poll the document instead.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await page
        .evaluate(() => [location.href, document.readyState])
        .catch(() => ['', 'loading']);
      if (state[0] === url && state[1] === 'complete') return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load (last seen ${state.join(' ')})`);
      await sleep(100);
    }
  };

  let controlPage: Page | undefined;
  const control = async () => {
    if (!controlPage || controlPage.isClosed()) controlPage = await openExtensionPage('options.html');
    return controlPage;
  };

  return {
    browser,
    server,
    downloadDir,
    extensionUrl,
    openExtensionPage,
    openPopup: () => openExtensionPage('popup.html'),
    openOptions: () => openExtensionPage('options.html'),
    async openSite(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async send(type, payload) {
      const page = await control();
      const reply = (await page.evaluate(
        (envelope) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(envelope),
        { type, payload } as { type: string; payload: unknown },
      )) as Reply<ResponseOf<typeof type>> | undefined;
      if (!reply) throw new Error(`The background did not answer "${type}"`);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    async badges() {
      const page = await control();
      // No `tabs` permission: ids only, which is all getBadgeText needs.
      return page.evaluate(async () => {
        // Firefox's promise-based `browser` namespace (MV2: browserAction).
        const api = (
          globalThis as unknown as {
            browser: {
              tabs: { query(query: object): Promise<{ id?: number }[]> };
              browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
            };
          }
        ).browser;
        const result: Record<number, string> = {};
        for (const tab of await api.tabs.query({})) {
          if (tab.id !== undefined) result[tab.id] = await api.browserAction.getBadgeText({ tabId: tab.id });
        }
        return result;
      });
    },
    async screenshot(page, name) {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: path as `${string}.png` });
      return path;
    },
    async closeTabs() {
      for (const page of await browser.pages()) {
        if (page !== controlPage && !page.isClosed()) await page.close();
      }
    },
    async close() {
      await browser.close();
      if (ownServer) await server.stop();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The card host's name: `digest-lens-` and 16 random characters (lib/sidebar/host-name). */
export const HOST_NAME = /^digest-lens-[0-9a-z]{16}$/;

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

interface NodeValue extends RemoteValue {
  value?: { localName?: string; shadowRoot?: NodeValue | null; mode?: string };
}

/**
 * The card in a page, read through WebDriver BiDi: `script.evaluate` with `includeShadowTree: 'all'` hands back the
 * host's closed shadow root as a node reference, and `script.callFunction` runs a function with that root as `this`.
 * The page's own scripts cannot do either.
 */
export class FirefoxCard {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  private get context(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }

  private send(method: string, params: object): Promise<{ result: Record<string, unknown> }> {
    const connection = (
      this.browser as unknown as {
        connection: { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> };
      }
    ).connection;
    return connection.send(method, params);
  }

  /** The children of <html> named like the card's host, with their shadow root's mode. */
  async hosts(): Promise<{ name: string; mode: string | undefined; root: string | undefined }[]> {
    const { result } = await this.send('script.evaluate', {
      expression: '[...document.documentElement.children]',
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const nodes = ((result.result as RemoteValue).value ?? []) as NodeValue[];
    return nodes
      .filter((node) => node.type === 'node' && HOST_NAME.test(node.value?.localName ?? ''))
      .map((node) => ({
        name: node.value?.localName ?? '',
        mode: node.value?.shadowRoot?.value?.mode,
        root: node.value?.shadowRoot?.sharedId,
      }));
  }

  /** Runs `fn` on the card's shadow root (undefined without a card). */
  async eval<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
    const [host] = await this.hosts();
    if (!host?.root) return undefined;
    const { result } = await this.send('script.callFunction', {
      functionDeclaration: `function (json) { return JSON.stringify((${fn.toString()})(this, JSON.parse(json)) ?? null); }`,
      this: { sharedId: host.root },
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      target: { context: this.context },
      awaitPromise: true,
    });
    if (result.type === 'exception') {
      throw new Error(`in the card: ${JSON.stringify(result.exceptionDetails)}`);
    }
    const value = (result.result as RemoteValue).value;
    return JSON.parse(String(value)) as R;
  }

  async text(selector: string): Promise<string | undefined> {
    return (
      (await this.eval((root, css) => root.querySelector<HTMLElement>(css)?.innerText ?? null, selector)) ??
      undefined
    );
  }

  async count(selector: string): Promise<number> {
    return (await this.eval((root, css) => root.querySelectorAll(css).length, selector)) ?? 0;
  }
}

interface BidiConnection {
  send(
    method: string,
    params: object,
  ): Promise<{
    result: { contexts?: { context: string }[]; type?: string; exceptionDetails?: { text?: string } };
  }>;
}

/**
 * Let the add-on run in private windows, as a user does in about:addons ("Run in Private Windows"): a temporary
 * add-on is not allowed there, and with private browsing permanent every window is private. Done in the browser's
 * chrome scope (WebDriver BiDi's `moz:scope`, allowed by -remote-allow-system-access); the add-on is then reloaded
 * to start with the permission.
 */
export async function allowInPrivateWindows(session: FirefoxSession): Promise<void> {
  const { connection } = session.browser as unknown as { connection: BidiConnection };
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts?.[0]?.context;
  if (!context) throw new Error('No chrome window to grant the private-browsing permission from');
  const granted = await connection.send('script.evaluate', {
    expression: `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, {
        permissions: ['internal:privateBrowsingAllowed'],
        origins: [],
      });
      await (await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)})).reload();
    })()`,
    target: { context },
    awaitPromise: true,
  });
  if (granted.result.type === 'exception') {
    throw new Error(
      `Could not allow the add-on in private windows: ${granted.result.exceptionDetails?.text}`,
    );
  }
}
