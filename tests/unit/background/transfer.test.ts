import { describe, expect, it, vi } from 'vitest';
import { importDigests, MAX_REJECTIONS_LISTED } from '../../../lib/background/transfer';
import { DIGEST_LIMITS } from '../../../lib/digest/limits';
import type { StoredDigest } from '../../../lib/schema';
import { failPuts, itemsMatching, openTestStore, storedDigest, testItem } from '../storage/stored-digest';
import { NOW } from '../sync/sync-setup';
import { backgroundSetup, fromOurPopup } from './background-setup';

const exportFile = (digests: unknown[]) => ({
  format: 'digest-lens-export',
  version: 1,
  exportedAt: 9_000,
  digests,
});

/** `count` digests on consecutive days from 2025-01-01. */
function manyDigests(count: number): StoredDigest[] {
  return Array.from({ length: count }, (_, index) =>
    storedDigest(new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10)),
  );
}

describe('importing a file', () => {
  it('is all or nothing: a write failing in the middle leaves the library as it was', async () => {
    const store = await openTestStore();
    await store.write(storedDigest('2024-12-31'));
    const digests = manyDigests(245);
    // The 136th digest cannot be written (as if the browser closed there).
    const failing = failPuts(
      'digests',
      () => new DOMException('The browser is closing.', 'AbortError'),
      (value) => (value as { date?: string }).date === digests[135]?.date,
    );
    await expect(importDigests(store, exportFile(digests), NOW)).rejects.toThrow('closing');
    failing.mockRestore();
    expect(await store.dates()).toEqual(['2024-12-31']);
    expect(await itemsMatching(store, ['x:status:2025010101'])).toEqual([]);

    expect(await importDigests(store, exportFile(digests), NOW)).toEqual({ added: 245, updated: 0, kept: 0 });
    expect(await store.dates()).toHaveLength(246);
  });

  it('imports the valid digests and says in words which entries were not valid and why', async () => {
    const store = await openTestStore();
    const file = exportFile([
      storedDigest('2026-11-20'),
      storedDigest('2026-13-45'),
      storedDigest('0000-00-00'),
      storedDigest('2026-02-30'),
      storedDigest('9999-12-31'),
      // Tomorrow in Shanghai is still accepted (NOW is 2026-11-29 in Shanghai); the day after is not.
      storedDigest('2026-11-30'),
      storedDigest('2026-12-01'),
      { ...storedDigest('2026-11-21'), items: 'none' },
      'not a digest',
    ]);
    const result = await importDigests(store, file, NOW);
    expect(result).toMatchObject({ added: 2, updated: 0, kept: 0 });
    expect(await store.dates()).toEqual(['2026-11-20', '2026-11-30']);
    expect(result.rejected?.map((text) => text.en)).toEqual([
      'Digest 2 (2026-13-45) was not imported: there is no such day in the calendar.',
      'Digest 3 (0000-00-00) was not imported: there is no such day in the calendar.',
      'Digest 4 (2026-02-30) was not imported: there is no such day in the calendar.',
      'Digest 5 (9999-12-31) was not imported: it is dated after 2026-11-30 (tomorrow in Shanghai).',
      'Digest 7 (2026-12-01) was not imported: it is dated after 2026-11-30 (tomorrow in Shanghai).',
      'Digest 8 (2026-11-21) was not imported: the item list is not a list.',
      'Digest 9 was not imported: the entry is not an object.',
    ]);
    expect(result.rejected?.[0]?.zh).toBe('第 2 份摘要（2026-13-45）未导入：日历上没有这一天。');
  });

  it('says why an entry is not valid in each language, by its place, never with zod’s English or path (QA 13)', async () => {
    const store = await openTestStore();
    const item = testItem('news', 1, ['https://x.com/a/status/1']);
    const withItem = (date: string, change: Record<string, unknown>) =>
      storedDigest(date, { items: [{ ...item, ...change } as typeof item] });
    const file = exportFile([
      storedDigest('2026-10-20'),
      withItem('2026-10-21', { links: ['javascript:alert(1)'] }),
      withItem('2026-10-22', { rank: 0 }),
      withItem('2026-10-23', { section: 'blog' }),
      { ...storedDigest('2026-10-24'), issueUrl: 'ftp://example.com/issue' },
      { ...storedDigest('2026-10-25'), fetchedAt: 'yesterday' },
      { ...storedDigest('2026-10-26'), date: undefined },
      { ...storedDigest('2026-10-27'), date: '2026/10/27' },
    ]);
    const result = await importDigests(store, file, NOW);
    expect(result).toMatchObject({ added: 1 });
    expect(result.rejected?.map((text) => text.zh)).toEqual([
      '第 2 份摘要（2026-10-21）未导入：第 1 条的第 1 个链接不是以 http:// 或 https:// 开头的完整网址。',
      '第 3 份摘要（2026-10-22）未导入：第 1 条的名次须大于 0。',
      '第 4 份摘要（2026-10-23）未导入：第 1 条的栏目须是 news、tools、trending 之一。',
      '第 5 份摘要（2026-10-24）未导入：原文链接不是以 http:// 或 https:// 开头的完整网址。',
      '第 6 份摘要（2026-10-25）未导入：获取时间不是数字。',
      '第 7 份摘要未导入：日期缺失。',
      '第 8 份摘要（2026/10/27）未导入：日期不是 YYYY-MM-DD 格式。',
    ]);
    expect(result.rejected?.map((text) => text.en)).toEqual([
      'Digest 2 (2026-10-21) was not imported: item 1, link 1 is not an absolute http(s) URL.',
      "Digest 3 (2026-10-22) was not imported: item 1's rank must be more than 0.",
      "Digest 4 (2026-10-23) was not imported: item 1's section must be one of news, tools, trending.",
      'Digest 5 (2026-10-24) was not imported: the issue link is not an absolute http(s) URL.',
      'Digest 6 (2026-10-25) was not imported: the fetch time is not a number.',
      'Digest 7 was not imported: the date is missing.',
      'Digest 8 (2026/10/27) was not imported: the date is not in the form YYYY-MM-DD.',
    ]);
  });

  it('says an export of a newer version is one, which this version cannot read yet', async () => {
    const store = await openTestStore();
    const newer = { ...exportFile([storedDigest('2026-11-20')]), version: 999 };
    await expect(importDigests(store, newer, NOW)).rejects.toThrow(/newer Digest Lens \(format 999\)/);
    await expect(importDigests(store, { ...newer, version: '2' }, NOW)).rejects.toThrow(
      'not a Digest Lens export file (version)',
    );
    const notList = { ...exportFile([]), digests: 'none' };
    await expect(importDigests(store, notList, NOW)).rejects.toThrow('(digests: not a list)');
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
    try {
      await expect(importDigests(store, notList, NOW)).rejects.toThrow(
        '这不是 Digest Lens 的导出文件（digests 不是列表），未导入任何内容。',
      );
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await store.dates()).toEqual([]);
  });

  it('refuses a digest without items, as a sync does (a QA pass imported an empty day)', async () => {
    const store = await openTestStore();
    const result = await importDigests(
      store,
      exportFile([storedDigest('2026-11-20'), storedDigest('2026-11-21', { items: [] })]),
      NOW,
    );
    expect(result).toMatchObject({ added: 1 });
    expect(await store.dates()).toEqual(['2026-11-20']);
    expect(result.rejected).toEqual([
      {
        zh: '第 2 份摘要（2026-11-21）未导入：没有任何条目（同步从不保存这样的摘要）。',
        en: 'Digest 2 (2026-11-21) was not imported: it has no items (a sync never stores such a digest).',
      },
    ]);
  });

  it('lists at most a screenful of rejected entries, then how many more', async () => {
    const store = await openTestStore();
    const bad = Array.from({ length: MAX_REJECTIONS_LISTED + 5 }, () => storedDigest('2026-02-30'));
    const result = await importDigests(store, exportFile(bad), NOW);
    expect(result.rejected).toHaveLength(MAX_REJECTIONS_LISTED + 1);
    expect(result.rejected?.at(-1)).toEqual({ en: '5 more were not imported.', zh: '另有 5 份未导入。' });
  });

  it('takes no fetch time from the future, and no bidi controls in titles and summaries', async () => {
    const store = await openTestStore();
    const spoofed = testItem('tools', 1, ['https://github.com/a/b'], 'invoice\u202Egnp.exe');
    await importDigests(
      store,
      exportFile([
        storedDigest('2026-11-20', {
          fetchedAt: 1e308,
          items: [{ ...spoofed, summary: '\u2067摘要\u2069' }],
        }),
      ]),
      NOW,
    );
    const stored = await store.read('2026-11-20');
    expect(stored?.fetchedAt).toBe(NOW);
    expect(stored?.items[0]).toMatchObject({ title: 'invoicegnp.exe', summary: '摘要' });
    expect(stored?.sourceId).toBe('import');

    // A later real version of that day is not locked out by the file's far-future time.
    const later = storedDigest('2026-11-20', { fetchedAt: NOW + 1, contentHash: 'later' });
    expect(await importDigests(store, exportFile([later]), NOW + 1)).toMatchObject({ updated: 1 });
  });
});

