/**
 * Opening the side panel from an extension page (the popup's button, the options page). Both browsers accept it only
 * inside the user's click, so nothing may be awaited first: Chrome's `sidePanel.open` needs the window's id, asked
 * for as the page opens; Firefox's `sidebarAction.open` needs nothing.
 */

export interface PanelOpenApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * A function to call inside a click that opens the panel (then `opened`, e.g. closing the popup), or undefined
 * where the browser has no side panel for extensions.
 */
export function createPanelOpener(
  apis: PanelOpenApis,
  currentWindow: () => Promise<{ id?: number }>,
  opened: () => void = () => undefined,
): (() => void) | undefined {
  const { sidePanel, sidebarAction } = apis;
  if (!sidePanel && !sidebarAction) return undefined;
  let windowId: number | undefined;
  const known = sidePanel
    ? currentWindow()
        .then((window) => {
          windowId = window.id;
        })
        .catch(() => undefined)
    : Promise.resolve();
  return () => {
    let opening: Promise<void>;
    if (sidebarAction) opening = sidebarAction.open();
    else if (windowId !== undefined) opening = sidePanel?.open({ windowId }) ?? Promise.resolve();
    // Clicked before the window was known (within milliseconds of opening): try once it is.
    else opening = known.then(() => (windowId === undefined ? undefined : sidePanel?.open({ windowId })));
    opening.then(opened, (error: unknown) =>
      console.warn('[digest-lens] could not open the side panel', error),
    );
  };
}
