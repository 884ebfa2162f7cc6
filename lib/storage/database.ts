/**
 * The background's IndexedDB database. Only the background opens it (a content script would open the page's own).
 * Upgrades are `if (oldVersion < N)` steps that migrate what is stored, never wipe it.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { DigestKind } from '../schema';
import { type DigestSummaryRecord, summaryOf, validatedDigest } from './digest-record';
import { type ItemRecord, itemRecordsOf } from './item-records';
import type { ReadRecord } from './read-state-store';

export const DATABASE_NAME = 'digest-lens';
export const DATABASE_VERSION = 7;

/** What the fetcher remembers about one document URL between syncs. */
export interface DocumentRecord {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the URL last answered 404; an old day's 404 is not asked again. */
  notFoundAt?: number;
  /** The digest the validators belong to: they are only sent while it is still stored. */
  digestDate?: string;
  /** Its kind, when not an AI digest (records written before version 6 are all about AI digests). */
  digestKind?: DigestKind;
}

export interface DigestLensDB extends DBSchema {
  /** One row per digest date: a `StoredDigest` (lib/schema.ts), validated whenever it is read back. */
  digests: { key: string; value: unknown };
  items: {
    key: [string, number];
    value: ItemRecord;
    indexes: { byKey: string; byDate: string; byPrimaryKey: string };
  };
  documents: { key: string; value: DocumentRecord; indexes: { byDigestDate: string; byNotFoundAt: number } };
  /**
   * Since version 4, one small row per valid digest (its date, source and item counts), written in the same
   * transaction as the digest: the popup's list and the counts read these instead of validating every digest.
   */
  summaries: { key: string; value: DigestSummaryRecord };
  /** Since version 6, the GitHub 热门 digests, their index entries and summaries, beside the AI digests' stores. */
  trendingDigests: { key: string; value: unknown };
  trendingItems: {
    key: [string, number];
    value: ItemRecord;
    indexes: { byKey: string; byDate: string; byPrimaryKey: string };
  };
  trendingSummaries: { key: string; value: DigestSummaryRecord };
  /** Since version 5, one row per story (or item) the user has read (lib/storage/read-state-store.ts). */
  reads: { key: string; value: ReadRecord };
}

export type DigestDatabase = IDBPDatabase<DigestLensDB>;

/**
 * Each digest kind's stores: a digest of either kind is keyed by its date, so each kind has its own three (the AI
 * digest keeps the stores it always had). The same shapes, so code written for one kind serves both.
 */
export const KIND_STORES = {
  ainews: { digests: 'digests', items: 'items', summaries: 'summaries' },
  'github-trending': { digests: 'trendingDigests', items: 'trendingItems', summaries: 'trendingSummaries' },
} as const satisfies Record<DigestKind, Record<string, StoreNames<DigestLensDB>>>;

export const DIGEST_KINDS = Object.keys(KIND_STORES) as DigestKind[];

/** Every kind's stores: a write or a clear spans them all, so an import of both kinds is all or nothing. */
export const ALL_DIGEST_STORES = DIGEST_KINDS.flatMap((kind) => Object.values(KIND_STORES[kind]));
type UpgradeTransaction = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'versionchange'>;