describe('an imported digest is bounded like a parsed one (lib/digest/limits.ts)', () => {
  const { items, linksPerItem, titleLength, summaryLength, problems } = DIGEST_LIMITS;
  const item = (index: number) => testItem('news', index + 1, [`https://x.com/a/status/${index + 1}`]);
  const withItems = (date: string, count: number) =>
    storedDigest(date, { items: Array.from({ length: count }, (_, index) => item(index)) });
  const links = (count: number) =>
    Array.from({ length: count }, (_, index) => `https://example.com/${index}`);
  const problemList = (count: number) => Array.from({ length: count }, (_, line) => ({ line, message: '?' }));

  it('imports a digest at every limit, and refuses one past any limit in words, keeping the rest', async () => {
    const store = await openTestStore();
    const atLimits = storedDigest('2026-11-01', {
      items: [
        ...Array.from({ length: items - 1 }, (_, index) => item(index)),
        {
          ...item(items),
          links: links(linksPerItem),
          title: 't'.repeat(titleLength),
          summary: 's'.repeat(summaryLength),
        },
      ],
      problems: problemList(problems),
    });
    const file = exportFile([
      atLimits,
      withItems('2026-11-02', 29_422),
      storedDigest('2026-11-03', { problems: problemList(problems + 1) }),
      storedDigest('2026-11-04', { items: [item(0), { ...item(1), links: links(50_001) }] }),
      storedDigest('2026-11-05', { items: [{ ...item(0), title: 't'.repeat(titleLength + 1) }] }),
      storedDigest('2026-11-06', { items: [{ ...item(0), summary: 's'.repeat(summaryLength + 1) }] }),
    ]);

    const result = await importDigests(store, file, NOW);

    expect(result).toMatchObject({ added: 1, updated: 0, kept: 0 });
    expect(await store.read('2026-11-01')).toEqual({ ...atLimits, sourceId: 'import' });
    expect(await store.dates()).toEqual(['2026-11-01']);
    expect(result.rejected?.map((text) => text.en)).toEqual([
      'Digest 2 (2026-11-02) was not imported: it has 29,422 items, more than the 200 a digest may have.',
      'Digest 3 (2026-11-03) was not imported: it lists 101 problems, more than the 100 a digest may list.',
      'Digest 4 (2026-11-04) was not imported: item 2 has 50,001 links, more than the 50 an item may have.',
      'Digest 5 (2026-11-05) was not imported: the title of item 1 has 1,001 characters, more than the 1,000 it may have.',
      'Digest 6 (2026-11-06) was not imported: the summary of item 1 has 5,001 characters, more than the 5,000 it may have.',
    ]);
    expect(result.rejected?.map((text) => text.zh)).toEqual([
      '第 2 份摘要（2026-11-02）未导入：有 29,422 条，超过每份摘要最多 200 条。',
      '第 3 份摘要（2026-11-03）未导入：记有 101 个问题，超过每份摘要最多 100 个。',
      '第 4 份摘要（2026-11-04）未导入：第 2 条有 50,001 个链接，超过每条最多 50 个。',
      '第 5 份摘要（2026-11-05）未导入：第 1 条的标题有 1,001 个字符，超过最多 1,000 个。',
      '第 6 份摘要（2026-11-06）未导入：第 1 条的摘要有 5,001 个字符，超过最多 5,000 个。',
    ]);
  });
});

