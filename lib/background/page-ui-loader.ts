/**
 * Loads the page UI chunk (entrypoints/page-ui: Preact, the card, its CSS) into the one document that needs it: the
 * frame whose lookup matched, or the tab where the user pressed the card's shortcut. The lean page script waits for
 * it (lib/page-ui/contract.ts). No web-accessible resource is involved, so no page can probe for the extension.
 * The served sites' content-script matches are what allows the injection; on any other page it fails, and nothing
 * is loaded.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { MessageSender } from './router';

/** The UI chunk as WXT writes it (an unlisted script). */
export const PAGE_UI_FILE = '/page-ui.js';

export interface PageUiTarget {
  tabId: number;
  /** 0 for the tab's top frame. */
  frameId: number;
  /** Chrome: the exact document that asked, so a tab navigated meanwhile gets nothing. */
  documentId?: string;
}

export type LoadPageUi = (target: PageUiTarget) => Promise<void>;

/** The document a lookup came from; undefined when the sender is not in a tab (an extension page). */
export function senderTarget(sender: MessageSender): PageUiTarget | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  return {
    tabId,
    frameId: sender.frameId ?? 0,
    ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }),
  };
}

export const loadPageUi: LoadPageUi = (target) => executeFile(target, PAGE_UI_FILE);

/**
 * Run one of the extension's scripts (`/name.js`) in a document, in the extension's isolated world: `scripting`
 * (Chrome MV3, Firefox 102+), else MV2's `tabs.executeScript`. Also how the all-sites grant gives the page script to
 * the tabs already open (lib/all-sites/browser-registry.ts).
 */
export async function executeFile(
  { tabId, frameId, documentId }: PageUiTarget,
  file: ScriptPublicPath,
): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({
      target:
        documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] },
      files: [file],
      // Without it Chrome waits for the page's load to finish (document_idle): the card would wait for the page.
      injectImmediately: true,
    });
    return;
  }
  await browser.tabs.executeScript(tabId, { file, frameId, runAt: 'document_start' });
}

/** How many documents the worker remembers having given the chunk (the oldest is forgotten first). */
const REMEMBERED_DOCUMENTS = 500;

/**
 * Each document gets the chunk once: an in-app navigation to another matching page (GitHub, X and Hugging Face are
 * single-page apps) looks up again, and its page script already has the UI. Only documents Chrome names are
 * remembered; elsewhere the chunk runs again and, finding itself registered, changes nothing. A worker that stopped
 * forgets them, with the same result.
 */
export function oncePerDocument(load: LoadPageUi, remembered = REMEMBERED_DOCUMENTS): LoadPageUi {
  const loaded = new Set<string>();
  return async (target) => {
    const { documentId } = target;
    if (documentId === undefined) return load(target);
    if (loaded.has(documentId)) return;
    loaded.add(documentId);
    if (loaded.size > remembered) loaded.delete(loaded.values().next().value as string);
    try {
      await load(target);
    } catch (error) {
      loaded.delete(documentId);
      throw error;
    }
  };
}
