/**
 * A mark's card, in the page UI chunk: hovering or focusing a mark shows the item's card (the page card's own
 * component: rank, date, 另见 N 期, sources, copy) beside it, in the site's light or dark theme; a click pins it (the
 * pointer passing over other marks leaves it), and Esc, a click elsewhere or its close button close it. It is placed
 * below or above the mark, never over it, and inside the screen (lib/marks/placement). It lives in the marks' closed
 * shadow root (components/marks/mark-layer).
 */
import { render } from 'preact';
import { copyToClipboard } from '../../entrypoints/page-ui/card';
import { SHADOW_CARD_CSS } from '../../entrypoints/page-ui/card-host';
import { type UiLanguage, uiLanguage } from '../../lib/i18n';
import { markViews } from '../../lib/marks/link-story';
import type { MarkEntry } from '../../lib/marks/mark-batcher';
import type { MarkCardUi, MarkLayerHandle } from '../../lib/marks/mark-card-contract';
import { cardPlace } from '../../lib/marks/placement';
import { headingKind } from '../../lib/sidebar/digest-label';
import { type SidebarStrings, sidebarStrings } from '../../lib/sidebar/strings';
import { detectTheme, type SidebarTheme } from '../../lib/sidebar/theme';
import { MatchCard } from '../sidebar/match-card';
import { layerFrame, layerTransform } from './mark-layer';

const WORDS: Record<UiLanguage, { close: string }> = {
  zh: { close: '关闭摘要' },
  en: { close: 'Close the summary' },
};
/** How long the pointer may be away from the mark and its card before the card closes. */
const HOVER_CLOSE_MS = 300;
/** Over every mark (marks come into the layer after the card's container, and would be drawn over it): z-index 1. */
const CARD_CSS =
  '.dl-mark-card{position:absolute;z-index:1;top:0;left:0;width:360px;max-width:calc(100vw - 16px);overflow:auto;background:var(--dl-bg);border:1px solid var(--dl-border);border-radius:12px;box-shadow:var(--dl-shadow);padding:8px}.dl-mark-card .dl-list{margin:0;padding:0;list-style:none}.dl-mark-close{position:absolute;top:4px;right:4px}';

const CARD_STYLE = `${SHADOW_CARD_CSS}\n${CARD_CSS}`;
/** What takes the keyboard in the layer: the marks (buttons) and a card's links and buttons. */
const CONTROLS = 'a[href],button';

interface MarkCardProps {
  entry: MarkEntry;
  strings: SidebarStrings;
  language: UiLanguage;
  theme: SidebarTheme;
  pinned: boolean;
  onClose(): void;
}

function MarkCard({ entry, strings, language, theme, pinned, onClose }: MarkCardProps) {
  const views = markViews(entry.key, entry.matches);
  return (
    <div class="dl-root" lang={strings.lang} dir="ltr" data-theme={theme}>
      {/* Named as the page card is: AI 日报, GitHub 热门 or both, by the items it shows. */}
      <section class="dl-mark-card" role="dialog" aria-label={strings.panelLabel[headingKind(views)]}>
        {pinned && (
          <button
            type="button"
            class="dl-button dl-mark-close"
            aria-label={WORDS[language].close}
            onClick={(event) => event.isTrusted && onClose()}
          >
            ×
          </button>
        )}
        <ol class="dl-list">
          {views.map((view) => (
            <li key={view.id} class="dl-item">
              <MatchCard view={view} strings={strings} copyText={copyToClipboard} />
            </li>
          ))}
        </ol>
        {entry.total > views.length && (
          <p class="dl-more dl-more-note">{strings.notShown(entry.total - views.length)}</p>
        )}
      </section>
    </div>
  );
}

