/**
 * Which links of the page carry a mark now. Links come and go as the page re-renders (React replaces a tweet's
 * subtree, Turbo swaps the body, a list reuses an element with a new href): each scan evaluates the links it is given
 * again only when their address changed, and `prune` drops the marks of links that left the page.
 */
import { type AddressVerdict, addressVerdict, plainVerdict } from './link-target';

/** The element a link belongs to as one entry of a list: a tweet, a search result, a trending row, a model card. */
export const ENTRY_SELECTOR = 'article,li,[data-testid="cellInnerDiv"],.Box-row';

/** A link's href attribute as written (reading `href` resolves it, a URL parse per link). */
const written = (link: HTMLAnchorElement) => link.getAttribute('href') ?? '';

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
}

/**
 * One registry per page (an in-app navigation starts a new one): `pageKeys` are the page's own keys, and a link to
 * the page itself gets no mark. Nor does a link in the extension's own UI, which lives in closed shadow roots (not
 * in the document).
 */
export function createMarkRegistry(pageKeys: ReadonlySet<string>): MarkRegistry {
  const marked = new Map<HTMLAnchorElement, string>();
  /** The href attribute each link was last evaluated at. */
  const evaluated = new WeakMap<HTMLAnchorElement, string>();
  /** Per entry, the link that carries each key's mark (once per entry); and each marked link's entry. */
  const holders = new WeakMap<Element, Map<string, HTMLAnchorElement>>();
  const entryOf = new WeakMap<HTMLAnchorElement, Element>();
  /**
   * Each address's verdict on this page, by the href attribute as written: a list links the same addresses many
   * times (an author on every tweet, a topic on every result), and resolving and parsing each of its thousands of
   * links was most of the marks' time. Bounded: dropped whole past 5,000 addresses.
   */
  const verdicts = new Map<string, AddressVerdict>();
  /** The host of the page's base address, which paths from the root resolve against (read at each scan). */
  let baseHost = '';

  const keyOf = (link: HTMLAnchorElement, address: string) => {
    let verdict = verdicts.get(address);
    if (verdict === undefined) {
      if (verdicts.size > 5000) verdicts.clear();
      // A plain address is judged as written; the anchor resolves the others.
      verdict = plainVerdict(address, baseHost);
      if (verdict === undefined) verdict = addressVerdict(link);
      verdicts.set(address, verdict);
    }
    // A tweet's deep link carries its mark only when it wraps the tweet's time (the timeline's permalink does).
    const key =
      typeof verdict === 'string' ? verdict : verdict && link.querySelector('time') ? verdict[0] : null;
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
      baseHost = new URL(document.baseURI).host;
      for (const link of links) {
        const address = written(link);
        const was = evaluated.get(link);
        if (was === address) continue;
        // Only an evaluated link can be marked: most links never are.
        if (was !== undefined) marked.delete(link);
        // Most links have no key: they are judged again (from the kept verdict) when scanned again.
        const key = keyOf(link, address);
        if (!key) continue;
        const entry = link.parentElement?.closest(ENTRY_SELECTOR);
        // A link whose entry has the mark elsewhere stays unevaluated: it takes the mark if that one leaves.
        if (entry && !claim(entry, key, link)) continue;
        evaluated.set(link, address);
        marked.set(link, key);
        added.push(link);
      }
      return added;
    },
    prune() {
      const gone: HTMLAnchorElement[] = [];
      const entries = new Set<Element>();
      for (const link of marked.keys()) {
        if (link.isConnected && evaluated.get(link) === written(link)) continue;
        marked.delete(link);
        evaluated.delete(link);
        gone.push(link);
        const entry = entryOf.get(link);
        if (entry?.isConnected) entries.add(entry);
      }
      return { gone, entries: [...entries] };
    },
  };
}
