/**
 * The marks' drawing, in the page UI chunk (lib/marks/mark-card-contract.ts): the lean page script on every page
 * finds the linked entries and asks the background; the background injects this chunk once a key matched, and the
 * page script hands each answered link over. Here each gets its mark in the closed layer (mark-layer.ts), placed
 * beside its link after the page's frames (a resize, a scroll, new content) and answered with the item's card on
 * hover, focus and click (mark-card.tsx).
 */
import { uiLanguage } from '../../lib/i18n';
import type { MarkEntry } from '../../lib/marks/mark-batcher';
import type { DrawnMarks, MarksUi } from '../../lib/marks/mark-card-contract';
import { markText } from '../../lib/marks/mark-words';
import { markCardUi } from './mark-card';
import { createMarkLayer } from './mark-layer';

/** How soon after the page changed its marks' spots are looked at again (and so how often, at most). */
const LOOK_MS = 250;
/** The longest wait between looks, on a page that changes all the time with every spot still free. */
const LOOK_MAX_MS = 2000;

function start({ hostName, site, signal }: Parameters<MarksUi['start']>[0]): DrawnMarks {
  const language = uiLanguage();
  // A link that came near the window gets its mark placed (one that left, hidden).
  const layer = createMarkLayer(hostName, () => place());
  const entries = new Map<HTMLAnchorElement, MarkEntry>();

  let placing = false;
  /** The page changed then: the spots found before are looked at again by the next pass. */
  let looking: number | undefined;
  /**
   * Place the marks after the next frame is drawn: the page is laid out then, so reading the links' boxes costs
   * nothing (read in the frame, before the browser's own layout, they would force it). `lookSince`: when the page
   * changed (its spots found before are looked at too).
   */
  const place = (lookSince?: number) => {
    if (lookSince !== undefined) looking = Math.max(looking ?? 0, lookSince);
    if (placing || !layer.marks.size) return;
    placing = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        placing = false;
        const again = looking;
        looking = undefined;
        if (signal.aborted) return;
        const { more, moved, unsure } = layer.place(again);
        if (unsure) lookSoon();
        // A look that found every spot still free: the next comes later, up to every 2 s on a page that changes all
        // the time (an animated class); one that moved a mark, sooner again.
        if (again !== undefined && !more) lookDelay = moved ? LOOK_MS : Math.min(lookDelay * 2, LOOK_MAX_MS);
        // Its time ran out: the rest at the next frame, as the page goes on.
        if (more) place(again);
      }),
    );
  };

  let lookTimer: ReturnType<typeof setTimeout> | undefined;
  let lookDelay = LOOK_MS;
  /**
   * Look at the spots again within a quarter second of the page changing (new nodes, a class or style, a scroll): a
   * label or a menu may now be where a mark is, a mark at the window's edge may now have better room. At most four
   * times a second, and less often while the looks find nothing to move (a page that animates a class every frame).
   */
  const lookSoon = () => {
    if (lookTimer !== undefined || signal.aborted) return;
    const since = performance.now();
    lookTimer = setTimeout(() => {
      lookTimer = undefined;
      place(since);
    }, lookDelay);
  };

  const drop = (link: HTMLAnchorElement) => {
    entries.delete(link);
    layer.remove(link);
  };

  /**
   * The marks whose links left since the page's changes were last taken in, by key. A framework re-rendering its list
   * replaces every link at once: the new link of a key takes its mark over, so a pinned card stays open and a focused
   * mark keeps the focus (QA 2026-12-01: both were lost at each render of a list re-rendered every second).
   */
  const leaving = new Map<string, HTMLAnchorElement[]>();
  const remove = (link: HTMLAnchorElement) => {
    const key = entries.get(link)?.key;
    if (key === undefined) return drop(link);
    const links = leaving.get(key);
    if (links) links.push(link);
    else leaving.set(key, [link]);
  };
  /** `link` was set again (the same element given a new address and key): it stays, with its mark. */
  const stays = (link: HTMLAnchorElement) => {
    const key = entries.get(link)?.key;
    const links = key === undefined ? undefined : leaving.get(key);
    const at = links?.indexOf(link) ?? -1;
    if (at >= 0) links?.splice(at, 1);
  };
  /** The changes are in: the marks left and not taken over go. */
  const settle = () => {
    for (const links of leaving.values()) for (const link of links) drop(link);
    leaving.clear();
  };

  // Capture: a page's own scroller does not bubble its scroll. None of these can be cancelled: no need for passive.
  const listen = { capture: true, signal };
  addEventListener('resize', () => place(), listen);
  // Scrolled (the window or a page's own scroller): a mark may now be under the page's sticky header.
  addEventListener(
    'scroll',
    () => {
      place();
      lookSoon();
    },
    listen,
  );
  const resized = new ResizeObserver(() => place());
  resized.observe(document.documentElement);
  // A class, style, `hidden` or `open` changed: links moved or hid without any added (a menu closed, a tab switched, a
  // side navigation opened, a dialog shown). The marks inside the layer's closed root are not seen here.
  const restyled = new MutationObserver(lookSoon);
  restyled.observe(document.documentElement, {
    subtree: true,
    attributeFilter: ['class', 'style', 'hidden', 'open'],
  });
  signal.addEventListener('abort', () => {
    clearTimeout(lookTimer);
    resized.disconnect();
    restyled.disconnect();
    layer.stop();
  });
  markCardUi.attach({
    ...layer,
    // Nothing for what is not a mark, nor for a mark whose link left.
    entryOf: (mark) => entries.get(layer.linkOf(mark) as HTMLAnchorElement),
    site,
    signal,
  });

  return {
    set(link, entry) {
      const [newest] = entry.matches;
      if (!newest) return;
      // A list reusing an element with a new href: its mark is relabelled, not taken away when the scan ends.
      stays(link);
      const before = leaving.get(entry.key)?.shift();
      if (before && !entries.has(link)) {
        entries.delete(before);
        layer.handOver(before, link);
      } else if (before) drop(before);
      entries.set(link, entry);
      layer.set(link, markText(language, newest), newest.item.title);
      place();
    },
    remove,
    // A Map's iteration goes on past the entries it deletes.
    clear() {
      leaving.clear();
      for (const link of layer.marks.keys()) drop(link);
    },
    // New nodes in the page (the page script's scan, which removed and set the marks of what changed): new links
    // placed now, every spot looked at soon.
    place() {
      settle();
      place();
      lookSoon();
    },
    host: layer.host,
  };
}

export const marksUi: MarksUi = { start };
