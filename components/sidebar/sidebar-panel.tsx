import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/protocol';
import type { CardLayout, SiteId } from '../../lib/schema';
import { headingKind } from '../../lib/sidebar/digest-label';
import { groupViews, type MatchView, type RelatedKind } from '../../lib/sidebar/match-view';
import { atOnce, holdRoom, type RoomSide, roomSide } from '../../lib/sidebar/page-room';
import type { SidebarStrings } from '../../lib/sidebar/strings';
import type { SidebarTheme } from '../../lib/sidebar/theme';
import { afterNextPaint } from '../../lib/ui/next-paint';
import { CollapseAndClose } from './card-controls';
import { CompactBar } from './compact-bar';
import { MatchCard } from './match-card';

export interface SidebarPanelProps {
  views: MatchView[];
  strings: SidebarStrings;
  theme: SidebarTheme;
  collapsed: boolean;
  onCollapse: () => void;
  onExpand: () => void;
  onClose: () => void;
  /** How many cards there are in all (the lookup's `total`); more than `views` when the lookup was bounded. */
  total: number;
  /** How many more cards `onMore` asks for; 0 when no more can be asked (the lookup's largest limit). */
  nextBatch: number;
  onMore: () => void;
  copyText: (text: string) => Promise<boolean>;
  /** What the page's other items share with it (its repo, model, account), named on their fold. */
  relatedKind?: RelatedKind;
  /** The keyboard shortcut that collapses and expands the card, named in those buttons; none when it has no key. */
  shortcut?: string;
  /** How the open card is shown, as remembered (the lookup's `layout`); docked when absent. */
  layout?: CardLayout;
  /** The page's site: whether its columns can get narrower decides where the docked card goes (page-room). */
  site?: SiteId | null;
  /** Remember the layout the user chose; by default through the background, like the collapse. */
  saveLayout?: (layout: CardLayout) => void;
}

const rememberLayout = (layout: CardLayout) =>
  void send('setCardCollapsed', { collapsed: false, layout }).catch(() => undefined);

/** The card's own host element in the page (its shadow root's host): the page's fixed elements are the others. */
const hostOf = (element: Element | null) => {
  const root = element?.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
};

/**
 * Runs `action` only for an event the user made. The page's scripts can dispatch clicks and key presses anywhere
 * they reach, never trusted ones: a synthetic Escape or click must not collapse or close the card.
 */
const byUser = (action: () => void) => (event: Event) => {
  if (event.isTrusted) action();
};

/**
 * The sidebar: the matching items, docked where the page made room for them (a panel in a right strip, or the first
 * item in a bar above the page where the page's columns can't get narrower), over the page when the user chose so,
 * or a small tab on the right edge when collapsed. The controller owns the items and the collapse and moves the
 * focus; the panel owns where it is docked (it depends on the page's layout) and the layout the user chose.
 */
