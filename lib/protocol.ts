/**
 * The one message protocol between the extension's pages and its background, declared once, by direction.
 * Pages call `send('lookup', { … })`; the background validates every payload with `requestSchemas` (lib/schema.ts)
 * and answers with an envelope, so an error reaches the caller as words instead of `undefined`.
 *
 * This file is imported by the content script: it may only `import type` from the schema module (no zod at run time).
 */
import { browser } from 'wxt/browser';
import type { LocalizedText } from './i18n';
import type {
  ArchiveImportStatus,
  CardLayout,
  DayReadState,
  DigestKind,
  DigestSummary,
  ExportFile,
  ItemRef,
  Match,
  SearchHit,
  Section,
  SiteId,
  StoredDigest,
  SyncStatus,
} from './schema';
import type { RelatedKind } from './sidebar/match-view';

/** A tab's page matches (本页相关), as the background learnt them from the page's lookup. */
export interface PageMatchesAnswer {
  matches: Match[];
  /** The cards there are in all (more than `matches` when the lookup was bounded). */
  total: number;
  /** How many of `matches`, the first, are the page's own story; 0 (or absent) when none or all are alike. */
  own?: number;
  /** What the others are to the page (its repository's, its account's…), for the readers' fold. */
  related?: RelatedKind;
}

/** Messages from the content script, the popup and the options page to the background: request → response. */
export interface BackgroundProtocol {
  /**
   * The items matching a page. The content script sends the page's identity keys (lib/links), never its URL.
   * The background also sets the sender tab's badge to the number of matches (cleared on zero). `mode` says what
   * the sidebar should do: open, only badge, or nothing (the site is switched off in options).
   * The answer is bounded: the matches of at most `limit` cards (one per story, newest first; default
   * `LOOKUP_CARD_LIMIT`), and `total` says how many cards there are in all, so the card can offer "更多 N 条".
   * `collapsed` is the card's remembered collapse state. `pageStory` is the page's own story key (lib/story.ts, a
   * key like the others, never the URL with its query): its cards come first, and the badge counts them when there
   * are any (a pull request's items, not every item about its repo). `shortcut` is the card's keyboard shortcut as
   * the browser has it (the user may change it; absent when it has none), which content scripts cannot read.
   */
  lookup: {
    request: { keys: string[]; site: SiteId | null; limit?: number; pageStory?: string };
    response: {
      matches: Match[];
      mode: 'auto' | 'badge' | 'off';
      total: number;
      collapsed: boolean;
      /** The card's remembered layout when it is `over` the page; absent means docked (the default). */
      layout?: CardLayout;
      shortcut?: string;
    };
  };
  /**
   * The page card's collapse memory (the one preference a content script may change, after a real click or key):
   * `collapsed` in the lookup's answer reads it back. Content scripts may send `lookup` and this, nothing else.
   * With `layout`, also how the open card is shown (docked, or over the page), read back as the lookup's `layout`.
   */
  setCardCollapsed: {
    request: { collapsed: boolean; layout?: CardLayout };
    response: { collapsed: boolean; layout?: CardLayout };
  };
  /**
   * Marks on links (lib/marks): the identity keys of links found on the page (never their URLs), batched at most
   * one message per frame. The answer lists the keys that match stored items, each with its first cards (the hover
   * card's) and how many in all; `on` is false when marks are off for the site; `stamp` changes when the library
   * (or the settings) changed, so the page drops the answers it kept and asks again. No badge, no page memory.
   */
  markLookup: {
    request: { keys: string[]; site: SiteId | null };
    response: { marks: { key: string; matches: Match[]; total: number }[]; on: boolean; stamp: string };
  };
  /**
   * What the tab's page matched, as its content script's last lookup answered (the same bounded cards and total),
   * for the popup's 本页相关; none when the tab has not looked anything up. Extension pages only.
   */
  /**
   * What the tab's page matched: `own` of the matches (the first) are the page's own story (a pull request's, a
   * tweet's), the others `related` to it (its repository's, its account's); the readers fold the others then.
   */
  pageMatches: { request: { tabId: number }; response: PageMatchesAnswer };
  /**
   * The tab the side panel follows: the web page the user is on in the panel's window (`windowId`; any window's when
   * absent), never the asking page's own tab nor another extension page; null when there is none. Its id only, as
   * `tabs.onActivated` gave it (no `tabs` permission). Extension pages only.
   */
  currentTab: { request: { windowId?: number }; response: { tabId: number | null } };
  /** The newest stored digest, for the popup's first screen. */
  latestDigest: { request: undefined; response: { digest: StoredDigest | null } };
  /** One stored digest by its date: the AI digest, or the day's GitHub 热门 with `kind: 'github-trending'`. */
  digest: { request: { date: string; kind?: DigestKind }; response: { digest: StoredDigest | null } };
  /** Every day with a stored digest and its AI item counts, newest first (a day with only GitHub 热门: 0 and 0). */
  listDigests: { request: undefined; response: { digests: DigestSummary[] } };
  /**
   * Substring search over titles, summaries, link names and name aliases of all stored digests: title hits first,
   * then newest; one hit per story (lib/background/search.ts).
   */
  search: { request: { query: string; limit?: number }; response: { hits: SearchHit[]; total: number } };
  /** Start a sync (or join the running one) and answer when it ends. */
  syncNow: { request: undefined; response: SyncStatus };
  /** The sync status as stored, without syncing. */
  status: { request: undefined; response: SyncStatus };
  /** Start importing the historical archive; progress is in `importStatus` and storage key `archiveImport`. */
  importArchive: { request: undefined; response: ArchiveImportStatus };
  cancelImport: { request: undefined; response: ArchiveImportStatus };
  importStatus: { request: undefined; response: ArchiveImportStatus };
  /** Every stored digest as one JSON document. */
  exportData: { request: undefined; response: ExportFile };
  /**
   * Merge an exported file, all of it or (when interrupted or cleared meanwhile) none: new dates are added, a stored
   * digest is never replaced by an older one. `rejected` lists in words the file's entries that were not valid
   * (absent when every entry was); the valid ones are imported.
   */
  importData: {
    request: { file: unknown };
    response: { added: number; updated: number; kept: number; rejected?: LocalizedText[] };
  };
  /**
   * Save the retention days the options page had typed and not saved when it closed (sent on its `pagehide`, beside
   * its own write): Firefox drops an object a closing page writes to `storage.local` (strings and numbers land; seen
   * 2026-12 on Firefox ESR 153). Nothing is written when the days are stored already. Extension pages only.
   */
  saveRetention: { request: { retentionDays: number }; response: { retentionDays: number } };
  /** Delete every stored digest, the sync bookkeeping and what was read (settings stay). */
  clearData: { request: undefined; response: { cleared: number } };
  /**
   * The read state (issue 13) of each stored day of `dates` (a day with no digest stored is left out), over both its
   * digests (AI and GitHub 热门): how many items it has, how many are unread, which are read, and the same counts per
   * section (`sections.trending` is the 热门 tab's). Items are read by story (lib/read-state/read-key.ts). Extension
   * pages only.
   */
  readState: { request: { dates: string[] }; response: { days: DayReadState[] } };
  /**
   * The user opened these items from the reader (popup, side panel): they are read, and so is each one's story. A
   * `trending` item is the day's GitHub 热门 item of that rank.
   */
  markRead: { request: { items: ItemRef[] }; response: { marked: number } };
  /** 全部标为已读: every item of the day `date` (the day the reader shows), of both digests, or of `section` only. */
  markDayRead: { request: { date: string; section?: Section }; response: { marked: number } };
}

