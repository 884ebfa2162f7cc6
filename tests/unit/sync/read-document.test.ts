import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../lib/schema';
import { readDocument, reasonToKeep } from '../../../lib/sync/read-document';
import type { PlannedDocument } from '../../../lib/sync/sources';
import { storedDigest, testItem } from '../storage/stored-digest';
import { inEnglish, NOW } from './sync-setup';

const planned: PlannedDocument = {
  sourceId: 'dated',
  url: 'https://static.zou8944.com/newsletter/2026-11-29/ai_news_summary_2026-11-29.md',
  date: '2026-11-29',
  alwaysAsk: true,
};
const oneItem = [testItem('news', 1, ['https://x.com/a/status/1'])];
const parsedAs =
  (date: string | null, items = oneItem): ((text: string) => ParseResult) =>
  () => ({ digest: { kind: 'ainews', date, issueUrl: null, items }, problems: [] });

describe('readDocument', () => {
  it('dates a dated document by its URL: a header naming another day is a problem, not a replacement', async () => {
    expect(
      await readDocument('## AINews - 2026-01-15\ntext', planned, parsedAs('2026-01-15'), NOW),
    ).toMatchObject({
      kind: 'digest',
      digest: {
        date: '2026-11-29',
        sourceId: 'dated',
        sourceUrl: planned.url,
        fetchedAt: NOW,
        problems: [{ line: 1, message: "header date 2026-01-15 differs from the URL's date 2026-11-29" }],
      },
    });
    expect(await readDocument('text', planned, parsedAs(null), NOW)).toMatchObject({
      digest: { date: '2026-11-29', problems: [] },
    });
    expect(await readDocument('text', planned, parsedAs('2026-11-29'), NOW)).toMatchObject({
      digest: { date: '2026-11-29', problems: [] },
    });
  });

  it('dates an undated document (the homepage) by its header', async () => {
    const homepage = { ...planned, sourceId: 'homepage', date: null };
    expect(await readDocument('text', homepage, parsedAs('2026-11-28'), NOW)).toMatchObject({
      digest: { date: '2026-11-28', problems: [] },
    });
  });

  it.each(['2026-13-45', '0000-00-00', '2026-02-30'])(
    'refuses the impossible date %s, in words',
    async (date) => {
      const homepage = { ...planned, sourceId: 'homepage', date: null };
      expect(await readDocument('text', homepage, parsedAs(date), NOW)).toEqual({
        kind: 'notDigest',
        error: inEnglish(`is dated ${date}, which is not a day of the calendar`),
      });
    },
  );

  it('refuses a date later than tomorrow in Shanghai, so 9999-12-31 never becomes the latest', async () => {
    const homepage = { ...planned, sourceId: 'homepage', date: null };
    expect(await readDocument('text', homepage, parsedAs('2026-11-30'), NOW)).toMatchObject({
      digest: { date: '2026-11-30' },
    });
    for (const date of ['2026-12-01', '9999-12-31']) {
      expect(await readDocument('text', homepage, parsedAs(date), NOW)).toEqual({
        kind: 'notDigest',
        error: {
          en: `is dated ${date}, later than tomorrow (2026-11-30): not stored`,
          zh: `日期 ${date} 晚于明天（2026-11-30），未保存`,
        },
      });
    }
  });

  it('refuses a document with no date anywhere, no items, or HTML', async () => {
    const undated = { ...planned, date: null };
    expect(await readDocument('text', undated, parsedAs(null), NOW)).toEqual({
      kind: 'notDigest',
      error: inEnglish('has no date in its header or its URL'),
    });
    expect(await readDocument('text', planned, parsedAs('2026-11-29', []), NOW)).toEqual({
      kind: 'notDigest',
      error: expect.objectContaining({ zh: '不是摘要（没有找到含条目的新闻或工具部分）' }),
    });
    expect(await readDocument('  <!DOCTYPE html><p>hi', planned, parsedAs('2026-11-29'), NOW)).toEqual({
      kind: 'notDigest',
      error: inEnglish('sent an HTML page, not a digest'),
    });
  });

  it('says a GitHub 热门 file without repositories is not one, rather than naming news or tools sections', async () => {
    const trendingFile = { ...planned, kind: 'github-trending' as const };
    const noItems: (text: string) => ParseResult = () => ({
      digest: { kind: 'github-trending', date: '2026-11-29', issueUrl: null, items: [] },
      problems: [],
    });
    const expected = {
      kind: 'notDigest',
      error: {
        en: 'is not a GitHub trending digest (no repository in it)',
        zh: '不是 GitHub 热门摘要（里面没有任何仓库）',
      },
    };
    expect(await readDocument('# GitHub 热门', planned, noItems, NOW)).toEqual(expected);
    expect(await readDocument('text', trendingFile, () => ({ digest: null, problems: [] }), NOW)).toEqual(
      expected,
    );
  });

  it('hashes the document text', async () => {
    const a = await readDocument('one', planned, parsedAs('2026-11-29'), NOW);
    const b = await readDocument('two', planned, parsedAs('2026-11-29'), NOW);
    expect(a.kind === 'digest' && b.kind === 'digest' && a.digest.contentHash !== b.digest.contentHash).toBe(
      true,
    );
  });
});

