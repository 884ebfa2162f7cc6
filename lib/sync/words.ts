/**
 * What the sync tells the user (a source's last error, a notice, the import's error). Every message is built in
 * every UI language (`localized`) and stored that way, so the popup and the options page show it in the language
 * of the moment it is read, not of the moment it was written.
 */
import { type LocalizedText, localizedFrom, type UiLanguage } from '../i18n';
import type { DigestKind } from '../schema';

export interface SyncWords {
  size: (bytes: number) => string;
  httpStatus: (status: number) => string;
  htmlPage: string;
  timeout: (seconds: number) => string;
  unreachable: (reason: string) => string;
  tooLarge: (limit: string) => string;
  brokenOff: (received: string, reason: string) => string;
  shorterThanAnnounced: (received: number, declared: number) => string;
  cancelled: string;
  offline: string;
  networkFailure: string;
  noPermission: string;
  afterAttempts: (error: string, attempts: number) => string;
  notDigest: string;
  /** A GitHub 热门 file (by its heading or its source's URL) with no repository in it. */
  noRepositories: string;
  /** A dated file of one digest (e.g. GitHub 热门's) that holds the other kind: not stored as either. */
  otherKind: (expected: DigestKind) => string;
  noDate: string;
  badDate: (date: string) => string;
  futureDate: (date: string, latest: string) => string;
  redirected: (where: string, host: string) => string;
  looksCutOff: (items: number, storedItems: number) => string;
  /** A custom dated source none of whose days was there: its address is likely mistyped. */
  noDayFound: (days: number) => string;
  notStored: (reason: string) => string;
  unexpected: (reason: string) => string;
  storageFull: (count: number, oldest: string, newest: string) => string;
  storageStillFull: (notStored: number) => string;
  storageFullReason: string;
  pruneFailed: (reason: string) => string;
  importInterrupted: string;
  /** The archive import stopped early: its first `failed` documents all failed, the site looks down or unreachable. */
  importGaveUp: (failed: number) => string;
  failure: (where: string, error: string) => string;
  andMore: (first: string, more: number) => string;
}

const MB = 1024 * 1024;

