import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../lib/schema';
import { readDocument, reasonToKeep } from '../../../lib/sync/read-document';
import type { PlannedDocument } from '../../../lib/sync/sources';
import { SYNC_WORDS } from '../../../lib/sync/words';
import { storedDigest, testItem } from '../storage/stored-digest';

const planned: PlannedDocument = {
  sourceId: 'dated',
  url: 'https://static.zou8944.com/newsletter/2026-11-29/ai_news_summary_2026-11-29.md',
  date: '2026-11-29',
  alwaysAsk: true,
};
const en = SYNC_WORDS.en;
const oneItem = [testItem('news', 1, ['https://x.com/a/status/1'])];
const parsedAs =
  (date: string | null, items = oneItem): ((text: string) => ParseResult) =>
  () => ({ digest: { date, issueUrl: null, items }, problems: [] });

describe('readDocument', () => {
  it("dates a digest by its header, else by its URL's date", async () => {
    expect(await readDocument('text', planned, parsedAs('2026-11-28'), 1, en)).toMatchObject({
      kind: 'digest',
      digest: { date: '2026-11-28', sourceId: 'dated', sourceUrl: planned.url, fetchedAt: 1 },
    });
    expect(await readDocument('text', planned, parsedAs(null), 1, en)).toMatchObject({
      digest: { date: '2026-11-29' },
    });
  });

  it('refuses a document with no date anywhere, no items, or HTML', async () => {
    const undated = { ...planned, date: null };
    expect(await readDocument('text', undated, parsedAs(null), 1, en)).toEqual({
      kind: 'notDigest',
      error: 'has no date in its header or its URL',
    });
    expect(await readDocument('text', planned, parsedAs('2026-11-29', []), 1, SYNC_WORDS.zh)).toEqual({
      kind: 'notDigest',
      error: '不是摘要（没有找到含条目的新闻或工具部分）',
    });
    expect(await readDocument('  <!DOCTYPE html><p>hi', planned, parsedAs('2026-11-29'), 1, en)).toEqual({
      kind: 'notDigest',
      error: 'sent an HTML page, not a digest',
    });
  });

  it('hashes the document text', async () => {
    const a = await readDocument('one', planned, parsedAs('2026-11-29'), 1, en);
    const b = await readDocument('two', planned, parsedAs('2026-11-29'), 1, en);
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
