import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { z } from 'zod';
import { createCurrentTab } from '../../../lib/background/current-tab';
import { createHandlers } from '../../../lib/background/handlers';
import { createRouter, type Handlers, type MessageSender } from '../../../lib/background/router';
import { createTabMatches } from '../../../lib/background/tab-matches';
import type { MessageType, RequestOf } from '../../../lib/protocol';
import { requestSchemas } from '../../../lib/schema';

const EXTENSION_ID = 'our-extension';
const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
const fromUs = { id: EXTENSION_ID, url: `${BASE_URL}popup.html` };

function routerWith(handlers: Partial<Handlers>) {
  return createRouter(handlers as Handlers, { id: EXTENSION_ID, baseUrl: BASE_URL });
}

/** A valid request of every message: a new message must say here what a content script may do with it. */
const VALID_REQUESTS: { [K in MessageType]: RequestOf<K> } = {
  lookup: { keys: ['gh:repo:acme/widget'], site: 'github' },
  setCardCollapsed: { collapsed: true },
  markLookup: { keys: ['gh:repo:acme/widget'], site: 'github' },
  pageMatches: { tabId: 7 },
  currentTab: { windowId: 1 },
  latestDigest: undefined,
  digest: { date: '2026-11-29' },
  listDigests: undefined,
  search: { query: 'widget' },
  syncNow: undefined,
  status: undefined,
  importArchive: undefined,
  cancelImport: undefined,
  importStatus: undefined,
  exportData: undefined,
  importData: { file: { format: 'digest-lens-export', digests: [] } },
  saveRetention: { retentionDays: 90 },
  clearData: undefined,
  readState: { dates: ['2026-11-29'] },
  markRead: { items: [{ date: '2026-11-29', section: 'news', rank: 1 }] },
  markDayRead: { date: '2026-11-29' },
};
const CONTENT_SCRIPT_MAY_SEND: MessageType[] = ['lookup', 'setCardCollapsed', 'markLookup'];
const MESSAGE_TYPES = Object.keys(VALID_REQUESTS) as MessageType[];

/** Every handler, answering which message it handled. */
function recordingHandlers() {
  return Object.fromEntries(
    MESSAGE_TYPES.map((type) => [type, vi.fn(async () => ({ handled: type }))]),
  ) as unknown as Handlers & Record<MessageType, ReturnType<typeof vi.fn>>;
}

