import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { ArchiveImporter } from '../../../lib/sync/archive-import';
import { RoomMaker } from '../../../lib/sync/make-room';
import { pruneExpired } from '../../../lib/sync/prune';
import {
  archiveUrl,
  sampleTrending,
  trendingArchiveUrl,
  trendingMarkdown,
  trendingUrl,
} from '../../fixtures/digest-builder';
import { storedDigest, trendingDigest } from '../storage/stored-digest';
import { digestText, NOW, serveDated, syncSetup } from './sync-setup';

const TODAY = '2026-11-29';
const OLD_DAY = '2026-11-20';
const WITH_TRENDING = { sources: { ...DEFAULT_SETTINGS.sources, trending: true } };

function serveTrending(
  web: Awaited<ReturnType<typeof syncSetup>>['web'],
  date: string,
  url = trendingUrl(date),
) {
  web.on(url, { body: trendingMarkdown(sampleTrending(date)) });
}

describe('the GitHub 热门 source', () => {
  it('stores each dated trending file as a GitHub 热门 digest beside the AI digest of its day', async () => {
    const { web, engine, store } = await syncSetup(WITH_TRENDING);
    serveDated(web, TODAY);
    serveTrending(web, TODAY);
    serveTrending(web, OLD_DAY);

    const status = await engine.sync();

    expect(await store.dates()).toEqual([TODAY]);
    expect(await store.dates('github-trending')).toEqual([OLD_DAY, TODAY]);
    const trending = await store.read(TODAY, 'github-trending');
    expect(trending).toMatchObject({ kind: 'github-trending', sourceId: 'trending', date: TODAY });
    expect(trending?.items[0]).toMatchObject({
      section: 'trending',
      rank: 1,
      title: 'trend-owner/repo-20261129-1',
      links: ['https://github.com/trend-owner/repo-20261129-1'],
    });
    expect((await store.read(TODAY))?.kind).toBe('ainews');
    // Its own status row; a day without a file (404) is "none that day", no failure.
    expect(status.sources.find((source) => source.sourceId === 'trending')).toMatchObject({
      lastError: null,
      counts: { stored: 2, unchanged: 0, notFound: 12, failed: 0 },
    });
    // The AI digest's count and newest date stay the AI digest's; the GitHub 热门's newest is said apart.
    expect(status).toMatchObject({ digestCount: 1, newestDate: TODAY, newestTrendingDate: TODAY });
    expect(await engine.status()).toMatchObject({ newestTrendingDate: TODAY });
  });

  it('asks conditionally again while the trending day is stored, and answers unchanged', async () => {
    const { web, engine } = await syncSetup(WITH_TRENDING);
    web.on(trendingUrl(TODAY), {
      body: trendingMarkdown(sampleTrending(TODAY)),
      headers: { etag: '"t1"' },
    });
    await engine.sync();
    await engine.sync();
    const [, second] = web.asked(trendingUrl(TODAY));
    expect(second?.headers['if-none-match']).toBe('"t1"');
  });

  it('refuses an AI digest served at the GitHub 热门 URL, in words, and stores nothing from it', async () => {
    const { web, engine, store } = await syncSetup(WITH_TRENDING);
    serveDated(web, TODAY);
    web.on(trendingUrl(TODAY), { body: digestText(TODAY) });
    const status = await engine.sync();
    const trending = status.sources.find((source) => source.sourceId === 'trending');
    expect(trending?.counts.failed).toBe(1);
    expect(trending?.lastError).toEqual({
      en: `static.zou8944.com, ${TODAY}: is not a GitHub trending digest but the other kind: not stored`,
      zh: `static.zou8944.com, ${TODAY}：不是 GitHub 热门，而是另一种摘要，未保存`,
    });
    expect(await store.dates('github-trending')).toEqual([]);
    expect(await store.dates()).toEqual([TODAY]);
  });

  it('asks nothing of GitHub 热门 when it is switched off', async () => {
    const { web, engine } = await syncSetup({ sources: { ...DEFAULT_SETTINGS.sources, trending: false } });
    const status = await engine.sync();
    expect(web.requests.filter((request) => request.url.includes('github_trending'))).toEqual([]);
    expect(status.sources.map((source) => source.sourceId)).not.toContain('trending');
  });

  it('prunes each kind against its own newest synced day, and keeps what the archive brought', async () => {
    const { store } = await syncSetup();
    await store.writeMany(
      [
        storedDigest('2026-11-28'),
        trendingDigest('2026-11-28', ['a/b']),
        trendingDigest('2026-10-01', ['a/b']),
        trendingDigest('2026-09-01', ['a/b'], { sourceId: 'archive' }),
      ],
      () => false,
    );
    expect(await pruneExpired(store, 30, NOW)).toEqual(['2026-10-01']);
    expect(await store.dates('github-trending')).toEqual(['2026-09-01', '2026-11-28']);
    expect(await store.dates()).toEqual(['2026-11-28']);
  });
});

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('making room with GitHub 热门 stored', () => {
  it('removes the oldest tenth of the synced digests of both kinds, each from its own kind', async () => {
    const { store } = await syncSetup();
    const day = (index: number) => `2026-10-${String(index + 1).padStart(2, '0')}`;
    await store.writeMany(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0 ? storedDigest(day(index)) : trendingDigest(day(index), ['a/b']),
      ),
      () => false,
    );
    const room = new RoomMaker(store);
    let attempts = 0;
    await room.write('2026-10-31', async () => {
      attempts += 1;
      if (attempts === 1) throw quotaExceeded();
    });
    expect(room.removed).toEqual([day(0)]);
    expect(await store.dates()).toEqual([day(2), day(4), day(6), day(8)]);
    expect((await store.dates('github-trending')).length).toBe(5);

    const second = new RoomMaker(store);
    attempts = 0;
    await second.write('2026-10-31', async () => {
      attempts += 1;
      if (attempts === 1) throw quotaExceeded();
    });
    // The oldest synced digest is now a trending day: it goes from the GitHub 热门 stores.
    expect(second.removed).toEqual([day(1)]);
    expect(await store.dates('github-trending')).toEqual([day(3), day(5), day(7), day(9)]);
  });
});