/** Answer the marks of `layer` with their cards. */
function attach({ root, host, marks, linkOf, entryOf, site, signal }: MarkLayerHandle): void {
  const language = uiLanguage();
  const strings = sidebarStrings(language);
  const container = document.createElement('div');
  container.hidden = true;
  root.append(container);
  // Keys typed on a mark or in its card are not the page's shortcuts (here, not in the page script: every page's bytes).
  root.addEventListener('keydown', (event) => event.stopPropagation(), { signal });
  let style: HTMLStyleElement | undefined;
  let open: { mark: HTMLElement; entry: MarkEntry; pinned: boolean } | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  /** The mark whose card is open: it says so to a screen reader (aria-expanded), the others say theirs is closed. */
  let expanded: HTMLElement | undefined;

  const draw = () => {
    if (expanded !== open?.mark) {
      expanded?.setAttribute('aria-expanded', 'false');
      expanded = open?.mark;
      expanded?.setAttribute('aria-expanded', 'true');
    }
    if (!open) {
      container.hidden = true;
      return render(null, container);
    }
    // The card's stylesheet (the page card's, 8 kB) is parsed when a card first shows, not when the first mark is drawn.
    if (!style) {
      style = Object.assign(document.createElement('style'), { textContent: CARD_STYLE });
      root.prepend(style);
    }
    const theme = detectTheme(site, document, (query) => window.matchMedia(query));
    render(
      <MarkCard
        entry={open.entry}
        strings={strings}
        language={language}
        theme={theme}
        pinned={open.pinned}
        onClose={close}
      />,
      container,
    );
    position();
  };

  /**
   * Place the open card beside its mark: when drawn, and again when the mark moves (the marks follow their links
   * through resizes and scrolls, the page's own scrollers too) or the window changes size. While the mark is hidden
   * (its link scrolled out of its box, or under the page's header), so is its card; a pinned card comes back with it.
   */
  function position(): void {
    if (!open) return;
    container.hidden = open.mark.hidden;
    const card = container.querySelector<HTMLElement>('.dl-mark-card');
    if (!card || container.hidden) return;
    const { left, top, width, height } = open.mark.getBoundingClientRect();
    // In the window's pixels, as the mark's box and <html>'s client width are: a zoom on <html> scales the card's own
    // CSS pixels (its sizes and its max-height).
    const frame = layerFrame(host);
    const { zoom } = frame;
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
    card.style.maxHeight = '';
    const place = cardPlace(
      { left, top, width, height },
      { width: card.offsetWidth * zoom, height: card.scrollHeight * zoom },
      viewport,
    );
    card.style.maxHeight = `${Math.floor(place.maxHeight / zoom)}px`;
    // From the layer's own origin, as the marks are (the page's <html> may move or zoom the layer).
    card.style.transform = layerTransform(frame, place.left, place.top);
  }

  const show = (mark: EventTarget | null, pinned: boolean) => {
    clearTimeout(closeTimer);
    const entry = entryOf(mark);
    if (!entry || !(mark instanceof HTMLElement)) return;
    if (open?.mark === mark && open.pinned && !pinned) return;
    open = { mark, entry, pinned };
    draw();
  };
  function close(): void {
    clearTimeout(closeTimer);
    open = undefined;
    draw();
  }
  const closeSoon = () => {
    clearTimeout(closeTimer);
    if (open && !open.pinned) closeTimer = setTimeout(close, HOVER_CLOSE_MS);
  };
  const inCard = (target: EventTarget | null) => target instanceof Node && container.contains(target);

  const listen = { signal };
  root.addEventListener(
    'mouseover',
    (event) => {
      if (inCard(event.target)) clearTimeout(closeTimer);
      // A pinned card stays until it is closed, or another mark is clicked or focused: not when the pointer passes
      // over another mark, nor when a mark the page moved comes under a still pointer (CI, 2026-12-01: a list's box
      // scrolled its other mark under the pointer, which took the pinned card's place).
      else if (!open?.pinned) show(event.target, false);
    },
    listen,
  );
  root.addEventListener(
    'mouseout',
    (event) => {
      const next = (event as MouseEvent).relatedTarget;
      if (!inCard(next) && next !== open?.mark) closeSoon();
    },
    listen,
  );
  root.addEventListener(
    'focusin',
    (event) => {
      if (!inCard(event.target)) show(event.target, false);
    },
    listen,
  );
  root.addEventListener(
    'focusout',
    (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (!(next instanceof Node && root.contains(next))) closeSoon();
    },
    listen,
  );
  root.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || inCard(event.target)) return;
      const mark = event.target;
      if (open?.mark === mark && open.pinned) close();
      else show(mark, true);
    },
    listen,
  );
  /**
   * The keyboard. The marks' layer comes after the page's <body>, so the browser's own Tab order would meet every
   * mark, and an open card's controls, after the page's last control, and send the user from there back into the
   * page. So nothing in the layer is in that order (tabindex -1), and the layer leads the focus itself: Tab on a
   * marked link goes to its mark, then through its pinned card's controls, then on to what follows the link in the
   * page; Shift+Tab the same way back. A mark that is hidden (its link scrolled away or covered) is passed by.
   */
  const controlsOf = (mark: HTMLElement | undefined) =>
    open?.pinned && open.mark === mark ? [...container.querySelectorAll<HTMLElement>(CONTROLS)] : [];
  const shownMark = (link: EventTarget | null) => {
    const mark = marks.get(link as HTMLAnchorElement);
    return mark && !mark.hidden ? mark : undefined;
  };
  const leaveTabOrder = () => {
    for (const element of root.querySelectorAll<HTMLElement>(CONTROLS)) element.tabIndex = -1;
  };
  leaveTabOrder();
  /** Set by a Shift+Tab the page's order answers: the link it lands on hands the focus to its mark (or card). */
  let backwards = false;
  root.addEventListener(
    'keydown',
    (event) => {
      const { key, shiftKey } = event as KeyboardEvent;
      if (key !== 'Tab') return;
      backwards = false;
      const target = event.target as HTMLElement;
      const mark = inCard(target) ? open?.mark : target;
      const link = linkOf(mark ?? null);
      if (!mark || !link) return;
      // The mark, then its pinned card's controls: the layer's own order, from which Tab and Shift+Tab step.
      const order = [mark, ...controlsOf(mark)];
      const at = order.indexOf(target);
      const next = shiftKey ? (order[at - 1] ?? link) : order[at + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      } else {
        // On from the link: the browser's own Tab, which follows this handler, moves from where the focus is now.
        link.focus({ preventScroll: true });
      }
    },
    listen,
  );
  const capture = { capture: true, signal };
  window.addEventListener(
    'keydown',
    (event) => {
      // A Tab the page already answered (a dialog keeping the focus inside it) is left to the page.
      if (event.key !== 'Tab' || !event.isTrusted || event.defaultPrevented) return;
      // Inside the layer, the target is the host: the layer's own listener answers those.
      backwards = event.shiftKey;
      if (backwards) {
        setTimeout(() => {
          backwards = false;
        });
        return;
      }
      const mark = shownMark(event.target);
      if (!mark) return;
      event.preventDefault();
      mark.focus();
    },
    // After the page's own listeners: they may keep the focus (a dialog's focus trap), or stop the key.
    listen,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      if (!backwards) return;
      backwards = false;
      const mark = shownMark(event.target);
      (controlsOf(mark).at(-1) ?? mark)?.focus();
    },
    capture,
  );
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !event.isTrusted || !open) return;
      const { mark } = open;
      const focused = root.activeElement !== null;
      close();
      if (focused) mark.focus();
    },
    capture,
  );
  // A click elsewhere in the page (the page's hit test answers the host for anything inside the layer).
  window.addEventListener(
    'pointerdown',
    (event) => {
      if (open && event.isTrusted && event.target !== host) close();
    },
    capture,
  );
  window.addEventListener('resize', position, listen);
  new MutationObserver((records) => {
    // A mark or a card drawn since: out of the browser's Tab order too.
    if (records.some(({ addedNodes }) => addedNodes.length)) leaveTabOrder();
    if (!open) return;
    // The mark's link left the page (a re-render, a navigation): its card goes too.
    if (!open.mark.isConnected) close();
    // The mark moved or was hidden (the page script places the marks): the card follows.
    else if (records.some(({ target }) => target === open?.mark)) position();
  }).observe(root, { childList: true, subtree: true, attributeFilter: ['style', 'hidden'] });
}

export const markCardUi: MarkCardUi = { attach };
