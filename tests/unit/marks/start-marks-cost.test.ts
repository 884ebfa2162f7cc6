// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { marksUi } from '../../../components/marks/marks-ui';
import { startMarks } from '../../../components/marks/start-marks';
import { createPageScriptContext } from '../../../entrypoints/page-script/lifetime';
import { type PageUi, registerPageUi, resetPageUi, VALIDITY_CHECK_MS } from '../../../lib/page-ui/contract';
import { send } from '../../../lib/protocol';
import type { Match } from '../../../lib/schema';

vi.mock('../../../lib/protocol', { spy: true });

/** What the background says of marks on this site now: on or off, and the library's stamp. */
const answered = { on: true, stamp: 's1' };

/** A background whose library links `linked` (each key answered with one made-up item, while marks are on). */
function library(linked: string[]) {
  vi.mocked(send).mockClear();
  vi.mocked(send).mockImplementation((async (_type: string, { keys }: { keys: string[] }) => ({
    ...answered,
    marks: (answered.on ? keys : [])
      .filter((key) => linked.includes(key))
      .map((key) => ({
        key,
        total: 1,
        matches: [{ item: { section: 'tools', rank: 1, title: 'A tool' } } as unknown as Match],
      })),
  })) as unknown as typeof send);
}

/** Let the frames, the answers and the placing timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** The scans of the page: each looks for links under what changed. */
function countScans() {
  const queried = vi.spyOn(Element.prototype, 'querySelectorAll');
  return () => queried.mock.calls.filter(([selector]) => selector === 'a[href]').length;
}

/** happy-dom lays nothing out: `link` is given a line in the window, drawn, and what the window shows there. */
function seenByTheUser(link: HTMLAnchorElement): void {
  const line = { left: 8, top: 8, width: 90, height: 18, right: 98, bottom: 26 } as DOMRect;
  vi.spyOn(link, 'getClientRects').mockReturnValue([line] as unknown as DOMRectList);
  Object.assign(link, { checkVisibility: () => true });
  document.elementFromPoint = () => link;
  // happy-dom has no elementsFromPoint (the layer asks what is under a mark's spot): the same link there.
  Object.assign(document, { elementsFromPoint: () => [link] });
}

/**
 * happy-dom's IntersectionObserver reports nothing: here each link the marks' layer watches is reported near the
 * window before the layer's first pass (a browser reports it in the frame after it is watched, with that pass or
 * one frame later).
 */
class NearIntersectionObserver {
  constructor(private readonly report: (reports: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element) {
    queueMicrotask(() => this.report([{ target, isIntersecting: true }]));
  }
  unobserve() {}
  disconnect() {}
}

let stop: AbortController;
beforeEach(() => {
  vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
  vi.stubGlobal('IntersectionObserver', NearIntersectionObserver);
  stop = new AbortController();
  Object.assign(answered, { on: true, stamp: 's1' });
});
afterEach(() => {
  stop.abort();
  resetPageUi();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('startMarks: the work of marking a page (issue 12: 2,000 links ≤ 10 ms)', () => {
  // The page UI chunk, as the background injects it once a key matched: it draws the marks.
  beforeEach(() => registerPageUi({ marks: marksUi } as unknown as PageUi));

  it('scans the page once when its first mark is drawn: the marks’ own layer coming is no change of the page’s', async () => {
    library(['gh:repo:acme/widget']);
    document.body.innerHTML =
      '<ul><li><h3><a href="https://github.com/acme/widget">acme/widget</a></h3></li></ul>';
    seenByTheUser(document.querySelector('a') as HTMLAnchorElement);
    const scans = countScans();
    startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    await settle();
    expect(document.documentElement.lastElementChild?.localName).toMatch(/^digest-lens-/);
    expect(scans()).toBe(1);
    // A change of the page's is still seen.
    document
      .querySelector('ul')
      ?.insertAdjacentHTML('beforeend', '<li><a href="https://github.com/acme/gadget">g</a></li>');
    await settle();
    expect(scans()).toBe(2);
  });

  it('reads no layout on a page without a mark', async () => {
    library([]);
    document.body.innerHTML =
      '<ul><li><h3><a href="https://github.com/acme/widget">acme/widget</a></h3></li></ul>';
    const width = vi.spyOn(document.documentElement, 'clientWidth', 'get');
    startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(width).not.toHaveBeenCalled();
  });
});

describe('startMarks: marks switched off and on for the site, on an open page', () => {
  const linkedPage = () => {
    library(['gh:repo:acme/widget']);
    document.body.innerHTML =
      '<ul><li><h3><a href="https://github.com/acme/widget">acme/widget</a></h3></li></ul>';
    seenByTheUser(document.querySelector('a') as HTMLAnchorElement);
  };
  const layerShown = () => /^digest-lens-/.test(document.documentElement.lastElementChild?.localName ?? '');
  /** The background says marks are on or off now, with a new stamp, and the page is told to look again. */
  const switchTo = async (on: boolean, lookAgain: () => void) => {
    Object.assign(answered, { on, stamp: `s-${on}-${Math.random()}` });
    lookAgain();
    await settle();
  };
  it('marks a page opened while they were off once they are switched on', async () => {
    registerPageUi({ marks: marksUi } as unknown as PageUi);
    answered.on = false;
    linkedPage();
    const lookAgain = startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    await settle();
    expect(layerShown()).toBe(false);
    await switchTo(true, lookAgain);
    expect(layerShown()).toBe(true);
  });

  it('draws nothing when the UI chunk comes after they were switched off, and draws once they are on again', async () => {
    linkedPage();
    const lookAgain = startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    await settle();
    await switchTo(false, lookAgain);
    registerPageUi({ marks: marksUi } as unknown as PageUi);
    await settle();
    expect(layerShown()).toBe(false);
    await switchTo(true, lookAgain);
    expect(layerShown()).toBe(true);
  });
});

describe('startMarks in a copy orphaned by an update or a reload (its extension gone, no new copy come)', () => {
  const EXTENSION_ID = fakeBrowser.runtime.id;
  afterEach(() => Object.assign(fakeBrowser.runtime, { id: EXTENSION_ID }));
  const layerShown = () => /^digest-lens-/.test(document.documentElement.lastElementChild?.localName ?? '');

  /** A page whose one link is marked, by a copy with the page script's own life. */
  async function markedPage() {
    registerPageUi({ marks: marksUi } as unknown as PageUi);
    library(['gh:repo:acme/widget']);
    document.body.innerHTML = '<h3><a href="https://github.com/acme/widget">acme/widget</a></h3>';
    seenByTheUser(document.querySelector('a') as HTMLAnchorElement);
    const lifetime = createPageScriptContext();
    stop.signal.addEventListener('abort', () => lifetime.invalidate());
    startMarks(lifetime, 'github');
    await settle();
    expect(layerShown()).toBe(true);
    vi.mocked(send).mockClear();
    Object.assign(fakeBrowser.runtime, { id: undefined });
    return lifetime;
  }

  it('stops at the page’s next change: its marks go and it asks the gone background nothing', async () => {
    const lifetime = await markedPage();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://github.com/acme/other">acme/other</a>');
    await settle();
    expect(lifetime.signal.aborted).toBe(true);
    expect(layerShown()).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('on a page that does not change, its marks go within a second', async () => {
    const lifetime = await markedPage();
    await new Promise((resolve) => setTimeout(resolve, VALIDITY_CHECK_MS + 100));
    expect(lifetime.signal.aborted).toBe(true);
    expect(layerShown()).toBe(false);
  });
});