export function SidebarPanel(props: SidebarPanelProps) {
  const { views, strings, theme, collapsed, nextBatch } = props;
  const [layout, setLayout] = useState<CardLayout>(props.layout ?? 'docked');
  const [side, setSide] = useState<RoomSide>(() => roomSide(props.site, window.innerWidth));
  const rootRef = useRef<HTMLElement>(null);
  const docked = !collapsed && layout === 'docked';
  const room = useRef<ReturnType<typeof holdRoom> | undefined>(undefined);
  /** The card has been drawn: a room made later (another side, docked again) moves the fixed elements at once. */
  const drawn = useRef(false);
  useLayoutEffect(() => {
    if (!docked) return;
    const later = drawn.current ? atOnce : afterNextPaint;
    drawn.current = true;
    room.current = holdRoom(side, props.site, hostOf(rootRef.current), setSide, later);
    return () => {
      room.current?.release();
      room.current = undefined;
    };
  }, [docked, side, props.site]);
  // A new page in the same document (the cards changed): its fixed elements may be new ones. Not on the first
  // render: the room just made looks for them itself, after the card's first frame.
  const roomViews = useRef(views);
  useLayoutEffect(() => {
    if (roomViews.current === views) return;
    roomViews.current = views;
    room.current?.refresh();
  }, [views]);
  const choose = (next: CardLayout) => {
    setLayout(next);
    (props.saveLayout ?? rememberLayout)(next);
    // After the re-render (queued before this): the focus goes to the control that changes it back.
    void Promise.resolve().then(() =>
      rootRef.current?.querySelector<HTMLElement>(next === 'over' ? '.dl-layout' : '.dl-collapse')?.focus(),
    );
  };
  const shape = collapsed ? 'collapsed' : layout === 'over' ? 'over' : side;
  const total = Math.max(props.total, views.length);
  const heading = headingKind(views);
  const remaining = total - views.length;
  const { own, others, othersTotal } = groupViews(views, total);
  const named = (label: string) => (props.shortcut ? strings.withShortcut(label, props.shortcut) : label);
  const expandLabel = named(strings.expand(total));
  const collapseLabel = named(strings.collapse);
  const more =
    remaining > 0 &&
    (nextBatch > 0 ? (
      <button
        type="button"
        class="dl-more"
        aria-label={strings.moreLabel(remaining, nextBatch)}
        onClick={byUser(props.onMore)}
      >
        {strings.more(remaining)}
      </button>
    ) : (
      <p class="dl-more dl-more-note">{strings.notShown(remaining)}</p>
    ));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || collapsed || !event.isTrusted) return;
    event.preventDefault();
    event.stopPropagation();
    props.onCollapse();
  };

  return (
    <aside
      class="dl-root"
      lang={strings.lang}
      // `all: initial` on the host resets everything but `direction`: an RTL page would mirror the panel.
      dir="ltr"
      data-theme={theme}
      data-state={collapsed ? 'collapsed' : 'open'}
      data-layout={shape}
      aria-label={strings.panelLabel[heading]}
      onKeyDown={onKeyDown}
      ref={rootRef}
    >
      {collapsed ? (
        <button
          type="button"
          class="dl-tab"
          aria-expanded="false"
          aria-label={expandLabel}
          title={expandLabel}
          onClick={byUser(props.onExpand)}
        >
          <span aria-hidden="true">‹</span>
          <span class="dl-tab-count">{total}</span>
        </button>
      ) : shape === 'top' && views[0] ? (
        <CompactBar
          view={views[0]}
          total={total}
          strings={strings}
          collapseLabel={collapseLabel}
          onOpen={byUser(() => choose('over'))}
          onCollapse={byUser(props.onCollapse)}
          onClose={byUser(props.onClose)}
        />
      ) : (
        <div class={shape === 'right' ? 'dl-panel dl-docked' : 'dl-panel'}>
          <header class="dl-header">
            <h2 class="dl-heading">
              {strings.heading[heading]}
              <span class="dl-count">{strings.itemCount(total)}</span>
            </h2>
            <button
              type="button"
              class="dl-button dl-layout"
              aria-label={layout === 'over' ? strings.dock : strings.floatOver}
              title={layout === 'over' ? strings.dock : strings.floatOver}
              onClick={byUser(() => choose(layout === 'over' ? 'docked' : 'over'))}
            >
              <LayoutIcon over={layout === 'over'} />
            </button>
            <CollapseAndClose
              strings={strings}
              collapseLabel={collapseLabel}
              onCollapse={byUser(props.onCollapse)}
              onClose={byUser(props.onClose)}
            />
          </header>
          {own.length > 0 && othersTotal > 0 ? (
            <ol class="dl-list">
              {cardItems(own, props)}
              <li key={`related:${own[0]?.id}`} class="dl-item">
                {/* Folded: a pull request's page is about that pull request, not its repo's other news. */}
                <details class="dl-related">
                  <summary class="dl-related-summary">
                    {strings.related(props.relatedKind ?? 'page', othersTotal)}
                  </summary>
                  <ol class="dl-list dl-related-list">{cardItems(others, props)}</ol>
                  {more}
                </details>
              </li>
            </ol>
          ) : (
            <>
              <ol class="dl-list">{cardItems(views, props)}</ol>
              {more}
            </>
          )}
        </div>
      )}
    </aside>
  );
}

/** Drawn, not a glyph (⧉ has no face in many CJK fonts): a page with its strip (dock), or a card over a page. */
function LayoutIcon({ over }: { over: boolean }) {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor">
      <rect x="1.5" y="3.5" width="15" height="11" rx="1.5" />
      {over ? (
        <rect x="11" y="3.5" width="5.5" height="11" fill="currentColor" />
      ) : (
        <rect x="7.5" y="6.5" width="7" height="6" rx="1" fill="currentColor" />
      )}
    </svg>
  );
}

function cardItems(views: readonly MatchView[], props: SidebarPanelProps) {
  return views.map((view) => (
    <li key={view.id} class="dl-item">
      <MatchCard view={view} strings={props.strings} copyText={props.copyText} />
    </li>
  ));
}
