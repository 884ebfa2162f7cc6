/**
 * Export every stored digest as one file; import such a file by merging, never replacing a digest with an older one.
 *
 * An import is all or nothing: its digests are written in one IndexedDB transaction (DigestStore.writeMany), so a
 * browser closed or a worker stopped in the middle leaves the library as it was before (seen in review 2026-11: 135
 * of 245 digests kept, and nothing said so), and "clear all data" during an import leaves an empty library (367 of
 * 400 came back). One transaction rather than a resumable record: nothing to finish or report on the next start,
 * and a 20 MB file is one commit instead of hundreds.
 *
 * What the user has read (issue 13) travels with the digests: written after them, in its own transaction, merged
 * (a story read in either the library or the file stays read, since the earlier of its two times).
 */
import { isCalendarDate } from '../calendar-date';
import { DIGEST_LIMITS, formatCount } from '../digest/limits';
import { type LocalizedText, localizedFrom, type UiLanguage, uiLanguage } from '../i18n';
import { withoutBidiControls } from '../plain-text';
import { type ExportFile, readRecordSchema, type StoredDigest, storedDigestSchema } from '../schema';
import { ClearedDuringWriteError, type DigestStore } from '../storage/digest-store';
import { type ReadRecord, readStateOf } from '../storage/read-state-store';
import { latestAcceptedDate } from '../sync/dates';
import { sameContent } from '../sync/read-document';
import { issueText } from './import-issue';

export interface ImportResult {
  added: number;
  updated: number;
  kept: number;
  /** The file's entries that were not imported, in words (at most `MAX_REJECTIONS_LISTED`, then how many more). */
  rejected?: LocalizedText[];
}

export const MAX_REJECTIONS_LISTED = 20;

/** The most reads a file may bring: every item of 10 years of digests read (20 a day) is 73,000. */
export const MAX_IMPORTED_READS = 100_000;

export async function exportDigests(store: DigestStore, now: number): Promise<ExportFile> {
  // Both kinds of digest (each entry says its kind), the AI digests first as before.
  const [digests, trending, reads] = await Promise.all([
    store.readAll(),
    store.readAll('github-trending'),
    readStateOf(store).all(),
  ]);
  return {
    format: 'digest-lens-export',
    version: 1,
    exportedAt: now,
    digests: [...digests, ...trending],
    reads,
  };
}

/**
 * A digest of a new date is added; a stored one is updated only by a version fetched later with other content.
 * Imported digests are marked `import` (their `sourceUrl` still says where they came from), so retention keeps them.
 * Each entry of the file is checked on its own: the valid ones are imported, the others listed in words.
 */
export async function importDigests(store: DigestStore, file: unknown, now: number): Promise<ImportResult> {
  const entries = digestEntriesOf(file);
  const valid: StoredDigest[] = [];
  const problems: LocalizedText[] = [];
  entries.forEach((entry, index) => {
    const checked = checkEntry(entry, now);
    if ('digest' in checked) valid.push(checked.digest);
    else
      problems.push(
        localized((words, language) =>
          words.rejected(index + 1, checked.date, checked.reason(words, language)),
        ),
      );
  });
  let outcomes: Awaited<ReturnType<DigestStore['writeMany']>>;
  try {
    outcomes = await store.writeMany(
      valid,
      (stored, incoming) => stored.fetchedAt >= incoming.fetchedAt || sameContent(stored, incoming),
    );
  } catch (error) {
    if (error instanceof ClearedDuringWriteError) throw new Error(errorWords().clearedDuringImport);
    throw error;
  }
  const result: ImportResult = { added: 0, updated: 0, kept: 0 };
  for (const { written, previous } of outcomes) {
    if (!written) result.kept += 1;
    else if (previous) result.updated += 1;
    else result.added += 1;
  }
  const reads = readsOf(file, now);
  await readStateOf(store).add(reads.valid);
  problems.push(...reads.problems);
  if (problems.length > 0) result.rejected = listed(problems);
  return result;
}

/**
 * The file's reads that are valid (a key and a time; a time after now is now), and the others in words. A file
 * without reads (exported before there was read state) has none; a list longer than any library's is refused whole.
 */
function readsOf(file: unknown, now: number): { valid: ReadRecord[]; problems: LocalizedText[] } {
  const { reads } = file as { reads?: unknown };
  if (reads === undefined) return { valid: [], problems: [] };
  if (!Array.isArray(reads)) return { valid: [], problems: [localized((words) => words.readsNotList)] };
  if (reads.length > MAX_IMPORTED_READS) {
    const count = reads.length;
    return { valid: [], problems: [localized((words) => words.tooManyReads(count, MAX_IMPORTED_READS))] };
  }
  const valid: ReadRecord[] = [];
  const problems: LocalizedText[] = [];
  reads.forEach((entry, index) => {
    const parsed = readRecordSchema.safeParse(entry);
    if (parsed.success) {
      valid.push({ key: parsed.data.key, readAt: Math.min(parsed.data.readAt, now) });
      return;
    }
    const issue = parsed.error.issues[0];
    problems.push(
      localized((words, language) => words.readRejected(index + 1, issueText(issue, entry, language))),
    );
  });
  return { valid, problems };
}

