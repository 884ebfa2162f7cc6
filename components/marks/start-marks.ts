/**
 * Marks in the lean page script: find the links that name a digest item's entry (lib/marks), ask the background
 * about their keys in batches (one message per frame at most, keys only), and hand each link that matched to the
 * page UI chunk, which the background injects once a key matched: the chunk draws the mark beside the link and
 * answers it with the item's card (components/marks/marks-ui.ts). Content that arrives later (infinite scroll,
 * expanded threads, re-renders) is marked as it appears; an in-app navigation starts afresh. Everything stops with
 * the script.
 */
import { createMarkBatcher, type MarkEntry } from '../../lib/marks/mark-batcher';
import type { DrawnMarks } from '../../lib/marks/mark-card-contract';
import { createMarkRegistry } from '../../lib/marks/mark-registry';
import { VALIDITY_CHECK_MS, whenPageUi } from '../../lib/page-ui/contract';
import { send } from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { sidebarHostName } from '../../lib/sidebar/host-name';
import { lookupKeys } from '../../lib/sidebar/page-keys';

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
  const { signal } = ctx;
  let pageUrl = location.href;
  const pageRegistry = () => createMarkRegistry(new Set(lookupKeys(pageUrl)));
  let registry = pageRegistry();
  /** The chunk's drawing, once it came (asked for with the first match). */
  let drawn: DrawnMarks | undefined;
  let asked = false;
  /** Marks are off for this site (a reply said so): the chunk, should it come now, draws nothing. */
  let off = false;
  const pending = new Set<Element>();
  let frame = 0;

  // Reading isInvalid checks runtime.id: an orphaned copy (its extension reloaded or updated) stops at the page's
  // next change, its marks going, instead of asking a background that is gone.
  const nextFrame = (run: () => void) => requestAnimationFrame(() => ctx.isInvalid || run());

  /**
   * Draw `link`'s mark. The first asks for the chunk's drawing (the background injects the chunk once a key matched);
   * when it comes, it draws every marked link whose answer is an entry.
   */
  const draw = (link: HTMLAnchorElement, entry: MarkEntry) => {
    if (drawn) return drawn.set(link, entry);
    if (asked) return;
    asked = true;
    void whenPageUi().then((ui) => {
      if (signal.aborted || !ui.marks) return;
      drawn = ui.marks.start({ hostName: sidebarHostName(), site, signal });
      // Marks drawn on a page that no longer changes: an orphaned copy's would stay, dead, so it looks, as the card does.
      const watchValidity = setInterval(() => ctx.isInvalid, VALIDITY_CHECK_MS);
      signal.addEventListener('abort', () => clearInterval(watchValidity));
      if (!off) drawAnswered(batcher.answer);
    });
  };

  /** Draw every marked link whose key `answerOf` answers with an entry. */
  const drawAnswered = (answerOf: (key: string) => MarkEntry | null | undefined) => {
    for (const [link, key] of registry.marked) {
      const entry = answerOf(key);
      if (entry) draw(link, entry);
    }
  };

  /** Marked at once when their key's answer is kept, else asked in the next frame's message. */
  const markOrAsk = (links: Iterable<HTMLAnchorElement>) => {
    const wanted: string[] = [];
    for (const link of links) {
      const key = registry.marked.get(link) as string;
      const entry = batcher.answer(key);
      if (entry) draw(link, entry);
      else if (entry === undefined) wanted.push(key);
    }
    batcher.want(wanted);
  };

  const batcher = createMarkBatcher({
    ask: (keys) => send('markLookup', { keys, site }),
    schedule: nextFrame,
    onAnswer: (answers) => drawAnswered((key) => answers.get(key)),
    // The library or the settings changed (marks switched on again among them, whose watching stopped with them): the
    // page is looked at afresh, as after an in-app navigation, and watched again.
    onStale() {
      off = false;
      afresh();
      watch();
      scan();
    },
    onOff() {
      off = true;
      mutations.disconnect();
      drawn?.clear();
    },
  });

  /** Every link is evaluated again at the next scan, against the page's own keys now. */
  const afresh = () => {
    pageUrl = location.href;
    drawn?.clear();
    registry = pageRegistry();
    pending.add(document.documentElement);
  };

  /** The links added or changed since the last frame, and those of entries that lost their mark. */
  const scan = () => {
    frame = 0;
    // An in-app navigation: the page's own keys changed.
    if (location.href !== pageUrl) afresh();
    const { gone, entries } = registry.prune();
    for (const link of gone) drawn?.remove(link);
    const added: HTMLAnchorElement[] = [];
    // Each root's links are scanned in the list the browser answers, not spread into one array of a page's thousands.
    for (const element of [...pending, ...entries]) {
      if (element instanceof HTMLAnchorElement) added.push(...registry.scan([element]));
      if (element.isConnected)
        added.push(...registry.scan(element.querySelectorAll<HTMLAnchorElement>('a[href]')));
    }
    pending.clear();
    markOrAsk(added);
    drawn?.place();
  };

  const mutations = new MutationObserver((records) => {
    // The marks' own layer coming (under <html>) is no change of the page's: no scan for it.
    if (drawn && records.every((record) => record.addedNodes[0] === drawn?.host)) return;
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

  watch();
  // Back on the tab: ask whether the library changed meanwhile (a sync), and refresh the marks if so.
  document.addEventListener('visibilitychange', () => document.hidden || batcher.check(), { signal });
  signal.addEventListener('abort', () => mutations.disconnect());
  pending.add(document.documentElement);
  scan();
  return batcher.check;
}
