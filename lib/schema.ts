/**
 * The one schema module. Every shape that crosses a trust boundary — a parsed digest, a record read back from
 * IndexedDB, an exported file, a message payload, the stored settings and status — is declared here once, and its
 * TypeScript type is inferred from it. zod is large: the content script may only `import type` from this file.
 */
import { z } from 'zod';
import { SEARCH_QUERY_MAX } from './protocol';

// zod's JIT compiles parsers with `new Function`, which an extension's CSP refuses (Firefox logs even the probe):
// validate without it. Set here, before any schema is used; lib/build/zod-without-eval.ts removes the code from bundles.
z.config({ jitless: true });

/** Words in every UI language (lib/i18n.ts `LocalizedText`); a plain string is what earlier versions stored. */
export const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });

/** The two shapes of string below, by which an import's refusal is put in words (lib/background/import-issue.ts). */
export const DIGEST_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s]+$/i;

export const digestDateSchema = z.string().regex(DIGEST_DATE_PATTERN, 'not a YYYY-MM-DD date');
export const httpUrlSchema = z.string().regex(HTTP_URL_PATTERN, 'not an absolute http(s) URL');

// ---------------------------------------------------------------------------------------------------------------
// The parser's output (lib/digest)

/** Which digest a document is: the AI digest (AINews, 新闻 and 工具) or the daily GitHub 热门 (trending repositories). */
export const digestKindSchema = z.enum(['ainews', 'github-trending']);

/** An item's section: the AI digest's two, or `trending` for every item of a GitHub 热门 digest (ranked 1…N). */
export const sectionSchema = z.enum(['news', 'tools', 'trending']);

export const itemSchema = z.object({
  section: sectionSchema,
  rank: z.number().int().positive(),
  title: z.string(),
  summary: z.string(),
  links: z.array(httpUrlSchema),
});

export const digestSchema = z.object({
  kind: digestKindSchema,
  date: digestDateSchema.nullable(),
  issueUrl: httpUrlSchema.nullable(),
  items: z.array(itemSchema),
});

export const problemSchema = z.object({
  line: z.number().int().nonnegative(),
  message: z.string(),
});

export const parseResultSchema = z.object({
  digest: digestSchema.nullable(),
  problems: z.array(problemSchema),
});

export type DigestKind = z.infer<typeof digestKindSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Digest = z.infer<typeof digestSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type ParseResult = z.infer<typeof parseResultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// What the background stores (lib/storage)

/** One stored digest: the `digests` store, keyed by `date`. */
export const storedDigestSchema = z.object({
  /** Absent in digests stored before there were two kinds: those are all AI digests. */
  kind: digestKindSchema.default('ainews'),
  date: digestDateSchema,
  issueUrl: httpUrlSchema.nullable(),
  items: z.array(itemSchema),
  /** Where it came from: a source id (`dated`, `homepage`, `archive`, `custom:<id>`, `import`) and the document URL. */
  sourceId: z.string(),
  sourceUrl: z.string(),
  fetchedAt: z.number(),
  /** Hash of the document text, so an unchanged document is not rewritten. */
  contentHash: z.string(),
  problems: z.array(problemSchema),
});
export type StoredDigest = z.infer<typeof storedDigestSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Settings (lib/settings.ts owns defaults, load and save)

export const siteIdSchema = z.enum(['x', 'github', 'huggingface']);
export type SiteId = z.infer<typeof siteIdSchema>;

export const customSourceSchema = z.object({
  id: z.string().min(1),
  /** A URL template containing `{date}`, or the URL of one document. */
  url: httpUrlSchema,
  enabled: z.boolean(),
  addedAt: z.number(),
});
export type CustomSource = z.infer<typeof customSourceSchema>;

