/**
 * Tells the content script when the page's URL changes, without telling the page. WXT's `wxt:locationchange` is
 * dispatched on `window` under a name holding the extension's id, so every page script could see it at every
 * in-app navigation. This watcher listens where only the content script's world sees it: the Navigation API's
 * `currententrychange` (after the URL changed), `popstate`, and, where the Navigation API is missing, a poll.
 */

/** How often to compare `location.href` where the Navigation API is missing (Firefox before 147, happy-dom). */
export const LOCATION_POLL_MS = 500;

export interface LocationWatchTarget {
  location: { href: string };
  addEventListener: Window['addEventListener'];
  /** The Navigation API, when the browser has it. */
  navigation?: Pick<EventTarget, 'addEventListener'>;
}

/** Calls `onChange(oldUrl, newUrl)` once per change of `location.href` until `signal` aborts. */
export function watchLocation(
  onChange: (oldUrl: string, newUrl: string) => void,
  signal: AbortSignal,
  target: LocationWatchTarget = window as unknown as LocationWatchTarget,
): void {
  let lastUrl = target.location.href;
  const check = () => {
    const newUrl = target.location.href;
    if (newUrl === lastUrl || signal.aborted) return;
    const oldUrl = lastUrl;
    lastUrl = newUrl;
    onChange(oldUrl, newUrl);
  };
  target.addEventListener('popstate', check, { signal });
  if (typeof target.navigation?.addEventListener === 'function') {
    target.navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  const poll = setInterval(check, LOCATION_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(poll), { once: true });
}
