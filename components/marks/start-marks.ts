/**
 * Marks in the lean page script: find the links that name a digest item's entry (lib/marks), ask the background
 * about their keys in batches (one message per frame at most, keys only), and draw a mark beside each link that
 * matched. Content that arrives later (infinite scroll, expanded threads, re-renders) is marked as it appears; an
 * in-app navigation starts afresh. Hover, focus and clicks on the marks are answered by the page UI chunk (the
 * card), which the background injects once a mark matched. Everything stops with the script.
 */
import { uiLanguage } from '../../lib/i18n';
import { createMarkBatcher, type MarkEntry } from '../../lib/marks/mark-batcher';
import { createMarkRegistry } from '../../lib/marks/mark-registry';
import { markText } from '../../lib/marks/mark-words';
import { whenPageUi } from '../../lib/page-ui/contract';
import { send } from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { sidebarHostName } from '../../lib/sidebar/host-name';
import { lookupKeys } from '../../lib/sidebar/page-keys';
import { createMarkLayer } from './mark-layer';

export interface MarksLifetime {
  readonly isInvalid: boolean;
  readonly signal: AbortSignal;
}

/**
 * Mark the page's links. Answers what to call when the background says to look again (the library was cleared or
 * imported, a setting changed): the marks ask whether the library or the settings changed, and follow.
 */
export function startMarks(ctx: MarksLifetime, site: SiteId | null): () => void {
  let lookAgain = () => {};
  // Nothing is made at document_start, in the script's evaluation on every page: the marks start with the HTML parsed.
  const start = () => {
    if (!ctx.isInvalid) lookAgain = markPage(ctx, site);
  };
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { signal: ctx.signal });
  else start();
  return () => lookAgain();
}

function markPage(ctx: MarksLifetime, site: SiteId | null): () => void {
  const language = uiLanguage();
  const { signal } = ctx;
  let pageUrl = location.href;
  const pageRegistry = () => createMarkRegistry(new Set(lookupKeys(pageUrl)));
  let registry = pageRegistry();
  const layer = createMarkLayer(sidebarHostName());
  const pending = new Set<Element>();
  let frame = 0;
  let handedOver = false;

  const nextFrame = (run: () => void) => requestAnimationFrame(() => signal.aborted || run());

  let placing = false;
  /**
   * Place the marks after the next frame is drawn: the page is laid out then, so reading the links' boxes costs
   * nothing (read in the frame, before the browser's own layout, they would force it).
   */
  const place = () => {
    if (placing || !layer.marks.size) return;
    placing = true;
    nextFrame(() =>
      setTimeout(() => {
        placing = false;
        if (!signal.aborted) layer.place();
      }),
    );
  };

  const resized = new ResizeObserver(place);

  const addMark = (link: HTMLAnchorElement, entry: MarkEntry) => {
    const [newest] = entry.matches;
    if (!newest) return;
    layer.set(link, markText(language, newest), newest.item.title);
    place();
    if (handedOver) return;
    handedOver = true;
    void whenPageUi().then((ui) =>
      ui.markCard?.attach({
        ...layer,
        // Nothing for what is not a mark, nor for a mark whose link left (its key is gone).
        entryOf: (mark) =>
          batcher.answer(registry.marked.get(layer.linkOf(mark) as HTMLAnchorElement) as string),
        site,
        signal,
      }),
    );
  };

  // A Map's iteration goes on past the entries it deletes.
  const removeAll = () => {
    for (const link of layer.marks.keys()) layer.remove(link);
  };

  /** Marked at once when their key's answer is kept, else asked in the next frame's message. */
  const markOrAsk = (links: Iterable<HTMLAnchorElement>) => {
    const wanted: string[] = [];
    for (const link of links) {
      const key = registry.marked.get(link) as string;
      const entry = batcher.answer(key);
      if (entry) addMark(link, entry);
      else if (entry === undefined) wanted.push(key);
    }
    batcher.want(wanted);
  };

  const batcher = createMarkBatcher({
    ask: (keys) => send('markLookup', { keys, site }),
    schedule: nextFrame,
    onAnswer(answers) {
      for (const [link, key] of registry.marked) {
        const entry = answers.get(key);
        if (entry) addMark(link, entry);
      }
    },
    // The library or the settings changed (marks switched on again among them, whose watching stopped with them): the
    // page is looked at afresh, as after an in-app navigation, and watched again.
    onStale() {
      pageUrl = '';
      watch();
      scan();
    },
    onOff() {
      mutations.disconnect();
      removeAll();
    },
  });

  /** The links added or changed since the last frame, and those of entries that lost their mark. */
  const scan = () => {
    frame = 0;
    if (location.href !== pageUrl) {
      // An in-app navigation: the page's own keys changed, every link is evaluated again.
      pageUrl = location.href;
      removeAll();
      registry = pageRegistry();
      pending.add(document.documentElement);
    }
    const { gone, entries } = registry.prune();
    for (const link of gone) layer.remove(link);
    const links: HTMLAnchorElement[] = [];
    for (const element of [...pending, ...entries]) {
      if (element instanceof HTMLAnchorElement) links.push(element);
      if (element.isConnected) links.push(...element.querySelectorAll<HTMLAnchorElement>('a[href]'));
    }
    pending.clear();
    markOrAsk(registry.scan(links));
    place();
  };

  const mutations = new MutationObserver((records) => {
    // The marks' own layer coming (under <html>) is no change of the page's: no scan for it.
    if (records.every((record) => record.addedNodes[0] === layer.host)) return;
    for (const record of records)
      if (record.type === 'attributes') pending.add(record.target as Element);
      else for (const node of record.addedNodes) if (node instanceof Element) pending.add(node);
    if (frame) cancelAnimationFrame(frame);
    frame = nextFrame(scan);
  });

  function watch(): void {
    mutations.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributeFilter: ['href'],
    });
  }

  // Capture: a page's own scroller does not bubble its scroll. None of these can be cancelled: no need for passive.
  const listen = { capture: true, signal };
  watch();
  addEventListener('resize', place, listen);
  resized.observe(document.documentElement);
  // Scrolled (the window or a page's own scroller): a mark may now be under the page's sticky header.
  addEventListener('scroll', place, listen);
  // Back on the tab: ask whether the library changed meanwhile (a sync), and refresh the marks if so.
  document.addEventListener('visibilitychange', () => document.hidden || batcher.check(), listen);
  signal.addEventListener('abort', () => {
    mutations.disconnect();
    resized.disconnect();
    layer.host.remove();
  });
  pending.add(document.documentElement);
  scan();
  return batcher.check;
}