export const settingsSchema = z.object({
  /** `trending`: the GitHub 热门 digest's dated files (absent in settings stored before it existed: on). */
  sources: z.object({ dated: z.boolean(), homepage: z.boolean(), trending: z.boolean().default(true) }),
  customSources: z.array(customSourceSchema),
  syncIntervalHours: z.number().min(1).max(48),
  retentionDays: z.number().int().min(7).max(3650),
  sites: z.object({ x: z.boolean(), github: z.boolean(), huggingface: z.boolean() }),
  /** Marks beside the links to digest items in lists and timelines (lib/marks), per site. */
  marks: z.object({ x: z.boolean(), github: z.boolean(), huggingface: z.boolean() }),
  /**
   * Where a page's items show. `auto`: the card opens on a matching page; `panel`: in the side panel only (no card;
   * the badge counts); `badge`: only the toolbar badge counts the matches.
   */
  sidebarMode: z.enum(['auto', 'panel', 'badge']),
  /** The toolbar button opens the side panel instead of the popup. */
  toolbarOpensPanel: z.boolean(),
  /**
   * The page script on every https site, once the user granted all-sites access (lib/all-sites); `excluded`: sites
   * (host names, their subdomains too) where it never runs.
   */
  allSites: z.object({ enabled: z.boolean(), excluded: z.array(z.string().min(1).max(253)).max(500) }),
});
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Sync status (chrome.storage.local, written by the background, shown by popup and options)

export const sourceStatusSchema = z.object({
  sourceId: z.string(),
  lastAttemptAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  /** The last error in words (in every language; a plain string from an earlier version), or null when it went well. */
  lastError: z.union([z.string(), localizedTextSchema]).nullable(),
  counts: z.object({
    stored: z.number(),
    unchanged: z.number(),
    notFound: z.number(),
    failed: z.number(),
  }),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export const syncStatusSchema = z.object({
  running: z.boolean(),
  /** Documents finished / planned in the running sync. */
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  lastSyncAt: z.number().nullable(),
  sources: z.array(sourceStatusSchema),
  digestCount: z.number(),
  newestDate: digestDateSchema.nullable(),
  /** The newest GitHub 热门 digest's date (absent in a status stored before it was kept). */
  newestTrendingDate: digestDateSchema.nullable().optional(),
  /** Something the last sync did that is no source's failure, in words (e.g. storage was full, old digests removed). */
  notice: z.union([z.string(), localizedTextSchema]).nullable().optional(),
  /** The digests are kept in memory only (IndexedDB refuses writes, in private browsing): gone when it closes. */
  memoryOnly: z.boolean().optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const archiveImportStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'cancelled', 'failed']),
  done: z.number(),
  total: z.number(),
  stored: z.number(),
  notFound: z.number(),
  failed: z.number(),
  /** What went wrong or what was done to make room, in words (in every language, or a string from earlier). */
  error: z.union([z.string(), localizedTextSchema]).nullable(),
});
export type ArchiveImportStatus = z.infer<typeof archiveImportStatusSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Answers to messages (lib/protocol.ts declares the messages)

/** One digest item that matches a page, as the sidebar shows it. */
export const matchSchema = z.object({
  date: digestDateSchema,
  issueUrl: httpUrlSchema.nullable(),
  item: itemSchema,
  /** In how many other stored digests the same story (lib/story.ts, from the first link) appears. */
  alsoIn: z.number().int().nonnegative(),
  /** The item's story key (lib/story.ts), null when its first link has none: the sidebar shows a story once. */
  story: z.string().nullable(),
});
export type Match = z.infer<typeof matchSchema>;

export const digestSummarySchema = z.object({
  date: digestDateSchema,
  news: z.number(),
  tools: z.number(),
});
export type DigestSummary = z.infer<typeof digestSummarySchema>;

/** An item of a stored digest by its place: what the reader opened (issue 13). */
export const itemRefSchema = z.object({
  date: digestDateSchema,
  section: sectionSchema,
  rank: z.number().int().positive(),
});
export type ItemRef = z.infer<typeof itemRefSchema>;

const readCountSchema = z.object({
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});