/** The file's digest entries, unchecked; a file that is no export at all is refused in words. */
function digestEntriesOf(file: unknown): unknown[] {
  const { format, version, digests } = (typeof file === 'object' && file !== null ? file : {}) as Record<
    string,
    unknown
  >;
  if (format === 'digest-lens-export' && version === 1 && Array.isArray(digests)) return digests;
  // An export of a later version of the extension: this one cannot read it yet (a QA pass was told it is none).
  if (format === 'digest-lens-export' && typeof version === 'number' && version > 1)
    throw new Error(errorWords().newerExport(version));
  const detail = format !== 'digest-lens-export' ? 'format' : version !== 1 ? 'version' : 'digests';
  throw new Error(errorWords().notExport(detail));
}

type Reason = (words: TransferWords, language: UiLanguage) => string;
type CheckedEntry = { digest: StoredDigest } | { date: string | null; reason: Reason };

/**
 * A digest of the file as it will be stored, or why it is not: the stored shape, a real calendar day no later
 * than tomorrow in Shanghai, no larger than a parsed digest can be, a fetch time no later than now, and titles and
 * summaries without bidi controls.
 */
function checkEntry(entry: unknown, now: number): CheckedEntry {
  const parsed = storedDigestSchema.safeParse(entry);
  const date = parsed.success ? parsed.data.date : dateOf(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { date, reason: (_, language) => issueText(issue, entry, language) };
  }
  const digest = parsed.data;
  if (!isCalendarDate(digest.date)) return { date, reason: (words) => words.noSuchDay };
  const latest = latestAcceptedDate(now);
  if (digest.date > latest) return { date, reason: (words) => words.tooLate(latest) };
  // A sync never stores a digest without items (not a digest): an export has none, and an empty day is not one.
  if (digest.items.length === 0) return { date, reason: (words) => words.noItems };
  const oversize = oversizeOf(digest);
  if (oversize) return { date, reason: oversize };
  return {
    digest: {
      ...digest,
      sourceId: 'import',
      // A fetch time in the future (a clock far ahead, or 1e308) would keep this version over every later one.
      fetchedAt: Math.max(0, Math.min(digest.fetchedAt, now)),
      items: digest.items.map((item) => ({
        ...item,
        title: withoutBidiControls(item.title),
        summary: withoutBidiControls(item.summary),
      })),
    },
  };
}

/**
 * Why `digest` is larger than a parsed digest can be (lib/digest/limits.ts, issue 17: 29,422 items, 50,001 links in
 * one item), or null. Such an entry is refused whole rather than cut: no digest read from a real document comes near
 * the limits (at most 20 items, 3 links, 2 problems), so an entry past them is not one this extension wrote.
 */
function oversizeOf(digest: StoredDigest): Reason | null {
  const { items, linksPerItem, titleLength, summaryLength, problems } = DIGEST_LIMITS;
  if (digest.items.length > items) return (words) => words.tooManyItems(digest.items.length, items);
  if (digest.problems.length > problems)
    return (words) => words.tooManyProblems(digest.problems.length, problems);
  for (const [index, { links, title, summary }] of digest.items.entries()) {
    const position = index + 1;
    if (links.length > linksPerItem)
      return (words) => words.tooManyLinks(position, links.length, linksPerItem);
    if (title.length > titleLength)
      return (words) => words.tooLong(position, 'title', title.length, titleLength);
    if (summary.length > summaryLength)
      return (words) => words.tooLong(position, 'summary', summary.length, summaryLength);
  }
  return null;
}

function dateOf(entry: unknown): string | null {
  const date = typeof entry === 'object' && entry !== null ? (entry as { date?: unknown }).date : undefined;
  return typeof date === 'string' ? date.slice(0, 40) : null;
}

function listed(problems: LocalizedText[]): LocalizedText[] {
  if (problems.length <= MAX_REJECTIONS_LISTED) return problems;
  const more = problems.length - MAX_REJECTIONS_LISTED;
  return [...problems.slice(0, MAX_REJECTIONS_LISTED), localized((words) => words.andMore(more))];
}

function localized(text: (words: TransferWords, language: UiLanguage) => string): LocalizedText {
  return localizedFrom(TRANSFER_WORDS, text);
}

/** The words of an error answered at once (shown right away, so in the browser's language of the moment). */
function errorWords(): TransferWords {
  try {
    return TRANSFER_WORDS[uiLanguage()];
  } catch {
    // A browser (or the unit tests' fake one) without i18n.getUILanguage.
    return TRANSFER_WORDS.en;
  }
}

