/**
 * The sidebar's life on one tab: ask the background about each page (by identity keys, never the URL), mount the
 * panel only when something matches, and take it away on pages without matches, on "close" and on invalidation.
 * The page must not learn the user's library from it: the card's shadow root is closed, its host has a new name per
 * load, it reacts to real input only, and an in-app navigation is looked up only after a real input (lookup-gate).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SidebarPanel } from '../../components/sidebar/sidebar-panel';
import { uiLanguage } from '../../lib/i18n';
import {
  type ContentMessage,
  LOOKUP_CARD_LIMIT,
  LOOKUP_CARD_LIMIT_MAX,
  type ResponseOf,
  send,
} from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { isSidebarHost, sidebarHostName } from '../../lib/sidebar/host-name';
import { watchLocation } from '../../lib/sidebar/location-watcher';
import { createLookupGate, USER_INPUT_EVENTS } from '../../lib/sidebar/lookup-gate';
import { type MatchView, matchViews, relatedKind } from '../../lib/sidebar/match-view';
import { isNewPage, startsCollapsed } from '../../lib/sidebar/navigation';
import { lookupKeys, ownStoryKey, pageStoryKey } from '../../lib/sidebar/page-keys';
import { sidebarStrings } from '../../lib/sidebar/strings';
import { DARK_QUERY, detectTheme, type SidebarTheme, THEME_ATTRIBUTES } from '../../lib/sidebar/theme';
import { storyKey } from '../../lib/story';
import { type CardHost, createCardHost } from './card-host';

const VALIDITY_CHECK_MS = 1000;
/** How many more cards each press of "more" asks for. */
export const MORE_STEP = 50;

type Lookup = ResponseOf<'lookup'>;

export interface SidebarController {
  /**
   * Look the page up and show, update or remove the panel; the answer for an older URL is dropped. With
   * `lookUp: false` (an in-app navigation the user did not make) the page's keys are not sent: it shows nothing.
   */
  showPage(url: string, options?: { lookUp?: boolean }): Promise<void>;
  /** The keyboard shortcut: open (also when closed or in badge mode), collapse or expand. */
  toggle(): Promise<void>;
}

export function isToggleMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<ContentMessage>).type === 'toggleSidebar'
  );
}

