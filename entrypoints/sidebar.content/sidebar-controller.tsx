/**
 * The sidebar's life on one tab: ask the background about each page (by identity keys, never the URL), mount the
 * panel only when something matches, and take it away on pages without matches, on "close" and on invalidation.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SidebarPanel } from '../../components/sidebar/sidebar-panel';
import { uiLanguage } from '../../lib/i18n';
import { type ContentMessage, type ResponseOf, send } from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { loadCollapsed, saveCollapsed } from '../../lib/sidebar/collapsed-store';
import { type MatchView, matchViews } from '../../lib/sidebar/match-view';
import { isNewPage, startsCollapsed } from '../../lib/sidebar/navigation';
import { lookupKeys } from '../../lib/sidebar/page-keys';
import { sidebarStrings } from '../../lib/sidebar/strings';
import { DARK_QUERY, detectTheme, type SidebarTheme, THEME_ATTRIBUTES } from '../../lib/sidebar/theme';
import { storyKey } from '../../lib/story';

export const SIDEBAR_HOST_NAME = 'digest-lens-sidebar';
const VALIDITY_CHECK_MS = 1000;

type Lookup = ResponseOf<'lookup'>;

export interface SidebarController {
  /** Look the page up and show, update or remove the panel; the answer for an older URL is dropped. */
  showPage(url: string): Promise<void>;
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
  let ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  let container: HTMLElement | undefined;
  let stopWatchingTheme: (() => void) | undefined;
  let watchValidity: ReturnType<typeof setInterval> | undefined;
  let generation = 0;
  let mode: Lookup['mode'] = 'off';
  let views: MatchView[] = [];
  let mounted = false;
  let collapsed = false;
  let theme: SidebarTheme = 'light';

  const currentTheme = () => detectTheme(site, document, (query) => window.matchMedia(query));

  /** Render the panel; with `focus`, move the focus to the control now shown (the user asked for the change). */
  const paint = (focus = false) => {
    if (!container) return;
    render(
      <SidebarPanel
        views={views}
        strings={strings}
        theme={theme}
        collapsed={collapsed}
        onCollapse={() => setCollapsed(true, true)}
        onExpand={() => setCollapsed(false, true)}
        onClose={hide}
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
    createShadowRootUi<void>(ctx, {
      name: SIDEBAR_HOST_NAME,
      position: 'inline',
      // A child of <html>, not of <body>: GitHub's Turbo swaps the whole <body> on in-app navigation (taking a
      // body child with it), and a transform or filter on the page's body would pin a fixed panel to the body.
      anchor: 'html',
      isolateEvents: true,
      onMount(uiContainer) {
        container = uiContainer;
        // After an extension reload Chrome injects no new script, so nothing else would tell this one it is stale:
        // reading ctx.isValid checks runtime.id and invalidates the context (which removes this UI).
        watchValidity = setInterval(() => ctx.isValid, VALIDITY_CHECK_MS);
        theme = currentTheme();
        stopWatchingTheme = watchTheme();
        paint(false);
      },
      onRemove() {
        clearInterval(watchValidity);
        stopWatchingTheme?.();
        stopWatchingTheme = undefined;
        if (container) render(null, container);
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

  function setCollapsed(next: boolean, focus: boolean): void {
    collapsed = next;
    void saveCollapsed(next);
    paint(focus);
  }

  async function lookup(url: string): Promise<Lookup> {
    const keys = lookupKeys(url);
    try {
      return await send('lookup', { keys, site });
    } catch {
      // No answer (the background is restarting, or the extension was reloaded): show nothing.
      return { matches: [], mode: 'off' };
    }
  }

  return {
    async showPage(url) {
      const run = ++generation;
      // The script starts at document_start: ask while the page is still loading, then wait for its body.
      const [next, savedCollapsed] = await Promise.all([lookup(url), loadCollapsed()]);
      if (run !== generation || ctx.isInvalid) return;
      // "This page" is the page's story: the same tweet under another handle, not another pull request of the repo.
      const pageStory = storyKey(url);
      mode = next.mode;
      views = matchViews(next.matches, (href) => pageStory !== null && storyKey(href) === pageStory);
      if (views.length === 0 || mode !== 'auto') return hide();
      if (mounted) {
        // The new page may bring a new theme (Turbo swaps <body>, and the theme observer loses it).
        theme = currentTheme();
        return paint(false);
      }
      ui ??= createUi();
      await documentReady();
      if (run !== generation || ctx.isInvalid) return;
      await show(run, startsCollapsed(savedCollapsed, window.innerWidth), false);
    },
    async toggle() {
      if (views.length === 0 || mode === 'off') return;
      if (!mounted) {
        void saveCollapsed(false);
        return show(generation, false, true);
      }
      setCollapsed(!collapsed, true);
    },
  };
}

/** Resolves once the page's body exists (at once after DOMContentLoaded). */
function documentReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/** Wire the controller to the page: first look-up now, then one per in-app navigation, and the shortcut. */
export function startSidebar(ctx: ContentScriptContext, site: SiteId | null): SidebarController {
  // A panel left by an earlier copy of this script that could not clean up (an extension reload in a browser
  // that injects the new copy into open tabs): this copy owns the page now.
  for (const stale of document.querySelectorAll(SIDEBAR_HOST_NAME)) stale.remove();
  const controller = createSidebarController(ctx, site);
  void controller.showPage(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    if (isNewPage(event.oldUrl, event.newUrl)) void controller.showPage(event.newUrl.href);
  });
  const onMessage = (message: unknown) => {
    if (isToggleMessage(message)) void controller.toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return controller;
}