interface TransferWords {
  /** `detail`: the first field of the file that is not as an export has it. */
  notExport: (detail: 'format' | 'version' | 'digests') => string;
  newerExport: (version: number) => string;
  rejected: (position: number, date: string | null, reason: string) => string;
  noSuchDay: string;
  tooLate: (latest: string) => string;
  noItems: string;
  tooManyItems: (count: number, limit: number) => string;
  tooManyProblems: (count: number, limit: number) => string;
  tooManyLinks: (position: number, count: number, limit: number) => string;
  tooLong: (position: number, part: 'title' | 'summary', length: number, limit: number) => string;
  andMore: (count: number) => string;
  clearedDuringImport: string;
  readsNotList: string;
  tooManyReads: (count: number, limit: number) => string;
  readRejected: (position: number, reason: string) => string;
}

export const TRANSFER_WORDS: Record<UiLanguage, TransferWords> = {
  zh: {
    notExport: (detail) =>
      `这不是 Digest Lens 的导出文件（${detail === 'digests' ? 'digests 不是列表' : `${detail} 不对`}），未导入任何内容。`,
    newerExport: (version) =>
      `这份导出文件来自更新版本的 Digest Lens（格式 ${version}），这个版本还读不了：请先更新扩展。未导入任何内容。`,
    rejected: (position, date, reason) =>
      `第 ${position} 份摘要${date ? `（${date}）` : ''}未导入：${reason}。`,
    noSuchDay: '日历上没有这一天',
    noItems: '没有任何条目（同步从不保存这样的摘要）',
    tooLate: (latest) => `日期晚于 ${latest}（上海时间的明天）`,
    tooManyItems: (count, limit) => `有 ${formatCount(count)} 条，超过每份摘要最多 ${formatCount(limit)} 条`,
    tooManyProblems: (count, limit) =>
      `记有 ${formatCount(count)} 个问题，超过每份摘要最多 ${formatCount(limit)} 个`,
    tooManyLinks: (position, count, limit) =>
      `第 ${position} 条有 ${formatCount(count)} 个链接，超过每条最多 ${formatCount(limit)} 个`,
    tooLong: (position, part, length, limit) =>
      `第 ${position} 条的${part === 'title' ? '标题' : '摘要'}有 ${formatCount(length)} 个字符，超过最多 ${formatCount(limit)} 个`,
    andMore: (count) => `另有 ${count} 份未导入。`,
    clearedDuringImport: '导入已停止：全部数据已被清除，这次导入的内容一份也没有保留。',
    readsNotList: '已读记录（reads）不是列表，未导入任何已读记录。',
    tooManyReads: (count, limit) =>
      `已读记录有 ${formatCount(count)} 条，超过最多 ${formatCount(limit)} 条，未导入任何已读记录。`,
    readRejected: (position, reason) => `第 ${position} 条已读记录未导入：${reason}。`,
  },
  en: {
    notExport: (detail) =>
      `This is not a Digest Lens export file (${detail === 'digests' ? 'digests: not a list' : detail}): nothing was imported.`,
    newerExport: (version) =>
      `This export comes from a newer Digest Lens (format ${version}), which this version cannot read yet: update the extension first. Nothing was imported.`,
    rejected: (position, date, reason) =>
      `Digest ${position}${date ? ` (${date})` : ''} was not imported: ${reason}.`,
    noSuchDay: 'there is no such day in the calendar',
    noItems: 'it has no items (a sync never stores such a digest)',
    tooLate: (latest) => `it is dated after ${latest} (tomorrow in Shanghai)`,
    tooManyItems: (count, limit) =>
      `it has ${formatCount(count)} items, more than the ${formatCount(limit)} a digest may have`,
    tooManyProblems: (count, limit) =>
      `it lists ${formatCount(count)} problems, more than the ${formatCount(limit)} a digest may list`,
    tooManyLinks: (position, count, limit) =>
      `item ${position} has ${formatCount(count)} links, more than the ${formatCount(limit)} an item may have`,
    tooLong: (position, part, length, limit) =>
      `the ${part} of item ${position} has ${formatCount(length)} characters, more than the ${formatCount(limit)} it may have`,
    andMore: (count) => `${count} more were not imported.`,
    clearedDuringImport:
      'The import stopped: all data was cleared while it ran, and nothing of this import was kept.',
    readsNotList: 'The read items (reads) are not a list: no read item was imported.',
    tooManyReads: (count, limit) =>
      `The file lists ${formatCount(count)} read items, more than the ${formatCount(limit)} it may: none was imported.`,
    readRejected: (position, reason) => `Read item ${position} was not imported: ${reason}.`,
  },
};