export type MessageType = keyof BackgroundProtocol;

/** The cards a lookup answers with unless it asks for more; and the most it may ask for. */
export const LOOKUP_CARD_LIMIT = 20;
export const LOOKUP_CARD_LIMIT_MAX = 500;
/** The cards a mark's answer carries per key, and the most keys one `markLookup` may ask. */
export const MARK_CARD_LIMIT = 3;

/**
 * The longest search query the background takes (the search box takes no more, and a longer one is cut there). Here,
 * not beside its schema: the readers import it, and the schema module would bring zod into their script.
 */
export const SEARCH_QUERY_MAX = 200;
export const MARK_KEYS_MAX = 2000;
export type RequestOf<K extends MessageType> = BackgroundProtocol[K]['request'];
export type ResponseOf<K extends MessageType> = BackgroundProtocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Messages from the background to a tab's content script (through `tabs.sendMessage`, no `tabs` permission): the
 * card's shortcut, or look the page up again (the library was cleared or imported, or the settings changed).
 */
export type ContentMessage = { type: 'toggleSidebar' } | { type: 'lookAgain' };

/**
 * Messages from the background to this extension's open pages (the popup, the side panel), through
 * `runtime.sendMessage`, which content scripts never receive: the user switched tabs, a tab's page matches changed
 * (a lookup, a closed tab), the library was cleared or imported (an open reader reads it again), the archive import
 * stored days (an open reader lists its days again, staying on the one it shows), or what was read changed (an item
 * opened or 全部标为已读 in another reader, a page visited: an open reader asks its days again).
 */
export type PageMessage =
  | { type: 'activeTabChanged' }
  | { type: 'pageMatchesChanged'; tabId: number }
  | { type: 'libraryReplaced' }
  | { type: 'digestsAdded' }
  | { type: 'readStateChanged' };

/**
 * Send one message to the background and unwrap its reply; a failure is thrown as an error in words (a plain `Error`:
 * this runs in the page script on every page, where each byte counts, and nothing tells its errors apart).
 */
export async function send<K extends MessageType>(
  type: K,
  ...payload: RequestOf<K> extends undefined ? [] : [RequestOf<K>]
): Promise<ResponseOf<K>> {
  const envelope = { type, payload: payload[0] } as Envelope<K>;
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error(`The background did not answer "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** True when a message comes from this extension's own pages or content scripts, never from a web page. */
export function isFromThisExtension(sender: { id?: string } | undefined, extensionId: string): boolean {
  return sender?.id === extensionId;
}