export function createSidebarController(ctx: ContentScriptContext, site: SiteId | null): SidebarController {
  const strings = sidebarStrings(uiLanguage());
  const hostName = sidebarHostName();
  let ui: Promise<CardHost> | undefined;
  let container: HTMLElement | undefined;
  let stopWatchingTheme: (() => void) | undefined;
  let watchValidity: ReturnType<typeof setInterval> | undefined;
  let generation = 0;
  let mode: Lookup['mode'] = 'off';
  let views: MatchView[] = [];
  let total = 0;
  let limit = LOOKUP_CARD_LIMIT;
  let pageUrl = '';
  let pageKeys: string[] = [];
  /** The page's story: its cards first, its link left out of their sources. */
  let pageStory: string | null = null;
  /** The same when the page is narrower than its repo: sent with the keys (the badge counts these), marked 本页. */
  let ownStory: string | null = null;
  /** The toggle's keyboard shortcut, as the background read it (content scripts cannot). */
  let shortcut: string | undefined;
  /** The page was reached without a real input, so it was not looked up (lookup-gate). */
  let notLookedUp = false;
  let mounted = false;
  let collapsed = false;
  let theme: SidebarTheme = 'light';

  const currentTheme = () => detectTheme(site, document, (query) => window.matchMedia(query));
  const nextBatch = () => (limit < LOOKUP_CARD_LIMIT_MAX ? Math.min(MORE_STEP, total - views.length) : 0);

  /** Render the panel; with `focus`, move the focus to the control now shown (the user asked for the change). */
  const paint = (focus = false) => {
    if (!container) return;
    render(
      <SidebarPanel
        views={views}
        strings={strings}
        theme={theme}
        collapsed={collapsed}
        total={total}
        nextBatch={nextBatch()}
        onCollapse={() => setCollapsed(true, true)}
        onExpand={() => setCollapsed(false, true)}
        onClose={hide}
        onMore={() => void showMore()}
        copyText={copyToClipboard}
        relatedKind={relatedKind(pageKeys)}
        shortcut={shortcut}
      />,
      container,
    );
    if (focus) container.querySelector<HTMLElement>(collapsed ? '.dl-tab' : '.dl-collapse')?.focus();
  };

  const watchTheme = () => {
    const update = () => {
      const next = currentTheme();
      if (next !== theme) {
        theme = next;
        paint(false);
      }
    };
    const observer = new MutationObserver(update);
    for (const element of [document.documentElement, document.body]) {
      if (element) observer.observe(element, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    }
    const media = window.matchMedia(DARK_QUERY);
    media.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', update);
    };
  };

  const createUi = () =>
    createCardHost(ctx, {
      name: hostName,
      onMount(uiContainer) {
        container = uiContainer;
        // After an extension reload Chrome injects no new script, so nothing else would tell this one it is stale:
        // reading ctx.isValid checks runtime.id and invalidates the context (which removes this UI).
        watchValidity = setInterval(() => ctx.isValid, VALIDITY_CHECK_MS);
        theme = currentTheme();
        stopWatchingTheme = watchTheme();
        paint(false);
      },
      onRemove(uiContainer) {
        clearInterval(watchValidity);
        stopWatchingTheme?.();
        stopWatchingTheme = undefined;
        render(null, uiContainer);
        container = undefined;
        mounted = false;
      },
    });

  async function show(run: number, startCollapsed: boolean, focus: boolean): Promise<void> {
    ui ??= createUi();
    const instance = await ui;
    if (run !== generation || ctx.isInvalid) return;
    if (!mounted) {
      collapsed = startCollapsed;
      mounted = true;
      instance.mount();
      if (focus) paint(true);
    } else {
      paint(focus);
    }
  }

  function hide(): void {
    if (!mounted) return;
    mounted = false;
    void ui?.then((instance) => instance.remove());
  }

  /** Remembered (for every site) through the background: the content script has no storage of its own. */
  function saveCollapsed(next: boolean): void {
    void send('setCardCollapsed', { collapsed: next }).catch(() => undefined);
  }

  function setCollapsed(next: boolean, focus: boolean): void {
    collapsed = next;
    saveCollapsed(next);
    paint(focus);
  }

  async function lookup(keys: string[], cards: number): Promise<Lookup> {
    try {
      return await send('lookup', {
        keys,
        site,
        ...(cards === LOOKUP_CARD_LIMIT ? {} : { limit: cards }),
        // Only beside keys: a page not looked up (lookup-gate) says nothing of itself.
        ...(ownStory !== null && keys.length > 0 ? { pageStory: ownStory } : {}),
      });
    } catch {
      // No answer (the background is restarting, or the extension was reloaded): show nothing.
      return { matches: [], mode: 'off', total: 0, collapsed: false };
    }
  }

  /** The answer as cards: "this page" is the page's story (the same tweet under another handle). */
  function take(answer: Lookup): void {
    mode = answer.mode;
    shortcut = answer.shortcut;
    views = matchViews(
      answer.matches,
      (href) => pageStory !== null && storyKey(href) === pageStory,
      ownStory !== null,
    );
    total = answer.total;
  }

  /** "More": ask again for the same page with a larger limit, and move the focus to the first card added. */
  async function showMore(): Promise<void> {
    const run = generation;
    const shown = views.length;
    limit = Math.min(limit + MORE_STEP, LOOKUP_CARD_LIMIT_MAX);
    const answer = await lookup(pageKeys, limit);
    if (run !== generation || ctx.isInvalid || !mounted) return;
    take(answer);
    paint(false);
    container?.querySelectorAll<HTMLElement>('.dl-card')[shown]?.focus();
  }

  const controller: SidebarController = {
    async showPage(url, { lookUp = true } = {}) {
      const run = ++generation;
      pageUrl = url;
      pageKeys = lookUp ? lookupKeys(url) : [];
      pageStory = pageStoryKey(url);
      ownStory = ownStoryKey(url);
      notLookedUp = !lookUp;
      limit = LOOKUP_CARD_LIMIT;
      // The script starts at document_start: ask while the page is still loading, then wait for its body.
      const next = await lookup(pageKeys, limit);
      if (run !== generation || ctx.isInvalid) return;
      take(next);
      if (views.length === 0 || mode !== 'auto') return hide();
      if (mounted) {
        // The new page may bring a new theme (Turbo swaps <body>, and the theme observer loses it).
        theme = currentTheme();
        return paint(false);
      }
      ui ??= createUi();
      await documentReady();
      if (run !== generation || ctx.isInvalid) return;
      await show(run, startsCollapsed(next.collapsed, window.innerWidth), false);
    },
    async toggle() {
      // The shortcut is the user asking about this page: look up what an in-app navigation alone did not.
      if (notLookedUp) {
        await controller.showPage(pageUrl);
        if (mounted) return paint(true);
      }
      if (views.length === 0 || mode === 'off') return;
      if (!mounted) {
        saveCollapsed(false);
        return show(generation, false, true);
      }
      setCollapsed(!collapsed, true);
    },
  };
  return controller;
}

/** Resolves once the page's body exists (at once after DOMContentLoaded). */
function documentReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/**
 * WXT's "a newer copy of this script started" event, dispatched on `document` under a name any page that knows the
 * extension's id can forge: it invalidated this script (the card vanished for good). Stopped on `window` in the
 * capture phase, before it reaches the context's listener on `document`. A script dispatches it, never the user, so
 * `isTrusted` cannot tell a real one from a forged one; an older copy notices an extension reload by itself (the
 * validity check and `ctx.isInvalid` on navigation) and this copy removes the hosts it left.
 */
export const SCRIPT_STARTED_EVENT = (
  ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }
).SCRIPT_STARTED_MESSAGE_TYPE;

/** Wire the controller to the page: first look-up now, then one per in-app navigation, and the shortcut. */
export function startSidebar(ctx: ContentScriptContext, site: SiteId | null): SidebarController {
  const listen = { capture: true, signal: ctx.signal };
  window.addEventListener(SCRIPT_STARTED_EVENT, (event) => event.stopImmediatePropagation(), listen);
  // A panel left by an earlier copy of this script that could not clean up (an extension reload in a browser
  // that injects the new copy into open tabs): this copy owns the page now.
  for (const stale of [...document.documentElement.children]) if (isSidebarHost(stale)) stale.remove();
  const controller = createSidebarController(ctx, site);
  const gate = createLookupGate();
  for (const type of USER_INPUT_EVENTS)
    window.addEventListener(type, gate.noteInput, { ...listen, passive: true });
  void controller.showPage(location.href, { lookUp: gate.admit(lookupKeys(location.href)) });
  watchLocation((oldUrl, newUrl) => {
    if (ctx.isInvalid || !isNewPage(oldUrl, newUrl)) return;
    void controller.showPage(newUrl, { lookUp: gate.admit(lookupKeys(newUrl)) });
  }, ctx.signal);
  const onMessage = (message: unknown) => {
    if (isToggleMessage(message)) void controller.toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return controller;
}

/** The clipboard from the content script: allowed after the user's click, invisible to the page's scripts. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