describe('reasonToKeep', () => {
  const stored = storedDigest('2026-11-29');
  it('keeps the same content, a cut-off copy, and a complete copy over the homepage one', () => {
    expect(reasonToKeep(stored, { ...stored, contentHash: 'other', fetchedAt: 9 })).toBe('same');
    const cutOff = {
      ...stored,
      contentHash: 'cut',
      items: stored.items.slice(0, 1),
      problems: [{ line: 9, message: 'cut off' }],
    };
    expect(reasonToKeep(stored, cutOff)).toBe('truncated');
    const fromHomepage = {
      ...stored,
      contentHash: 'home',
      sourceId: 'homepage',
      issueUrl: 'https://news.smol.ai/issues/x/',
    };
    expect(reasonToKeep(stored, fromHomepage)).toBe('preferred');
  });

  it('lets a corrected version replace the stored one', () => {
    const corrected = { ...stored, contentHash: 'fixed', items: [...stored.items, testItem('tools', 2, [])] };
    expect(reasonToKeep(stored, corrected)).toBeNull();
    expect(
      reasonToKeep({ ...stored, sourceId: 'homepage' }, { ...corrected, sourceId: 'homepage' }),
    ).toBeNull();
  });
});

describe('reasonToKeep judges whether fewer items look cut off, not the count alone', () => {
  const itemsOf = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      testItem(index < 11 ? 'news' : 'tools', index < 11 ? index + 1 : index - 10, [
        `https://x.com/a/status/${index + 1}`,
      ]),
    );
  const version = (items: ReturnType<typeof itemsOf>, contentHash: string) =>
    storedDigest('2026-11-29', { items, contentHash });
  const stored = version(itemsOf(21), 'v21');

  it('takes a correction from 21 to 20 items (one dropped from the middle)', () => {
    const corrected = version(
      itemsOf(21).filter((item) => item.rank !== 5 || item.section !== 'news'),
      'v20',
    );
    expect(reasonToKeep(stored, corrected)).toBeNull();
  });

  it("still refuses the stored version's beginning, its last item possibly cut short", () => {
    expect(reasonToKeep(stored, version(itemsOf(21).slice(0, 20), 'cut'))).toBe('truncated');
    const cutShort = itemsOf(21).slice(0, 13);
    const last = cutShort[12];
    if (last) cutShort[12] = { ...last, summary: last.summary.slice(0, 3), links: [] };
    expect(reasonToKeep(stored, version(cutShort, 'cut-short'))).toBe('truncated');
  });

  it('refuses fewer items the parser says were cut off, even when they differ', () => {
    const cut = {
      ...version(itemsOf(3), 'cut'),
      problems: [{ line: 9, message: 'news 3: a link is cut off' }],
    };
    expect(reasonToKeep(stored, cut)).toBe('truncated');
  });

  it('lets a real version replace an oversized one (29,000 items), even its beginning', () => {
    const oversized = version(itemsOf(29_000), 'huge');
    expect(reasonToKeep(oversized, version(itemsOf(20), 'real'))).toBeNull();
    expect(reasonToKeep(oversized, { ...version(itemsOf(20), 'home'), sourceId: 'homepage' })).toBeNull();
  });
});
