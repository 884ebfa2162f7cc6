/**
 * The page card, as the UI chunk draws it: the panel in a closed shadow root under <html>, its theme (following the
 * site's), its collapse (remembered through the background), "more", Esc and focus. The lean page script decides
 * which page is shown and when (entrypoints/page-script/page-card.ts); this part only draws what it is given.
 */
import { render } from 'preact';
import { refocusIfLost } from '../../components/shared/refocus';
import { SidebarPanel } from '../../components/sidebar/sidebar-panel';
import { uiLanguage } from '../../lib/i18n';
import {
  type CardOptions,
  type CardPage,
  type Lookup,
  type PageCard,
  VALIDITY_CHECK_MS,
} from '../../lib/page-ui/contract';
import { LOOKUP_CARD_LIMIT, LOOKUP_CARD_LIMIT_MAX, send } from '../../lib/protocol';
import { type MatchView, matchViews, relatedKind } from '../../lib/sidebar/match-view';
import { startsCollapsed } from '../../lib/sidebar/navigation';
import { sidebarStrings } from '../../lib/sidebar/strings';
import { DARK_QUERY, detectTheme, type SidebarTheme, THEME_ATTRIBUTES } from '../../lib/sidebar/theme';
import { storyKey } from '../../lib/story';
import { type CardHost, createCardHost } from './card-host';

/** How many more cards each press of "more" asks for. */
export const MORE_STEP = 50;

export function createCard({ lifetime, site, hostName }: CardOptions): PageCard {
  const strings = sidebarStrings(uiLanguage());
  let host: CardHost | undefined;
  let container: HTMLElement | undefined;
  let stopWatchingTheme: (() => void) | undefined;
  let watchValidity: ReturnType<typeof setInterval> | undefined;
  /** Which page the card shows: a "more" answer for an older page is dropped. */
  let generation = 0;
  let page: CardPage | undefined;
  let views: MatchView[] = [];
  let total = 0;
  let limit = LOOKUP_CARD_LIMIT;
  /** The toggle's keyboard shortcut, as the background read it (content scripts cannot). */
  let shortcut: string | undefined;
  let mounted = false;
  let collapsed = false;
  let theme: SidebarTheme = 'light';
  /**
   * The page's element the focus came into the card from (Tab from the page's last control, or the card's shortcut):
   * the card closed by the keyboard gives the focus back there, not to <body> (QA 2026-12-02: the next Tab started
   * from the page's top).
   */
  let cameFrom: WeakRef<HTMLElement> | undefined;

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
        onClose={close}
        onMore={() => void showMore()}
        copyText={copyToClipboard}
        relatedKind={relatedKind(page?.keys ?? [])}
        shortcut={shortcut}
        layout={page?.answer.layout}
        site={site}
      />,
      container,
    );
    if (focus) focusMain();
  };

  const focusMain = () =>
    container?.querySelector<HTMLElement>(collapsed ? '.dl-tab' : '.dl-collapse')?.focus();

  const watchTheme = () => {
    const update = () => {
      const next = currentTheme();
      if (next !== theme) {
        theme = next;
        paint(false);
      }
    };
    const observer = new MutationObserver(update);
    const observe = (element: Element | null) =>
      element && observer.observe(element, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    observe(document.documentElement);
    // The card may mount before the parser reached <body> (X paints its theme there): watch it once it exists.
    if (document.body) observe(document.body);
    else {
      const bodyArrived = () => {
        observe(document.body);
        update();
      };
      document.addEventListener('DOMContentLoaded', bodyArrived, { once: true });
    }
    const media = window.matchMedia(DARK_QUERY);
    media.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', update);
    };
  };

  /** Where the focus came into the card from: an element of the page's (one moving inside the card is not). */
  const noteWhence = (event: FocusEvent) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !(event.currentTarget as Node).contains(from))
      cameFrom = new WeakRef(from);
  };

  const createHost = () => {
    const created = createCardHost(lifetime, {
      name: hostName,
      onMount(uiContainer) {
        container = uiContainer;
        cameFrom = undefined;
        // After an extension reload or update Chrome tells this copy nothing (the new version's copy, where it comes,
        // does: page-script/lifetime.ts): reading isInvalid checks runtime.id and invalidates the context (which
        // removes this UI).
        watchValidity = setInterval(() => lifetime.isInvalid, VALIDITY_CHECK_MS);
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
    created.container.addEventListener('focusin', noteWhence);
    return created;
  };

  /** The answer as cards: "this page" is the page's story (the same tweet under another handle). */
  function take(next: CardPage, answer: Lookup): void {
    if (next !== page) {
      page = next;
      generation += 1;
      limit = LOOKUP_CARD_LIMIT;
    }
    shortcut = answer.shortcut;
    views = matchViews(
      answer.matches,
      (href) => next.pageStory !== null && storyKey(href) === next.pageStory,
      next.ownStory !== null,
    );
    total = answer.total;
  }

  function mount(startCollapsed: boolean, focus: boolean): void {
    if (lifetime.isInvalid) return;
    collapsed = startCollapsed;
    mounted = true;
    host ??= createHost();
    host.mount();
    if (focus) paint(true);
  }

  function hide(): void {
    if (!mounted) return;
    mounted = false;
    host?.remove();
  }

  /** Closed by the user: the focus, lost with the card, goes back to where in the page it came from. */
  function close(): void {
    const back = cameFrom?.deref();
    hide();
    refocusIfLost(null, () => (back?.isConnected ? back : undefined));
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

  /** "More": ask again for the same page with a larger limit, and move the focus to the first card added. */
  async function showMore(): Promise<void> {
    const current = page;
    if (!current) return;
    const run = generation;
    const shown = views.length;
    limit = Math.min(limit + MORE_STEP, LOOKUP_CARD_LIMIT_MAX);
    const answer = await current.lookUpMore(limit);
    if (run !== generation || lifetime.isInvalid || !mounted) return;
    take(current, answer);
    paint(false);
    container?.querySelectorAll<HTMLElement>('.dl-card')[shown]?.focus();
  }

  return {
    show(next) {
      take(next, next.answer);
      if (!mounted) return mount(startsCollapsed(next.answer.collapsed, window.innerWidth), false);
      // The new page may bring a new theme (Turbo swaps <body>, and the theme observer loses it).
      theme = currentTheme();
      paint(false);
    },
    toggle(next) {
      if (mounted) return setCollapsed(!collapsed, true);
      take(next, next.answer);
      saveCollapsed(false);
      mount(false, true);
    },
    hide,
    get shown() {
      return mounted;
    },
    focus() {
      paint(true);
    },
  };
}

/** The clipboard from the content script: allowed after the user's click, invisible to the page's scripts. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