describe('the archive import with GitHub 热门', () => {
  it("imports each archived day's GitHub 热门 with its AI digest, and skips the days already stored", async () => {
    const { web, store, deps } = await syncSetup(WITH_TRENDING);
    web.on(archiveUrl('2026-06-03'), { body: digestText('2026-06-03') });
    serveTrending(web, '2026-06-03', trendingArchiveUrl('2026-06-03'));
    serveTrending(web, '2026-06-02', trendingArchiveUrl('2026-06-02'));
    await store.write(trendingDigest('2026-06-02', ['already/stored'], { sourceId: 'archive' }));
    const importer = new ArchiveImporter(deps);

    await importer.start();
    await importer.finished();

    expect(await importer.status()).toMatchObject({ state: 'done', total: 2 * 347, stored: 3, failed: 0 });
    expect(await store.dates()).toEqual(['2026-06-03']);
    expect(await store.dates('github-trending')).toEqual(['2026-06-02', '2026-06-03']);
    expect((await store.read('2026-06-03', 'github-trending'))?.sourceId).toBe('archive');
    expect(web.asked(trendingArchiveUrl('2026-06-02'))).toEqual([]);
  });

  it('imports only the AI digests when GitHub 热门 is switched off', async () => {
    const { web, deps } = await syncSetup({ sources: { ...DEFAULT_SETTINGS.sources, trending: false } });
    const importer = new ArchiveImporter(deps);
    await importer.start();
    await importer.finished();
    expect((await importer.status()).total).toBe(347);
    expect(web.requests.filter((request) => request.url.includes('github_trending'))).toEqual([]);
  });
});
