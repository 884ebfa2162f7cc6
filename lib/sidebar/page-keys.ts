/** What the sidebar tells the background about the page it is on: identity keys, never the URL itself. */
import { identityKeys } from '../links';

/**
 * The page's identity keys, less a whole-URL key that carries a query: such a page is a search or a filtered
 * list (`github.com/search?q=…`, `huggingface.co/models?search=…`), which no digest item is, and its key would
 * hand what the user typed to the background. An empty list still asks: the badge of the page before clears.
 */
export function lookupKeys(pageUrl: string): string[] {
  return identityKeys(pageUrl).filter((key) => !(key.startsWith('url:') && key.includes('?')));
}
