import { useEffect, useRef } from 'preact/hooks';
import { Popup } from '../popup/Popup';
import type { PanelStore } from './panel-store';

interface Props {
  store: PanelStore;
  openOptions?: () => void;
}

/**
 * The docked reader: the popup's reader laid out for the side panel. A plain click on a link opens it in the tab the
 * panel follows (the panel stays open, then leads with that page's items); a click with a modifier key, or a
 * middle click, is left to the browser, which opens a new tab.
 */
export function SidePanel({ store, openOptions }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const page = store.pageMatches.value;

  // The page's items are shown on top: bring the top into view when they change (a tab switch, a link followed).
  useEffect(() => {
    if (page) rootRef.current?.querySelector('.content')?.scrollTo?.({ top: 0 });
  }, [page]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates the clicks of the links inside, which are focusable
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link is a click; Enter on a row opens it (ItemCard)
    <div
      ref={rootRef}
      class="side-panel"
      onClick={(event) => {
        const url = plainLinkClick(event);
        if (!url) return;
        event.preventDefault();
        store.openItemLink(url);
      }}
    >
      <Popup store={store} openOptions={openOptions} layout="panel" />
    </div>
  );
}

/** The URL of an outgoing link clicked without a modifier key, or null (left to the browser). */
export function plainLinkClick(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a[href][target="_blank"]') : null;
  return link instanceof HTMLAnchorElement ? link.href : null;
}