export function openDigestDatabase(name = DATABASE_NAME): Promise<DigestDatabase> {
  return openDB<DigestLensDB>(name, DATABASE_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('digests', { keyPath: 'date' });
        const items = db.createObjectStore('items', { keyPath: ['date', 'position'] });
        items.createIndex('byKey', 'keys', { multiEntry: true });
        items.createIndex('byDate', 'date');
      }
      if (oldVersion < 2) {
        // Version 2: fetch bookkeeping (validators, remembered 404s) and the primary key behind `alsoIn`.
        db.createObjectStore('documents', { keyPath: 'url' });
        transaction.objectStore('items').createIndex('byPrimaryKey', 'primaryKey');
      }
      // Version 3: a GitHub item's primary key is its link's URL, not its repo (lib/story.ts). The items of a version
      // 1 or 2 database (no primary key, or the repo's) are rewritten once, by the version 7 step below.
      if (oldVersion < 4) {
        // Version 4: summaries of the valid digests, and the documents findable by the digest they describe (pruned
        // with it) and by the time of their 404 (forgotten when old).
        const documents = transaction.objectStore('documents');
        documents.createIndex('byDigestDate', 'digestDate');
        documents.createIndex('byNotFoundAt', 'notFoundAt');
        db.createObjectStore('summaries', { keyPath: 'date' });
        if (oldVersion >= 1) await summarizeDigests(transaction);
      }
      if (oldVersion < 5) {
        // Version 5: what the user has read (issue 13), beside the digests; nothing stored before changes.
        db.createObjectStore('reads', { keyPath: 'key' });
      }
      if (oldVersion < 6) {
        // Version 6: stores of their own for the GitHub 热门 digests (issue 16); the AI digests stay where they are.
        db.createObjectStore('trendingDigests', { keyPath: 'date' });
        const items = db.createObjectStore('trendingItems', { keyPath: ['date', 'position'] });
        items.createIndex('byKey', 'keys', { multiEntry: true });
        items.createIndex('byDate', 'date');
        items.createIndex('byPrimaryKey', 'primaryKey');
        db.createObjectStore('trendingSummaries', { keyPath: 'date' });
      }
      if (oldVersion >= 1 && oldVersion < 7) {
        // Version 7: new identity keys (issue 14: Reddit threads, YouTube videos, alphaXiv papers, tweet mirrors; HF
        // listings, placeholders and the digest's own issue pages match nothing), so stored digests match under them.
        // Every index entry is rewritten from its digest under today's rules: this also brings version 1 and 2
        // entries to version 3's primary keys, so no earlier step reindexes.
        await reindexItems(transaction);
      }
    },
  });
}

/**
 * Rebuild every item record from the stored digests (in the upgrade's own transaction). The records hold identity
 * keys computed by lib/links when each digest was written: when those rules change, the new version's step calls this
 * for every older database (in place of the previous version's call: one reindex per upgrade, whatever the old
 * version) so that stored digests match under the new keys.
 */
async function reindexItems(transaction: UpgradeTransaction): Promise<void> {
  for (const kind of DIGEST_KINDS) {
    const stores = KIND_STORES[kind];
    // A kind whose stores a later step creates has nothing to reindex yet.
    if (!transaction.objectStoreNames.contains(stores.items)) continue;
    const items = transaction.objectStore(stores.items);
    await items.clear();
    let cursor = await transaction.objectStore(stores.digests).openCursor();
    while (cursor) {
      const digest = cursor.value as { date?: unknown; items?: unknown };
      if (typeof digest.date === 'string' && Array.isArray(digest.items)) {
        const records = itemRecordsOf({ kind, date: digest.date, items: digest.items.map(linksOf) });
        for (const record of records) await items.put(record);
      }
      cursor = await cursor.continue();
    }
  }
}

/**
 * Write the summary of every valid stored digest, and drop the fetch bookkeeping of digests no longer stored (their
 * validators are never sent again: lib/sync/sync-document.ts asks conditionally only while the digest is stored).
 */
async function summarizeDigests(transaction: UpgradeTransaction): Promise<void> {
  const summaries = transaction.objectStore('summaries');
  const stored = new Set<string>();
  let cursor = await transaction.objectStore('digests').openCursor();
  while (cursor) {
    const digest = validatedDigest(cursor.value);
    if (digest) {
      stored.add(digest.date);
      await summaries.put(summaryOf(digest));
    }
    cursor = await cursor.continue();
  }
  let document = await transaction.objectStore('documents').openCursor();
  while (document) {
    const { digestDate } = document.value as { digestDate?: unknown };
    if (typeof digestDate === 'string' && !stored.has(digestDate)) await document.delete();
    document = await document.continue();
  }
}

/** The links of an item as stored by any earlier version; a damaged item keeps its position with no links. */
function linksOf(item: unknown): { links: string[] } {
  const links = typeof item === 'object' && item !== null ? (item as { links?: unknown }).links : undefined;
  return { links: Array.isArray(links) ? links.filter((link) => typeof link === 'string') : [] };
}