export const SYNC_WORDS: Record<UiLanguage, SyncWords> = {
  en: {
    size: (bytes) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${bytes} bytes`),
    httpStatus: (status) => `answered HTTP ${status}`,
    noDayFound: (days) => `none of its ${days} days was found (HTTP 404): is the address right?`,
    htmlPage: 'sent an HTML page, not a digest',
    timeout: (seconds) => `gave no answer within ${seconds} s`,
    unreachable: (reason) => `could not be reached (${reason})`,
    tooLarge: (limit) => `sent more than ${limit}`,
    brokenOff: (received, reason) => `was cut off after ${received} (${reason})`,
    shorterThanAnnounced: (received, declared) => `was cut off after ${received} of ${declared} bytes`,
    cancelled: 'was cancelled',
    offline: 'Offline: no network connection',
    networkFailure: 'network error',
    noPermission:
      "may not be read: Digest Lens has no permission for this site (allow it in the browser's extension settings, under site access)",
    afterAttempts: (error, attempts) => `${error} (${attempts} attempts)`,
    notDigest: 'is not a digest (no news or tools section with items in it)',
    noRepositories: 'is not a GitHub trending digest (no repository in it)',
    otherKind: (expected) =>
      `is not ${expected === 'github-trending' ? 'a GitHub trending digest' : 'an AI digest'} but the other kind: not stored`,
    noDate: 'has no date in its header or its URL',
    badDate: (date) => `is dated ${date}, which is not a day of the calendar`,
    futureDate: (date, latest) => `is dated ${date}, later than tomorrow (${latest}): not stored`,
    redirected: (where, host) => `was redirected to ${where}, which is not https on ${host}: refused`,
    looksCutOff: (items, storedItems) =>
      `looks cut off (${items} of ${storedItems} items): the stored version was kept`,
    notStored: (reason) => `could not be stored (${reason})`,
    unexpected: (reason) => `failed unexpectedly (${reason})`,
    storageFull: (count, oldest, newest) =>
      `Storage was full: removed the ${count} oldest synced digest${count === 1 ? '' : 's'} (${oldest} to ${newest}) to make room.`,
    storageStillFull: (notStored) =>
      `Storage is full: ${notStored} digest${notStored === 1 ? ' was' : 's were'} not stored. Imported digests are never removed to make room; free disk space or remove digests you no longer need.`,
    storageFullReason: 'storage is full',
    pruneFailed: (reason) => `Old digests could not be removed (${reason}).`,
    importInterrupted: 'The import was interrupted (the background was stopped).',
    importGaveUp: (failed) =>
      `Stopped after ${failed} files in a row failed: the archive's site seems down or unreachable. Try again later.`,
    failure: (where, error) => `${where}: ${error}`,
    andMore: (first, more) => `${first} (and ${more} more)`,
  },
  zh: {
    size: (bytes) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${bytes} 字节`),
    httpStatus: (status) => `服务器返回 HTTP ${status}`,
    noDayFound: (days) => `${days} 天都没有找到文件（HTTP 404）：地址是否写对了？`,
    htmlPage: '返回的是网页，不是摘要',
    timeout: (seconds) => `${seconds} 秒内没有应答`,
    unreachable: (reason) => `无法连接（${reason}）`,
    tooLarge: (limit) => `内容超过 ${limit}`,
    brokenOff: (received, reason) => `传输在 ${received} 后中断（${reason}）`,
    shorterThanAnnounced: (received, declared) =>
      `内容不完整（只收到 ${declared} 字节中的 ${received} 字节）`,
    cancelled: '已取消',
    offline: '离线：未连接网络',
    networkFailure: '网络错误',
    noPermission: 'Digest Lens 没有读取此网站的权限（请在浏览器的扩展程序设置中允许访问此网站）',
    afterAttempts: (error, attempts) => `${error}（已尝试 ${attempts} 次）`,
    notDigest: '不是摘要（没有找到含条目的新闻或工具部分）',
    noRepositories: '不是 GitHub 热门摘要（里面没有任何仓库）',
    otherKind: (expected) =>
      `不是${expected === 'github-trending' ? ' GitHub 热门' : ' AI 日报'}，而是另一种摘要，未保存`,
    noDate: '标题和网址里都没有日期',
    badDate: (date) => `日期 ${date} 不是日历上的日子`,
    futureDate: (date, latest) => `日期 ${date} 晚于明天（${latest}），未保存`,
    redirected: (where, host) => `被重定向到 ${where}，不是 ${host} 上的 https 地址，已拒绝`,
    looksCutOff: (items, storedItems) => `内容似乎不完整（${items}/${storedItems} 条），保留了已存的版本`,
    notStored: (reason) => `无法保存（${reason}）`,
    unexpected: (reason) => `意外失败（${reason}）`,
    storageFull: (count, oldest, newest) =>
      `存储空间已满：删除了最早同步的 ${count} 期摘要（${oldest} 至 ${newest}）以腾出空间。`,
    storageStillFull: (notStored) =>
      `存储空间已满：有 ${notStored} 期摘要未能保存。导入的摘要不会被自动删除；请释放磁盘空间或删除不再需要的摘要。`,
    storageFullReason: '存储空间已满',
    pruneFailed: (reason) => `无法删除过期的摘要（${reason}）。`,
    importInterrupted: '导入被中断（后台已停止）。',
    importGaveUp: (failed) => `连续 ${failed} 个文件失败，已停止：存档所在的网站似乎无法访问，请稍后再试。`,
    failure: (where, error) => `${where}：${error}`,
    andMore: (first, more) => `${first}（另有 ${more} 处）`,
  },
};

/** The message built from each language's words: `build` gets the words and the language it builds for. */
export function localized(build: (words: SyncWords, language: UiLanguage) => string): LocalizedText {
  return localizedFrom(SYNC_WORDS, build);
}

/** Words that are the same in every language: a reason given by the browser, the network or the database. */
export function verbatim(text: string): LocalizedText {
  return { zh: text, en: text };
}

/** Several messages as one, each language on its own; null when there are none. */
export function joinTexts(texts: readonly LocalizedText[]): LocalizedText | null {
  if (texts.length === 0) return null;
  return localized((_, language) => texts.map((text) => text[language]).join(' '));
}
