// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import pageScript from '../../../entrypoints/page-script';
import { type ResponseOf, send } from '../../../lib/protocol';

vi.mock('../../../lib/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/protocol')>()),
  send: vi.fn(),
}));

const ARTICLE = 'https://en.wikipedia.org/wiki/Mixture_of_experts';
const none: ResponseOf<'lookup'> = { matches: [], mode: 'auto', total: 0, collapsed: false };
const sendMock = vi.mocked(send);
const cardLookups = () => sendMock.mock.calls.filter(([type]) => type === 'lookup').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const lookAgain = () => fakeBrowser.runtime.onMessage.trigger({ type: 'lookAgain' }, {}, () => {});

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(ARTICLE);
  sendMock.mockReset();
  sendMock.mockResolvedValue(none);
});

/** What an extension reload or update does to the copies running: `runtime.id` is gone for them. */
function reloadExtension(thenRun: () => void): void {
  const runtime = fakeBrowser.runtime as { id?: string };
  const id = runtime.id;
  runtime.id = undefined;
  try {
    thenRun();
  } finally {
    runtime.id = id;
  }
}

// One test: the copies live in this file's world for good (as in a page), so each step builds on the one before.
describe('the page script, injected into a document that already runs it', () => {
  it('runs one copy (the second has it look again, as a new load would); after a reload the new copy takes over', async () => {
    pageScript.main();
    await settle();
    expect(cardLookups()).toBe(1);

    // The all-sites grant injects the script into the tabs already open, this one included.
    pageScript.main();
    await settle();
    expect(cardLookups()).toBe(2);

    // One copy listens: the background's "look again" asks once, not twice.
    await lookAgain();
    await settle();
    expect(cardLookups()).toBe(3);

    // The extension reloaded: the running copy can no longer ask anything, and the new one runs in its place.
    reloadExtension(() => pageScript.main());
    await settle();
    expect(cardLookups()).toBe(4);
    await lookAgain();
    await settle();
    expect(cardLookups()).toBe(5);
  });
});
