/**
 * Which links of the page carry a mark now. Links come and go as the page re-renders (React replaces a tweet's
 * subtree, Turbo swaps the body, a list reuses an element with a new href): each scan evaluates the links it is given
 * again only when their address changed, and `prune` drops the marks of links that left the page.
 */
import { markKeyOf } from './link-target';

/** The element a link belongs to as one entry of a list: a tweet, a search result, a trending row, a model card. */
export const ENTRY_SELECTOR = 'article,li,[data-testid="cellInnerDiv"],.Box-row';

export interface MarkRegistry {
  /** The links carrying a mark, with the key they carry it for. */
  readonly marked: Map<HTMLAnchorElement, string>;
  /** Evaluate `links` (new or changed ones); answers the links newly marked. */
  scan(links: Iterable<HTMLAnchorElement>): HTMLAnchorElement[];
  /**
   * Drop the marks of links no longer in the page (or whose href changed); answers them, and the entries still in
   * the page that lost their mark (their other links may take it: scan them again).
   */
  prune(): { gone: HTMLAnchorElement[]; entries: Element[] };
  /** Forget everything: a new page (an in-app navigation) with its own keys. */
  clear(pageKeys: ReadonlySet<string>): void;
}

/**
 * `pageKeys` are the current page's own keys: a link to the page itself gets no mark. Nor does a link in the
 * extension's own UI, which lives in closed shadow roots (not in the document).
 */
export function createMarkRegistry(pageKeys: ReadonlySet<string>): MarkRegistry {
  const marked = new Map<HTMLAnchorElement, string>();
  /** The href each link was last evaluated at. */
  let evaluated = new WeakMap<HTMLAnchorElement, string>();
  /** Per entry, the link that carries each key's mark (once per entry); and each marked link's entry. */
  let holders = new WeakMap<Element, Map<string, HTMLAnchorElement>>();
  let entryOf = new WeakMap<HTMLAnchorElement, Element>();

  // The key first (kept per href, lib/marks/link-target.ts): most links have none and need nothing more.
  const keyOf = (link: HTMLAnchorElement, href: string) => {
    const key = markKeyOf({
      href,
      // Read only for a link with a key (the anchor parses its href again for it).
      get pathname() {
        return link.pathname;
      },
      hasTime: () => link.querySelector('time') !== null,
    });
    return key === null || pageKeys.has(key) || link.getRootNode() !== document ? null : key;
  };

  /** Whether `link` may carry `key`'s mark in `entry`: no other link of the entry still carries it. */
  const claim = (entry: Element, key: string, link: HTMLAnchorElement) => {
    const keys = holders.get(entry) ?? new Map<string, HTMLAnchorElement>();
    holders.set(entry, keys);
    const holder = keys.get(key);
    if (holder && holder !== link && marked.get(holder) === key && holder.isConnected) return false;
    keys.set(key, link);
    entryOf.set(link, entry);
    return true;
  };

  return {
    marked,
    scan(links) {
      const added: HTMLAnchorElement[] = [];
      for (const link of links) {
        const { href } = link;
        if (evaluated.get(link) === href) continue;
        marked.delete(link);
        const key = keyOf(link, href);
        const entry = key && link.parentElement?.closest(ENTRY_SELECTOR);
        // A link whose entry has the mark elsewhere stays unevaluated: it takes the mark if that one leaves.
        if (key && entry && !claim(entry, key, link)) continue;
        evaluated.set(link, href);
        if (!key) continue;
        marked.set(link, key);
        added.push(link);
      }
      return added;
    },
    prune() {
      const gone: HTMLAnchorElement[] = [];
      const entries = new Set<Element>();
      for (const link of marked.keys()) {
        if (link.isConnected && evaluated.get(link) === link.href) continue;
        marked.delete(link);
        evaluated.delete(link);
        gone.push(link);
        const entry = entryOf.get(link);
        if (entry?.isConnected) entries.add(entry);
      }
      return { gone, entries: [...entries] };
    },
    clear(keys) {
      pageKeys = keys;
      marked.clear();
      evaluated = new WeakMap();
      holders = new WeakMap();
      entryOf = new WeakMap();
    },
  };
}
