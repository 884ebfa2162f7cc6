/**
 * Which links of the page carry a mark now. Links come and go as the page re-renders (React replaces a tweet's
 * subtree, Turbo swaps the body, a list reuses an element with a new href): each scan evaluates the links it is given
 * again only when their address changed, and `prune` drops the marks of links that left the page.
 */
import { type AddressVerdict, addressVerdict, plainVerdict } from './link-target';

/** The most keys met that a page keeps (`seen`). */
export const SEEN_KEYS_MAX = 5000;

/** The element a link belongs to as one entry of a list: a tweet, a search result, a trending row, a model card. */
export const ENTRY_SELECTOR = 'article,li,[data-testid="cellInnerDiv"],.Box-row';

const entryOf = (link: Element) => link.parentElement?.closest(ENTRY_SELECTOR);

export interface MarkRegistry {
  /** The links carrying a mark, with the key they carry it for. */
  readonly marked: Map<HTMLAnchorElement, string>;
  /** Evaluate `links` (new or changed ones); answers the links newly marked. */
  scan(links: Iterable<HTMLAnchorElement>): HTMLAnchorElement[];
  /**
   * Drop the marks of links no longer in the page (or whose key changed); answers them, and the entries still in
   * the page that lost their mark (their other links may take it: scan them again).
   */
  prune(): { gone: HTMLAnchorElement[]; entries: Element[] };
  /** How many keys met on the page are kept (bounded however long the page is scrolled). */
  keysKept(): number;
}

/**
 * One registry per page (an in-app navigation starts a new one): `pageKeys` are the page's own keys, and a link to
 * the page itself gets no mark. Nor does a link in the extension's own UI, which lives in closed shadow roots (not
 * in the document).
 */
export function createMarkRegistry(pageKeys: ReadonlySet<string>, seenMax = SEEN_KEYS_MAX): MarkRegistry {
  const marked = new Map<HTMLAnchorElement, string>();
  /**
   * The keys met on this page: a key's first link is marked without looking for its entry (most keys have one).
   * Bounded (a timeline scrolled for hours meets a key per tweet): past `seenMax` keys more than are marked, only the
   * keys marked now are kept, which are all a later link must look for a holder of.
   */
  const seen = new Set<string>();
  /** Marked links that another link of their entry waited for, with that entry (scanned again when they leave). */
  const waitedFor = new WeakMap<HTMLAnchorElement, Element>();
  /**
   * Each address's verdict on this page, by the href attribute as written: a list links the same addresses many
   * times (an author on every tweet, a topic on every result), and resolving and parsing each of its thousands of
   * links was most of the marks' time. Bounded: dropped whole past 5,000 addresses.
   */
  const verdicts = new Map<string, AddressVerdict>();
  /**
   * The page's base address, and its host, which paths from the root resolve against (read at each scan, parsed when
   * it changed: the verdicts judged against the old one are dropped then, a relative address's too).
   */
  let base = '';
  let baseHost = '';

  /**
   * The verdict on a link's address (kept), by its href attribute as written (reading `href` resolves it, a URL parse
   * per link): judged as written when it is plain, else resolved by the link.
   */
  const verdictOf = (link: HTMLAnchorElement) => {
    const address = link.getAttribute('href') ?? '';
    let verdict = verdicts.get(address);
    if (verdict === undefined) {
      if (verdicts.size > 5000) verdicts.clear();
      verdict = plainVerdict(address, baseHost);
      if (verdict === undefined) verdict = addressVerdict(link);
      verdicts.set(address, verdict);
    }
    return verdict;
  };

  const keyOf = (link: HTMLAnchorElement, verdict = verdictOf(link)) => {
    // A tweet's deep link carries its mark only when it wraps the tweet's time (the timeline's permalink does).
    const key =
      typeof verdict === 'string' ? verdict : verdict && link.querySelector('time') ? verdict[0] : null;
    return !key || pageKeys.has(key) || link.getRootNode() !== document ? null : key;
  };

  /** Whether `link` may carry `key`'s mark: no other link of its entry carries it. */
  const claim = (link: HTMLAnchorElement, key: string) => {
    // Past the bound by `seenMax` keys beyond those marked: a page of many marks is not cleared at every link.
    if (seen.size >= seenMax + marked.size) {
      seen.clear();
      for (const held of marked.values()) seen.add(held);
    }
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    // A link in no entry (a README's, an article's) is marked wherever it is.
    const entry = entryOf(link);
    const holder =
      entry &&
      [...entry.querySelectorAll('a')].find((other) => marked.get(other) === key && entryOf(other) === entry);
    if (holder) waitedFor.set(holder, entry);
    return !holder;
  };

  return {
    marked,
    scan(links) {
      const added: HTMLAnchorElement[] = [];
      if (document.baseURI !== base) {
        base = document.baseURI;
        baseHost = new URL(base).host;
        verdicts.clear();
      }
      for (const link of links) {
        const verdict = verdictOf(link);
        // Most links: no key, and never marked (the scan's own loop, no more calls: thousands per page).
        if (!verdict && !marked.has(link)) continue;
        // Judged again (from its address's kept verdict) at each scan: a link keeps its mark while its key is the same.
        const key = keyOf(link, verdict);
        if (marked.get(link) === key) continue;
        marked.delete(link);
        // A link whose entry has the mark elsewhere waits: it takes the mark if that one leaves (prune).
        if (!key || !claim(link, key)) continue;
        marked.set(link, key);
        added.push(link);
      }
      return added;
    },
    keysKept: () => seen.size,
    prune() {
      const gone: HTMLAnchorElement[] = [];
      // An entry may be here twice (two of its marks left): scanned twice, its links are marked once.
      const entries: Element[] = [];
      for (const [link, key] of marked) {
        if (link.isConnected && keyOf(link) === key) continue;
        marked.delete(link);
        gone.push(link);
        const entry = waitedFor.get(link);
        if (entry?.isConnected) entries.push(entry);
      }
      return { gone, entries };
    },
  };
}
