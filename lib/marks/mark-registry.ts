/**
 * Which links of the page carry a mark now. Links come and go as the page re-renders (React replaces a tweet's
 * subtree, Turbo swaps the body, a list reuses an element with a new href): each scan evaluates the links it is given
 * again only when their address changed, and `prune` drops the marks of links that left the page.
 */
import { type AddressVerdict, addressVerdict, plainVerdict } from './link-target';

/** The element a link belongs to as one entry of a list: a tweet, a search result, a trending row, a model card. */
export const ENTRY_SELECTOR = 'article,li,[data-testid="cellInnerDiv"],.Box-row';

/** The entry a link belongs to, if any. */
const entryOf = (link: Element) => link.parentElement?.closest(ENTRY_SELECTOR);

export interface MarkRegistry {
  /** The links carrying a mark, with the key they carry it for. */
  readonly marked: Map<HTMLAnchorElement, string>;
  /** Evaluate `links` (new or changed ones); answers the links newly marked. */
  scan(links: Iterable<HTMLAnchorElement>): HTMLAnchorElement[];
  /**
   * Drop the marks of links no longer in the page (or whose key changed); answers them, and the links still in the
   * page that have their keys (a link of the same entry may have waited for the mark: scan them again).
   */
  prune(): { gone: HTMLAnchorElement[]; waiting: HTMLAnchorElement[] };
}

/**
 * One registry per page (an in-app navigation starts a new one): `pageKeys` are the page's own keys, and a link to
 * the page itself gets no mark. Nor does a link in the extension's own UI, which lives in closed shadow roots (not
 * in the document).
 */
export function createMarkRegistry(pageKeys: ReadonlySet<string>): MarkRegistry {
  const marked = new Map<HTMLAnchorElement, string>();
  /**
   * Each key's links: those carrying its mark and those waiting to take it (a link of an entry whose mark another link
   * carries). Most keys are on one link of the page: an entry is looked for only when a second link has the key.
   */
  const carriers = new Map<string, HTMLAnchorElement[]>();
  /**
   * Each address's verdict on this page, by the href attribute as written: a list links the same addresses many
   * times (an author on every tweet, a topic on every result), and resolving and parsing each of its thousands of
   * links was most of the marks' time. Bounded: dropped whole past 5,000 addresses.
   */
  const verdicts = new Map<string, AddressVerdict>();
  /** The host of the page's base address, which paths from the root resolve against (read at each scan). */
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

  /** Whether `link` may carry `key`'s mark: no other link of its entry still carries it. */
  const claim = (link: HTMLAnchorElement, key: string) => {
    const others = carriers.get(key);
    if (!others) {
      carriers.set(key, [link]);
      return true;
    }
    if (!others.includes(link)) others.push(link);
    const entry = entryOf(link);
    // A link in no entry (a README's, an article's) is marked wherever it is.
    return (
      !entry ||
      !others.some(
        // A link of the page (keyOf) is marked only in the page: a marked link elsewhere is no link of this entry.
        (other) => marked.get(other) === key && entryOf(other) === entry,
      )
    );
  };

  return {
    marked,
    scan(links) {
      const added: HTMLAnchorElement[] = [];
      baseHost = new URL(document.baseURI).host;
      for (const link of links) {
        const verdict = verdictOf(link);
        // Most links: no key, and never marked (the scan's own loop, no more calls: thousands per page).
        if (!verdict && !marked.has(link)) continue;
        // Judged again (from its address's kept verdict) at each scan: a link keeps its mark while its key is the same.
        const key = keyOf(link, verdict);
        if (marked.get(link) === key) continue;
        marked.delete(link);
        // A link whose entry has the mark elsewhere waits: it takes the mark if that one leaves.
        if (!key || !claim(link, key)) continue;
        marked.set(link, key);
        added.push(link);
      }
      return added;
    },
    prune() {
      const gone: HTMLAnchorElement[] = [];
      // The other links of the gone marks' keys: those that waited take the marks (the others are scanned for nothing).
      const waiting: HTMLAnchorElement[] = [];
      for (const [link, key] of marked) {
        if (link.isConnected && keyOf(link) === key) continue;
        marked.delete(link);
        gone.push(link);
        const others = carriers.get(key)?.filter((other) => other !== link && other.isConnected) ?? [];
        if (others[0]) carriers.set(key, others);
        else carriers.delete(key);
        waiting.push(...others);
      }
      return { gone, waiting };
    },
  };
}
