/**
 * The side panel's ways in, seen from the background: what the toolbar button opens (the popup, or the panel when
 * the user chose so in options), the keyboard shortcut in panel mode, and telling open extension pages (the panel)
 * that the tab they follow changed. Chrome has `sidePanel` (MV3, 114+); Firefox has `sidebarAction` (MV2).
 */
import type { PageMessage } from '../protocol';

/** Chrome's side panel API, the parts used here. */
export interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { windowId: number } | { tabId: number }): Promise<void>;
}

/** Firefox's sidebar API, the parts used here. */
export interface FirefoxSidebarAction {
  open(): Promise<void>;
  toggle?(): Promise<void>;
}

export interface ToolbarButton {
  /** A promise in Chrome and Firefox; typed `void` for MV2's `browserAction` in the types WXT ships. */
  setPopup(details: { popup: string }): Promise<void> | void;
}

export interface PanelApis {
  sidePanel?: ChromeSidePanel;
  sidebarAction?: FirefoxSidebarAction;
  toolbar: ToolbarButton;
}

/** The toolbar's popup page (WXT's `popup` entrypoint). */
export const POPUP_PAGE = 'popup.html';

/**
 * Make the toolbar button open the panel (or the popup again). Chrome: the panel behaviour, and no popup, since a
 * popup would be shown instead. Firefox: no popup, so `browserAction.onClicked` fires and toggles the sidebar
 * (`toggleSidebarOnClick`).
 */
export async function applyToolbarBehavior(apis: PanelApis, opensPanel: boolean): Promise<void> {
  await apis.sidePanel?.setPanelBehavior({ openPanelOnActionClick: opensPanel });
  await apis.toolbar.setPopup({ popup: opensPanel ? '' : POPUP_PAGE });
}

/**
 * Open the panel from a user action (a toolbar click without popup, the keyboard shortcut). It must be called
 * synchronously inside the event's listener: both browsers refuse it once the user action is over.
 */
export function openPanelFromUserAction(apis: PanelApis, windowId: number | undefined): Promise<void> {
  if (apis.sidebarAction) return apis.sidebarAction.toggle?.() ?? apis.sidebarAction.open();
  if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** Tell this extension's open pages (the panel) something changed; no page listening is no error. */
export function tellPages(send: (message: PageMessage) => Promise<unknown>, message: PageMessage): void {
  send(message).catch(() => undefined);
}