const extensionPages: [string, MessageSender][] = [
  ['the popup', fromUs],
  ['the options page in a tab', { id: EXTENSION_ID, url: `${BASE_URL}options.html#sources`, tab: { id: 3 } }],
  [
    'the side panel (Chrome, with its origin)',
    {
      id: EXTENSION_ID,
      url: `${BASE_URL}popup.html?panel=1`,
      origin: `chrome-extension://${EXTENSION_ID}`,
    },
  ],
];
const contentScripts: [string, MessageSender][] = [
  ['on github.com', { id: EXTENSION_ID, url: 'https://github.com/acme/widget', tab: { id: 7 } }],
  [
    'in a frame, with its origin',
    {
      id: EXTENSION_ID,
      url: 'https://x.com/acme/status/1',
      origin: 'https://x.com',
      tab: { id: 8 },
    },
  ],
  ['without a URL', { id: EXTENSION_ID, tab: { id: 9 } }],
  // A renderer that lies about its URL still has the page's origin in Chrome.
  [
    'claiming an extension URL from a page origin',
    {
      id: EXTENSION_ID,
      url: `${BASE_URL}options.html`,
      origin: 'https://github.com',
      tab: { id: 7 },
    },
  ],
  [
    'on a look-alike of the base URL',
    { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}x/options.html` },
  ],
];

describe('who may send what', () => {
  it.each(extensionPages)('lets %s send every message', async (_name, sender) => {
    const handlers = recordingHandlers();
    const route = createRouter(handlers, { id: EXTENSION_ID, baseUrl: BASE_URL });
    for (const type of MESSAGE_TYPES) {
      expect(await route({ type, payload: VALID_REQUESTS[type] }, sender)).toEqual({
        ok: true,
        value: { handled: type },
      });
    }
  });

  it.each(contentScripts)(
    'lets a content script %s send only lookup, setCardCollapsed and markLookup, refusing the rest in words',
    async (_name, sender) => {
      const handlers = recordingHandlers();
      const route = createRouter(handlers, { id: EXTENSION_ID, baseUrl: BASE_URL });
      for (const type of MESSAGE_TYPES) {
        const reply = await route({ type, payload: VALID_REQUESTS[type] }, sender);
        if (CONTENT_SCRIPT_MAY_SEND.includes(type)) {
          expect(reply).toEqual({ ok: true, value: { handled: type } });
        } else {
          expect(reply).toEqual({
            ok: false,
            error: `Refused: a content script may only send lookup, setCardCollapsed, markLookup, not "${type}".`,
          });
          expect(handlers[type]).not.toHaveBeenCalled();
        }
      }
    },
  );
});

describe('the message router', () => {
  it('passes a valid payload to its handler and wraps the answer', async () => {
    const digest = vi.fn(async ({ date }: { date: string }) => ({ digest: null, asked: date }));
    const route = routerWith({ digest } as unknown as Partial<Handlers>);
    expect(await route({ type: 'digest', payload: { date: '2026-11-29' } }, fromUs)).toEqual({
      ok: true,
      value: { digest: null, asked: '2026-11-29' },
    });
  });

  it('refuses an invalid payload in words, without calling the handler', async () => {
    const lookup = vi.fn();
    const route = routerWith({ lookup });
    const reply = await route({ type: 'lookup', payload: { keys: 'x:status:1', site: 'x' } }, fromUs);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^The "lookup" request is invalid \(keys: .*expected array/i),
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a message from another extension or a page', async () => {
    const status = vi.fn();
    const route = routerWith({ status });
    for (const sender of [{ id: 'someone-else' }, { url: 'https://evil.example/' }, {}]) {
      expect(await route({ type: 'status' }, sender)).toEqual({
        ok: false,
        error: 'Refused: only Digest Lens itself may send messages to its background.',
      });
    }
    expect(status).not.toHaveBeenCalled();
  });

  it('refuses an unknown message type and a message that is not an envelope', async () => {
    const route = routerWith({});
    expect(await route({ type: 'deleteEverything' }, fromUs)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not a Digest Lens message'),
    });
    expect(await route('status', fromUs)).toMatchObject({ ok: false });
    expect(await route({ type: 'toString' }, fromUs)).toMatchObject({ ok: false });
  });

  it("reports a handler's failure in its own words, without the message's name (the page shows them)", async () => {
    const route = routerWith({
      syncNow: async () => {
        throw new Error('the database is closed');
      },
    });
    expect(await route({ type: 'syncNow' }, fromUs)).toEqual({
      ok: false,
      error: 'the database is closed',
    });
  });

  it('has one payload schema and one handler per message of the protocol, and no other', () => {
    const handlers = createHandlers({
      services: async () => {
        throw new Error('not used');
      },
      settings: async () => {
        throw new Error('not used');
      },
      now: () => 0,
      setBadge: async () => undefined,
      tabMatches: createTabMatches(fakeBrowser.storage.session),
      currentTab: createCurrentTab({
        area: fakeBrowser.storage.session,
        extensionTabs: async () => new Set(),
        activeTabOf: async () => undefined,
      }),
    });
    expect(Object.keys(requestSchemas).sort()).toEqual(Object.keys(handlers).sort());
    // Every request a page may send passes its schema, and what the schema lets through is what the handler expects.
    type Accepted = {
      [K in MessageType]: RequestOf<K> extends z.input<(typeof requestSchemas)[K]> ? true : false;
    };
    type Delivered = {
      [K in MessageType]: RequestOf<K> extends undefined
        ? true
        : z.output<(typeof requestSchemas)[K]> extends RequestOf<K>
          ? true
          : false;
    };
    expectTypeOf<Accepted>().toEqualTypeOf<{ [K in MessageType]: true }>();
    expectTypeOf<Delivered>().toEqualTypeOf<{ [K in MessageType]: true }>();
  });
});