/**
 * One stored day's read state over both its digests (the AI digest and GitHub 热门): how many of its items there
 * are, how many are unread, and which are read; and the same counts per section that has items (热门's tab is
 * `trending`).
 */
export const dayReadStateSchema = readCountSchema.extend({
  date: digestDateSchema,
  read: z.array(itemRefSchema.omit({ date: true })),
  sections: z
    .object({
      news: readCountSchema.optional(),
      tools: readCountSchema.optional(),
      trending: readCountSchema.optional(),
    })
    // Always answered by the background; optional for a reader's own guess of a day it just marked.
    .optional(),
});
export type DayReadState = z.infer<typeof dayReadStateSchema>;

/** One read as exported: its key (a story key, or `item:<date>/<section>/<rank>`) and when it was first read. */
export const readRecordSchema = z.object({
  key: z.string().min(1).max(600),
  readAt: z.number().nonnegative(),
});

export const searchHitSchema = z.object({
  date: digestDateSchema,
  item: itemSchema,
  /**
   * Where the query was found: in the title, in the summary, or in a name in one of the item's links (`link`, the
   * link as shown), with the [start, end) offsets of the first match in that text.
   */
  field: z.enum(['title', 'summary', 'link']),
  start: z.number(),
  end: z.number(),
  link: z.string().optional(),
  /** True when the text matched is another spelling of the query from the alias table (英伟达 for NVIDIA). */
  alias: z.boolean().optional(),
  /** In how many other stored digests the same story (lib/story.ts) also matched; absent means none. */
  alsoIn: z.number().int().nonnegative().optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** The file written by "export" and read by "import" on the options page. */
export const exportFileSchema = z.object({
  format: z.literal('digest-lens-export'),
  version: z.literal(1),
  exportedAt: z.number(),
  digests: z.array(storedDigestSchema),
  /** What the user has read (issue 13); absent in files exported before there was read state. */
  reads: z.array(readRecordSchema).optional(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Message payloads, validated by the background before use (see lib/protocol.ts for the messages themselves)

const noPayload = z.object({}).strict().optional();

/** How the open page card is shown: docked (the page makes room for it; the default) or over the page. */
export const cardLayoutSchema = z.enum(['docked', 'over']);
export type CardLayout = z.infer<typeof cardLayoutSchema>;

export const requestSchemas = {
  lookup: z.object({
    keys: z.array(z.string().min(1).max(600)).max(32),
    site: siteIdSchema.nullable(),
    limit: z.number().int().min(1).max(500).optional(),
    pageStory: z.string().min(1).max(600).optional(),
  }),
  setCardCollapsed: z.object({ collapsed: z.boolean(), layout: cardLayoutSchema.optional() }).strict(),
  markLookup: z
    .object({ keys: z.array(z.string().min(1).max(600)).max(2000), site: siteIdSchema.nullable() })
    .strict(),
  pageMatches: z.object({ tabId: z.number().int().nonnegative() }).strict(),
  currentTab: z.object({ windowId: z.number().int().optional() }).strict(),
  latestDigest: noPayload,
  digest: z.object({ date: digestDateSchema, kind: digestKindSchema.optional() }),
  listDigests: noPayload,
  search: z.object({
    query: z.string().max(SEARCH_QUERY_MAX),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  syncNow: noPayload,
  status: noPayload,
  importArchive: noPayload,
  cancelImport: noPayload,
  importStatus: noPayload,
  exportData: noPayload,
  importData: z.object({ file: z.unknown() }),
  saveRetention: z.object({ retentionDays: settingsSchema.shape.retentionDays }).strict(),
  clearData: noPayload,
  readState: z.object({ dates: z.array(digestDateSchema).max(400) }).strict(),
  markRead: z.object({ items: z.array(itemRefSchema).min(1).max(100) }).strict(),
  markDayRead: z.object({ date: digestDateSchema, section: sectionSchema.optional() }).strict(),
} as const;
