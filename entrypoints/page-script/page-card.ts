/**
 * The page card's life on one tab, in the lean page script: ask the background about each page (by identity keys,
 * never the URL) from document_start, and only when something matches hand the answer to the card, which lives in
 * the UI chunk the background injects on that match (lib/page-ui/contract.ts). Pages without a match get nothing:
 * no UI code, no element.
 * The page must not learn the user's library from it: the card's shadow root is closed, its host has a new name per
 * load, it reacts to real input only, and an in-app navigation is looked up only after a real input (lookup-gate).
 */
import { browser } from 'wxt/browser';
import { type CardPage, type Lookup, type PageCard, whenPageUi } from '../../lib/page-ui/contract';
import { type ContentMessage, LOOKUP_CARD_LIMIT, send } from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { isSidebarHost, sidebarHostName } from '../../lib/sidebar/host-name';
import { watchLocation } from '../../lib/sidebar/location-watcher';
import { createLookupGate, USER_INPUT_EVENTS } from '../../lib/sidebar/lookup-gate';
import { isNewPage } from '../../lib/sidebar/navigation';
import { lookupKeys, ownStoryKey, pageStoryKey } from '../../lib/sidebar/page-keys';
import type { PageScriptContext } from './lifetime';

export interface PageCardController {
  /**
   * Look the page up and show, update or remove the card; the answer for an older URL is dropped. With
   * `lookUp: false` (an in-app navigation the user did not make) the page's keys are not sent: it shows nothing.
   */
  showPage(url: string, options?: { lookUp?: boolean }): Promise<void>;
  /** The keyboard shortcut: open (also when closed or in badge mode), collapse or expand. */
  toggle(): Promise<void>;
  /**
   * The library was cleared or imported, or the settings changed: look the page up again, if it was looked up (the
   * lookup gate holds).
   */
  refresh(): Promise<unknown>;
}

export function isToggleMessage(message: unknown): boolean {
  // A string or number has no `type` either: only the object says toggleSidebar.
  return (message as Partial<ContentMessage> | null | undefined)?.type === 'toggleSidebar';
}

const NO_ANSWER: Lookup = { matches: [], mode: 'off', total: 0, collapsed: false };

export function createPageCardController(ctx: PageScriptContext, site: SiteId | null): PageCardController {
  const hostName = sidebarHostName();
  let card: Promise<PageCard> | undefined;
  let generation = 0;
  let pageUrl = '';
  let page: CardPage | undefined;
  /** The page was reached without a real input, so it was not looked up (lookup-gate). */
  let notLookedUp = false;

  /** The card, once the UI chunk runs in this world (the background injects it on a match or the shortcut). */
  const theCard = () => {
    card ??= whenPageUi().then((ui) => ui.createCard({ lifetime: ctx, site, hostName }));
    return card;
  };
  const hasMatches = (answer: Lookup) => answer.matches.length > 0;

  async function lookup(keys: string[], limit: number, ownStory: string | null): Promise<Lookup> {
    try {
      return await send('lookup', {
        keys,
        site,
        ...(limit === LOOKUP_CARD_LIMIT ? {} : { limit }),
        // Only beside keys: a page not looked up (lookup-gate) says nothing of itself.
        ...(ownStory !== null && keys.length > 0 ? { pageStory: ownStory } : {}),
      });
    } catch {
      // No answer (the background is restarting, or the extension was reloaded): show nothing.
      return NO_ANSWER;
    }
  }

  const controller: PageCardController = {
    async showPage(url, { lookUp = true } = {}) {
      const run = ++generation;
      pageUrl = url;
      notLookedUp = !lookUp;
      const keys = lookUp ? lookupKeys(url) : [];
      const ownStory = ownStoryKey(url);
      // The script starts at document_start: the lookup (and, on a match, the UI's injection) runs while the page
      // loads; the card mounts under <html> as soon as both are there.
      const answer = await lookup(keys, LOOKUP_CARD_LIMIT, ownStory);
      if (run !== generation || ctx.isInvalid) return;
      page = {
        keys,
        pageStory: pageStoryKey(url),
        ownStory,
        answer,
        lookUpMore: (limit) => lookup(keys, limit, ownStory),
      };
      if (!hasMatches(answer) || answer.mode !== 'auto') {
        if (card) (await card).hide();
        return;
      }
      const shown = page;
      const instance = await theCard();
      if (run !== generation || ctx.isInvalid) return;
      instance.show(shown);
    },
    async toggle() {
      // The shortcut is the user asking about this page: look up what an in-app navigation alone did not.
      if (notLookedUp) {
        await controller.showPage(pageUrl);
        if (card && (await card).shown) return (await card).focus();
      }
      const current = page;
      if (!current || !hasMatches(current.answer) || current.answer.mode === 'off') return;
      const instance = await theCard();
      if (current !== page || ctx.isInvalid) return;
      instance.toggle(current);
    },
    refresh: async () => notLookedUp || controller.showPage(pageUrl),
  };
  return controller;
}

/**
 * Wire the card to the page: first look-up now, then one per in-app navigation, and the shortcut. The background's
 * `lookAgain` (a clear, an import, a setting changed) reaches the card and `lookAgainMarks`, as does the returned
 * `lookAgain` (a second copy of the script injected here: ./lifetime.ts).
 */
export function startPageCard(
  ctx: PageScriptContext,
  site: SiteId | null,
  lookAgainMarks?: () => void,
): PageCardController & { lookAgain(): void } {
  const listen = { capture: true, signal: ctx.signal };
  // A panel left by an earlier copy of this script that could not clean up (an extension reload in a browser
  // that injects the new copy into open tabs): this copy owns the page now.
  for (const stale of [...document.documentElement.children]) if (isSidebarHost(stale)) stale.remove();
  const controller = createPageCardController(ctx, site);
  const gate = createLookupGate();
  for (const type of USER_INPUT_EVENTS)
    window.addEventListener(type, gate.noteInput, { ...listen, passive: true });
  void controller.showPage(location.href, { lookUp: gate.admit(lookupKeys(location.href)) });
  watchLocation((oldUrl, newUrl) => {
    if (ctx.isInvalid || !isNewPage(oldUrl, newUrl)) return;
    void controller.showPage(newUrl, { lookUp: gate.admit(lookupKeys(newUrl)) });
  }, ctx.signal);
  const lookAgain = () => {
    void controller.refresh();
    lookAgainMarks?.();
  };
  const onMessage = (message: unknown) => {
    if (isToggleMessage(message)) void controller.toggle();
    else if ((message as ContentMessage | null)?.type === 'lookAgain') lookAgain();
  };
  browser.runtime.onMessage.addListener(onMessage);
  // An orphaned copy's runtime may be gone or refuse: nothing to take off then.
  ctx.onInvalidated(() => {
    try {
      browser.runtime?.onMessage.removeListener(onMessage);
    } catch {}
  });
  // Back to a page Firefox kept in its back-forward cache: the tab's load made the background forget its matches
  // (badge, 本页相关), and the card still shows; the page looks itself up again (Firefox QA, 2026-12-01).
  // The browser's own event only: a page's script could dispatch one to ask for lookups at will.
  window.addEventListener(
    'pageshow',
    (event) => event.isTrusted && event.persisted && void controller.refresh(),
    listen,
  );
  return { ...controller, lookAgain };
}
