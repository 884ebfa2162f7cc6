/**
 * Which links of the page carry a mark now. Links come and go as the page re-renders (React replaces a tweet's
 * subtree, Turbo swaps the body, a list reuses an element with a new href): each scan evaluates the links it is given
 * again only when their address changed, and `prune` drops the marks of links that left the page.
 */
import { markKeyOf } from './link-target';

/** The element a link belongs to as one entry of a list: a tweet, a search result, a trending row, a model card. */
export const ENTRY_SELECTOR =
  'article,li,[role="listitem"],[role="row"],[data-testid="cellInnerDiv"],.Box-row,tr';

export interface MarkRegistryOptions {
  /** The current page's own keys: a link to the page itself gets no mark. */
  pageKeys: ReadonlySet<string>;
  /** Whether an element belongs to the extension's own UI (its links get no mark). */
  isOwnUi?: (element: Element) => boolean;
}

export class MarkRegistry {
  /** The links carrying a mark, with the key they carry it for. */
  readonly marked = new Map<HTMLAnchorElement, string>();
  /** The href each link was last evaluated at: a link is evaluated again only when it changed. */
  private evaluated = new WeakMap<HTMLAnchorElement, string>();
  /** Per entry, the link that carries each key's mark (once per entry). */
  private entries = new WeakMap<Element, Map<string, HTMLAnchorElement>>();
  private entryOf = new WeakMap<HTMLAnchorElement, Element>();

  constructor(private readonly options: MarkRegistryOptions) {}

  /** Evaluate `links` (new or changed ones); answers the links newly marked. */
  scan(links: Iterable<HTMLAnchorElement>): HTMLAnchorElement[] {
    const added: HTMLAnchorElement[] = [];
    for (const link of links) {
      const { href } = link;
      if (this.evaluated.get(link) === href) continue;
      this.marked.delete(link);
      const key = this.keyOf(link, href);
      const entry = key === null ? null : (link.parentElement?.closest(ENTRY_SELECTOR) ?? null);
      // A link the entry's mark is on elsewhere stays unevaluated: it takes the mark if that one leaves.
      if (key !== null && entry !== null && !this.claim(entry, key, link)) continue;
      this.evaluated.set(link, href);
      if (key === null) continue;
      this.marked.set(link, key);
      added.push(link);
    }
    return added;
  }

  /**
   * Drop the marks of links no longer in the page (or whose href changed); answers them, and the entries still in
   * the page that lost their mark (their other links may take it: scan them again).
   */
  prune(): { gone: HTMLAnchorElement[]; entries: Element[] } {
    const gone: HTMLAnchorElement[] = [];
    const entries = new Set<Element>();
    for (const link of this.marked.keys()) {
      if (link.isConnected && this.evaluated.get(link) === link.href) continue;
      this.marked.delete(link);
      this.evaluated.delete(link);
      gone.push(link);
      const entry = this.entryOf.get(link);
      if (entry?.isConnected) entries.add(entry);
    }
    return { gone, entries: [...entries] };
  }

  /** Forget everything (a new page of an in-app navigation, with its own keys). */
  clear(pageKeys: ReadonlySet<string>): void {
    this.marked.clear();
    this.evaluated = new WeakMap();
    this.entries = new WeakMap();
    this.entryOf = new WeakMap();
    this.options.pageKeys = pageKeys;
  }

  private keyOf(link: HTMLAnchorElement, href: string): string | null {
    if (this.options.isOwnUi?.(link)) return null;
    const key = markKeyOf({ href, hasTime: () => link.querySelector('time') !== null });
    return key === null || this.options.pageKeys.has(key) ? null : key;
  }

  /** Whether `link` may carry `key`'s mark in `entry`: no other link of the entry still carries it. */
  private claim(entry: Element, key: string, link: HTMLAnchorElement): boolean {
    let holders = this.entries.get(entry);
    if (holders === undefined) {
      holders = new Map();
      this.entries.set(entry, holders);
    }
    const holder = holders.get(key);
    if (holder !== undefined && holder !== link && this.marked.get(holder) === key && holder.isConnected)
      return false;
    holders.set(key, link);
    this.entryOf.set(link, entry);
    return true;
  }
}
