import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { moveFocus, NAV_ITEM_SELECTOR } from '../shared/list-navigation';
import { DayReadBar } from '../shared/ReadState';
import { OpenPanelButton } from '../sidepanel/OpenPanelButton';
import { DigestHeader } from './DigestHeader';
import { EmptyState } from './EmptyState';
import { ItemList } from './ItemList';
import { PageMatches } from './PageMatches';
import type { PopupStore } from './popup-store';
import { SearchBox } from './SearchBox';
import { SearchOutcome, SearchResults } from './SearchResults';
import { SectionTabs } from './SectionTabs';
import { StatusLine } from './StatusLine';
import { popupStrings, sectionName } from './strings';

interface Props {
  store: PopupStore;
  openOptions?: () => void;
  /** Opens the side panel (called inside the click: the browser wants a user action); no button when absent. */
  openPanel?: () => void;
  /** `panel`: the same reader laid out for the tall, narrow side panel (components/sidepanel). */
  layout?: 'popup' | 'panel';
}

export function Popup({ store, openOptions, openPanel, layout = 'popup' }: Props) {
  const strings = popupStrings(store.lang);
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  // `/` focuses the search box from anywhere but a text field.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || isTextField(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const searching = store.query.value.trim() !== '';
  const digest = store.digest.value;
  useDayPlaceKept(mainRef, searching, store);
  return (
    <div class={layout === 'panel' ? 'popup panel' : 'popup'}>
      <header class="top">
        <h1 class="app-name">{strings.appName}</h1>
        <SearchBox
          store={store}
          inputRef={searchRef}
          onArrowDown={() => mainRef.current?.querySelector<HTMLElement>(NAV_ITEM_SELECTOR)?.focus()}
        />
        {openPanel && <OpenPanelButton lang={store.lang} onClick={openPanel} />}
        {openOptions && (
          <button
            type="button"
            class="options-button"
            title={strings.options}
            aria-label={strings.options}
            onClick={openOptions}
          >
            ⚙
          </button>
        )}
      </header>
      <StatusLine store={store} />
      {store.loadError.value && (
        <p class="notice error">
          {(store.status.value?.memoryOnly ? strings.loadFailedMemory : strings.loadFailed)(
            store.loadError.value,
          )}
        </p>
      )}
      <main
        ref={mainRef}
        class="content"
        onKeyDown={(event) => {
          if (isTextField(event.target) || !mainRef.current) return;
          if (moveFocus(mainRef.current, event.key, () => searchRef.current?.focus())) event.preventDefault();
        }}
      >
        {!searching && <PageMatches store={store} />}
        <SearchOutcome store={store} />
        {searching ? (
          <SearchResults store={store} />
        ) : store.loading.value ? null : digest ? (
          <div class="digest" data-date={digest.date}>
            <DigestHeader store={store} />
            <SectionTabs store={store} />
            <DayReadBar
              readState={store.readState}
              date={digest.date}
              section={store.section.value}
              items={store.sectionItems.value}
              lang={store.lang}
              tabName={sectionName(strings, store.section.value)}
              // The next Tab stop after the button, whose name now says 已读.
              focusAfter={() => mainRef.current?.querySelector(`[role="tabpanel"] ${NAV_ITEM_SELECTOR}`)}
            />
            <ItemList key={`${digest.date}/${store.section.value}`} store={store} />
          </div>
        ) : (
          <EmptyState store={store} openOptions={openOptions} />
        )}
      </main>
    </div>
  );
}

/**
 * The day's list is not drawn while a search shows, so the reader's scroll was lost with it (QA 13: 320 px down
 * before a search, at the top after Esc). Where it was scrolled before the search is given back when the search is
 * cleared, unless a hit was opened: its row is scrolled to (ItemList). Runs after ItemList's own start-at-the-top.
 */
function useDayPlaceKept(
  mainRef: RefObject<HTMLElement | null>,
  searching: boolean,
  store: PopupStore,
): void {
  const dayTop = useRef(0);
  const wasSearching = useRef(searching);
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    // Read while the day shows: a search's results, and the browser clamping the scroll to them, are not the day.
    const onScroll = () => {
      if (store.query.peek().trim() === '') dayTop.current = main.scrollTop;
    };
    main.addEventListener('scroll', onScroll, { passive: true });
    return () => main.removeEventListener('scroll', onScroll);
  }, [mainRef, store]);
  useLayoutEffect(() => {
    const cleared = wasSearching.current && !searching;
    wasSearching.current = searching;
    if (cleared && !store.focusTarget.peek() && mainRef.current) mainRef.current.scrollTop = dayTop.current;
  }, [mainRef, searching, store]);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