describe('clear all data during an import', () => {
  it('ends with an empty library, and the import says it was cancelled', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2024-12-31'));
    const importing = background.route(
      { type: 'importData', payload: { file: exportFile(manyDigests(400)) } },
      fromOurPopup,
    );
    const clearing = background.route({ type: 'clearData' }, fromOurPopup);
    expect(await clearing).toEqual({ ok: true, value: { cleared: 1 } });
    expect(await importing).toEqual({
      ok: false,
      error: expect.stringContaining(
        'all data was cleared while it ran, and nothing of this import was kept',
      ),
    });
    expect(await store.dates()).toEqual([]);
    expect(await store.readAll()).toEqual([]);
    expect(await background.route({ type: 'listDigests' }, fromOurPopup)).toEqual({
      ok: true,
      value: { digests: [] },
    });
  });

  it('clears an import that finished writing just before', async () => {
    const { background, store } = await backgroundSetup();
    const imported = await background.route(
      { type: 'importData', payload: { file: exportFile(manyDigests(3)) } },
      fromOurPopup,
    );
    expect(imported).toMatchObject({ ok: true, value: { added: 3 } });
    expect(await background.route({ type: 'clearData' }, fromOurPopup)).toEqual({
      ok: true,
      value: { cleared: 3 },
    });
    expect(await store.dates()).toEqual([]);
  });
});
