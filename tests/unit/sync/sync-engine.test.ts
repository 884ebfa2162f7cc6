import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addDays } from '../../../lib/sync/dates';
import { loadSyncStatus } from '../../../lib/sync/status-store';
import { SYNC_WORDS } from '../../../lib/sync/words';
import { datedUrl, digestMarkdown, HOMEPAGE_URL, sampleDigest } from '../../fixtures/digest-builder';
import { failPuts, quotaExceededOnce, storedDigest } from '../storage/stored-digest';
import { digestText, english, inEnglish, serveDated, syncSetup } from './sync-setup';

const TODAY = '2026-11-29';
const YESTERDAY = '2026-11-28';
const OLD_DAY = '2026-11-20';

describe('SyncEngine', () => {
  it('stores the recent dated digests and the homepage, and keeps the status per source', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    serveDated(web, OLD_DAY);
    web.on(HOMEPAGE_URL, { body: `# 我的文字\n\n欢迎。\n\n${digestText(YESTERDAY)}` });

    const status = await engine.sync();

    expect(await store.dates()).toEqual([OLD_DAY, YESTERDAY, TODAY]);
    expect((await store.read(TODAY))?.items).toHaveLength(20);
    expect((await store.read(YESTERDAY))?.sourceId).toBe('homepage');
    expect(status).toMatchObject({ running: false, digestCount: 3, newestDate: TODAY });
    expect(status.sources).toEqual([
      {
        sourceId: 'dated',
        lastAttemptAt: expect.any(Number),
        lastSuccessAt: expect.any(Number),
        lastError: null,
        counts: { stored: 2, unchanged: 0, notFound: 12, failed: 0 },
      },
      expect.objectContaining({
        sourceId: 'homepage',
        counts: { stored: 1, unchanged: 0, notFound: 0, failed: 0 },
      }),
    ]);
    expect(await loadSyncStatus()).toEqual(status);
    expect(await fakeBrowser.storage.local.get('syncStatus')).toHaveProperty('syncStatus.lastSyncAt');
  });

  it("remembers an old day's 404 but always asks again for today and yesterday", async () => {
    const { web, engine } = await syncSetup();
    await engine.sync();
    await engine.sync();
    expect(web.asked(datedUrl('2026-11-25'))).toHaveLength(1);
    expect(web.asked(datedUrl(TODAY))).toHaveLength(2);
    expect(web.asked(datedUrl(YESTERDAY))).toHaveLength(2);
  });

  it('asks again for a day whose 404 came while it was today or yesterday, once that day is over', async () => {
    const { web, engine, store, clock } = await syncSetup();
    await engine.sync();
    // Not opened again until two days later: the 404s of 11-29 and 11-28 only said "not published yet".
    clock.now += 2 * 86_400_000;
    serveDated(web, TODAY);
    await engine.sync();
    await engine.sync();
    expect(await store.dates()).toContain(TODAY);
    expect(web.asked(datedUrl(YESTERDAY))).toHaveLength(2);
    expect(web.asked(datedUrl('2026-11-25'))).toHaveLength(1);
  });

  it("says in words that a source's site may not be read, and asks nothing there", async () => {
    const { web, engine, deps } = await syncSetup({
      customSources: [
        { id: 'mirror', url: 'https://mirror.example/{date}.md', enabled: true, addedAt: 1 },
        { id: 'one', url: 'https://one.example/today.md', enabled: true, addedAt: 2 },
      ],
    });
    deps.mayRead = async (url) => !url.startsWith('https://mirror.example/');
    serveDated(web, TODAY);
    web.on('https://one.example/today.md', { body: digestText(YESTERDAY) });

    const status = await engine.sync();

    expect(web.requests.filter((request) => request.url.includes('mirror.example'))).toEqual([]);
    const bySource = Object.fromEntries(status.sources.map((source) => [source.sourceId, source]));
    expect(bySource['custom:mirror']).toMatchObject({
      lastSuccessAt: null,
      lastError: inEnglish(`mirror.example: ${SYNC_WORDS.en.noPermission}`),
      counts: { stored: 0, unchanged: 0, notFound: 0, failed: 14 },
    });
    expect(bySource['custom:one']).toMatchObject({ lastError: null, counts: { stored: 1 } });
    expect(bySource.dated?.lastError).toBeNull();
  });

  it('says that a source of your own found none of its days (a mistyped address), not "last success: just now"', async () => {
    const { web, engine } = await syncSetup({
      customSources: [
        { id: 'typo', url: 'https://mirror.example/missing/{date}.md', enabled: true, addedAt: 1 },
        { id: 'some', url: 'https://mirror.example/some/{date}.md', enabled: true, addedAt: 2 },
      ],
    });
    serveDated(web, TODAY);
    web.on(`https://mirror.example/some/${TODAY}.md`, { body: digestText(TODAY) });
    const status = await engine.sync();
    const bySource = Object.fromEntries(status.sources.map((source) => [source.sourceId, source]));
    expect(bySource['custom:typo']).toMatchObject({
      lastSuccessAt: null,
      lastError: inEnglish(SYNC_WORDS.en.noDayFound(14)),
      counts: { stored: 0, unchanged: 0, notFound: 14, failed: 0 },
    });
    expect(bySource['custom:typo']?.lastError).toMatchObject({
      zh: '14 天都没有找到文件（HTTP 404）：地址是否写对了？',
    });
    // One day found is a source that works; the built-in daily files may miss days.
    expect(bySource['custom:some']).toMatchObject({ lastError: null });
    expect(bySource.dated?.lastError).toBeNull();
  });

  it('reports a missing homepage as a failure, unlike a day without a digest', async () => {
    const { web, engine } = await syncSetup();
    serveDated(web, TODAY);
    const status = await engine.sync();
    const bySource = Object.fromEntries(status.sources.map((source) => [source.sourceId, source]));
    expect(bySource.dated).toMatchObject({ lastError: null, counts: { notFound: 13, failed: 0 } });
    expect(bySource.homepage).toMatchObject({ lastSuccessAt: null, counts: { notFound: 0, failed: 1 } });
    expect(english(bySource.homepage?.lastError)).toContain('404');
  });

  it('keeps a stored digest when its URL later answers 404', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    await engine.sync();
    web.on(datedUrl(TODAY), { status: 404 });
    await engine.sync();
    expect(await store.dates()).toContain(TODAY);
  });

  it('retries a 500 and stores the digest from the later success', async () => {
    const { web, engine, store, sleeps } = await syncSetup();
    web.on(datedUrl(TODAY), { status: 500 }, { body: digestText(TODAY) });
    const status = await engine.sync();
    expect(await store.dates()).toEqual([TODAY]);
    expect(status.sources[0]?.lastError).toBeNull();
    expect(sleeps).toEqual([500]);
  });

  it('leaves what is stored intact when a source keeps failing, and names the failure in words', async () => {
    const { web, engine, store, clock } = await syncSetup();
    serveDated(web, TODAY);
    const first = await engine.sync();
    const before = await store.read(TODAY);
    web.on(datedUrl(TODAY), { status: 500 });
    web.on(HOMEPAGE_URL, 'network-error');
    clock.now += 60_000;

    const status = await engine.sync();

    expect(await store.read(TODAY)).toEqual(before);
    const dated = status.sources.find((source) => source.sourceId === 'dated');
    expect(english(dated?.lastError)).toBe('static.zou8944.com, 2026-11-29: answered HTTP 500 (3 attempts)');
    expect(dated?.lastSuccessAt).toBe(first.sources[0]?.lastSuccessAt);
    expect(dated?.lastAttemptAt).toBe(clock.now);
    expect(english(status.sources.find((source) => source.sourceId === 'homepage')?.lastError)).toMatch(
      /^raw\.githubusercontent\.com: could not be reached/,
    );
  });

  it('keeps its errors in every language, to be shown in the language of the moment they are read', async () => {
    const { web, engine } = await syncSetup();
    web.on(datedUrl(TODAY), { status: 503 });
    web.on(HOMEPAGE_URL, { body: '<!doctype html><p>维护中</p>' });
    const status = await engine.sync();
    expect(status.sources.map((source) => source.lastError)).toEqual([
      {
        zh: 'static.zou8944.com, 2026-11-29：服务器返回 HTTP 503（已尝试 3 次）',
        en: 'static.zou8944.com, 2026-11-29: answered HTTP 503 (3 attempts)',
      },
      {
        zh: 'raw.githubusercontent.com：返回的是网页，不是摘要',
        en: 'raw.githubusercontent.com: sent an HTML page, not a digest',
      },
    ]);
    expect((await loadSyncStatus()).sources[0]?.lastError).toEqual(status.sources[0]?.lastError);
  });

  it('gives up on a source that does not answer in time', async () => {
    const { web, engine } = await syncSetup();
    web.on(datedUrl(TODAY), 'hang');
    const status = await engine.sync();
    expect(english(status.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: gave no answer within 0.02 s (3 attempts)',
    );
  });

  it('does not take an HTML page served with 200 for a digest, and keeps the stored one', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    await engine.sync();
    web.on(datedUrl(TODAY), { body: '<!DOCTYPE html>\n<html><body><h1>404 页面不存在</h1></body></html>' });
    web.on(HOMEPAGE_URL, {
      body: '<html><body>maintenance</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    const status = await engine.sync();
    expect((await store.read(TODAY))?.items).toHaveLength(20);
    expect(english(status.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: sent an HTML page, not a digest',
    );
    expect(english(status.sources[1]?.lastError)).toBe(
      'raw.githubusercontent.com: sent an HTML page, not a digest',
    );
  });

  it('names today’s failure first, however late it ends, and an older day’s after it', async () => {
    const { web, engine } = await syncSetup();
    // Today's gives no answer (three attempts: it ends last); an older day's file is an HTML page (it ends at once).
    web.on(datedUrl(TODAY), 'hang');
    web.on(datedUrl('2026-11-24'), { body: '<!DOCTYPE html>\n<html><body>oops</body></html>' });
    const status = await engine.sync();
    expect(english(status.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: gave no answer within 0.02 s (3 attempts) (and 1 more)',
    );
  });

  it('keeps the stored digest when a cut-off copy arrives', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    await engine.sync();
    const full = digestText(TODAY);
    web.on(datedUrl(TODAY), { body: full.slice(0, Math.floor(full.length / 2)) });
    const status = await engine.sync();
    expect((await store.read(TODAY))?.items).toHaveLength(20);
    expect(english(status.sources[0]?.lastError)).toMatch(
      /looks cut off \(\d+ of 20 items\): the stored version was kept/,
    );
  });

  it('keeps the stored digest when a copy cut between two items parses without a problem', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    await engine.sync();
    const full = digestText(TODAY);
    const cut = full.slice(0, full.indexOf('### 4. ', full.indexOf('十大工具产品要点')));
    web.on(datedUrl(TODAY), { body: cut });
    const status = await engine.sync();
    expect((await store.read(TODAY))?.items).toHaveLength(20);
    expect(english(status.sources[0]?.lastError)).toMatch(/looks cut off \(13 of 20 items\)/);
  });

  it('refuses a 10 MB document', async () => {
    const { web, engine, store } = await syncSetup();
    web.on(datedUrl(TODAY), { body: `${digestText(TODAY)}${'x'.repeat(10 * 1024 * 1024)}` });
    const status = await engine.sync();
    expect(await store.dates()).toEqual([]);
    expect(english(status.sources[0]?.lastError)).toBe('static.zou8944.com, 2026-11-29: sent more than 2 MB');
  });

  it('asks with the ETag and Last-Modified it got, and a 304 changes nothing', async () => {
    const { web, engine, store, clock } = await syncSetup();
    serveDated(web, TODAY, { etag: '"abc"', 'last-modified': 'Sun, 29 Nov 2026 01:00:00 GMT' });
    await engine.sync();
    const stored = await store.read(TODAY);
    web.on(datedUrl(TODAY), { status: 304 });
    clock.now += 3_600_000;
    const status = await engine.sync();
    expect(web.asked(datedUrl(TODAY))[1]?.headers).toMatchObject({
      'if-none-match': '"abc"',
      'if-modified-since': 'Sun, 29 Nov 2026 01:00:00 GMT',
    });
    expect(status.sources[0]?.counts).toMatchObject({ stored: 0, unchanged: 1 });
    expect(await store.read(TODAY)).toEqual(stored);
  });

  it('does not ask conditionally for a digest that is no longer stored', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY, { etag: '"abc"' });
    await engine.sync();
    await store.delete([TODAY]);
    await engine.sync();
    expect(web.asked(datedUrl(TODAY))[1]?.headers).not.toHaveProperty('if-none-match');
    expect(await store.dates()).toEqual([TODAY]);
  });

  it('does not rewrite the same digest fetched twice, or from two sources', async () => {
    const { web, engine, store, clock } = await syncSetup();
    serveDated(web, TODAY);
    web.on(HOMEPAGE_URL, { body: `# 主页\n\n${digestText(TODAY)}` });
    const first = await engine.sync();
    const stored = await store.read(TODAY);
    clock.now += 3_600_000;
    const second = await engine.sync();
    expect(await store.read(TODAY)).toEqual(stored);
    const storedCount = (status: typeof first) =>
      status.sources.reduce((sum, source) => sum + source.counts.stored, 0);
    expect(storedCount(first)).toBe(1);
    expect(storedCount(second)).toBe(0);
    expect(second.sources.map((source) => source.counts.unchanged)).toEqual([1, 1]);
  });

  it("prefers a complete document's copy of a day to the homepage's, which only fills a gap", async () => {
    const { web, engine, store } = await syncSetup();
    const homepageVariant = sampleDigest(TODAY);
    homepageVariant.news = homepageVariant.news.map((item) => ({
      ...item,
      summary: `主页版本：${item.summary}`,
    }));
    web.on(HOMEPAGE_URL, { body: `# 主页\n\n${digestMarkdown(homepageVariant)}` });
    await engine.sync();
    expect((await store.read(TODAY))?.sourceId).toBe('homepage');

    serveDated(web, TODAY);
    await engine.sync();
    expect((await store.read(TODAY))?.sourceId).toBe('dated');
    const third = await engine.sync();
    expect((await store.read(TODAY))?.sourceId).toBe('dated');
    expect(third.sources.map((source) => [source.sourceId, source.counts.stored, source.lastError])).toEqual([
      ['dated', 0, null],
      ['homepage', 0, null],
    ]);
  });

  it('keeps the old version when a write fails in the middle, and the next sync completes it', async () => {
    const { web, engine, store } = await syncSetup();
    await store.write(storedDigest(TODAY, { contentHash: 'old' }));
    serveDated(web, TODAY);
    const put = failPuts(
      'items',
      () => new DOMException('worker stopped', 'AbortError'),
      (record) => (record as { position?: number }).position === 5,
    );
    const failed = await engine.sync();
    put.mockRestore();
    expect((await store.read(TODAY))?.contentHash).toBe('old');
    expect(english(failed.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: could not be stored (worker stopped)',
    );

    await engine.sync();
    expect((await store.read(TODAY))?.items).toHaveLength(20);
  });

  it('removes the oldest digests when storage is full, retries, and says so', async () => {
    const { web, engine, store } = await syncSetup();
    for (const date of ['2026-09-01', '2026-09-02', '2026-09-03']) await store.write(storedDigest(date));
    serveDated(web, TODAY);
    quotaExceededOnce();

    const status = await engine.sync();

    expect(await store.dates()).toEqual(['2026-09-02', '2026-09-03', TODAY]);
    expect(english(status.notice)).toBe(
      'Storage was full: removed the 1 oldest synced digest (2026-09-01 to 2026-09-01) to make room.',
    );
    expect(status.sources[0]?.counts.stored).toBe(1);
  });

  it('runs one sync at a time: an alarm during a running sync joins it', async () => {
    const { web, engine, deps } = await syncSetup();
    deps.limits = { timeoutMs: 60_000 };
    serveDated(web, TODAY);
    web.hold();
    const fromButton = engine.sync();
    await vi.waitFor(() => expect(web.requests.length).toBeGreaterThan(0));
    const fromAlarm = engine.sync();
    expect(engine.isRunning).toBe(true);
    web.release();
    expect(await fromAlarm).toEqual(await fromButton);
    expect(web.asked(datedUrl(TODAY))).toHaveLength(1);
    expect(engine.isRunning).toBe(false);
  });

  it('has at most four requests in flight', async () => {
    const { web, engine, deps } = await syncSetup();
    deps.limits = { timeoutMs: 60_000 };
    web.hold();
    const running = engine.sync();
    await vi.waitFor(() => expect(web.requests.length).toBe(4));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(web.requests).toHaveLength(4);
    expect((await engine.status()).progress).toEqual({ done: 0, total: 15 });
    web.release();
    await running;
    expect(web.maxInFlight).toBe(4);
  });

  it('does not ask for days the retention would remove at once', async () => {
    const { web, engine, store } = await syncSetup({ retentionDays: 7 });
    serveDated(web, '2026-11-21');
    serveDated(web, '2026-11-22');
    const status = await engine.sync();
    expect(web.asked(datedUrl('2026-11-21'))).toEqual([]);
    expect(await store.dates()).toEqual(['2026-11-22']);
    expect(status.sources[0]?.counts).toEqual({ stored: 1, unchanged: 0, notFound: 7, failed: 0 });
  });

  it('prunes synced digests past the retention, but keeps what the user imported', async () => {
    const { engine, store, web } = await syncSetup({ retentionDays: 30 });
    serveDated(web, TODAY);
    await store.write(storedDigest('2026-10-29'));
    await store.write(storedDigest('2026-10-30'));
    await store.write(storedDigest('2026-01-05', { sourceId: 'archive' }));
    await store.write(storedDigest('2026-01-06', { sourceId: 'import' }));
    await engine.sync();
    expect(await store.dates()).toEqual(['2026-01-05', '2026-01-06', '2026-10-30', TODAY]);
  });

  it('on a full disk, makes room once, never deletes an imported digest, and says "storage full" once', async () => {
    const { web, engine, store } = await syncSetup();
    // 100 digests stored, mostly imported: 90 from the archive or a file, 10 synced.
    for (let index = 0; index < 100; index++) {
      const date = addDays('2026-06-01', index);
      await store.write(
        storedDigest(date, { sourceId: index < 90 ? (index % 2 ? 'import' : 'archive') : 'dated' }),
      );
    }
    const imported = (await store.readAll())
      .filter((digest) => digest.sourceId !== 'dated')
      .map((d) => d.date);
    for (let offset = 0; offset < 5; offset++) serveDated(web, addDays(TODAY, -offset));
    const deleteSpy = vi.spyOn(store, 'delete');
    const put = failPuts(
      'digests',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );

    const status = await engine.sync();
    put.mockRestore();

    const left = await store.dates();
    expect(imported.filter((date) => !left.includes(date))).toEqual([]);
    expect(left).toHaveLength(99);
    expect(deleteSpy.mock.calls.filter(([dates]) => dates.length > 0)).toHaveLength(1);
    expect(english(status.notice)).toBe(
      'Storage was full: removed the 1 oldest synced digest (2026-08-30 to 2026-08-30) to make room. ' +
        'Storage is full: 5 digests were not stored. Imported digests are never removed to make room; free disk space or remove digests you no longer need.',
    );
    expect(status.sources[0]?.counts).toMatchObject({ stored: 0, failed: 5 });
    expect(english(status.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: could not be stored (storage is full) (and 4 more)',
    );
  });

  it('says "storage is full" in words, not an unexpected failure, when every write is refused', async () => {
    const { web, engine, store } = await syncSetup();
    serveDated(web, TODAY);
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const digests = failPuts('digests', quota);
    // The fetch bookkeeping too: a 404's or a validator's record is refused as well.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const status = await engine.sync();
    put.mockRestore();
    digests.mockRestore();
    expect(await store.dates()).toEqual([]);
    const line = english(status.sources[0]?.lastError) ?? '';
    expect(line).not.toMatch(/unexpected/i);
    expect(line).toContain('could not be stored (storage is full)');
  });

  it("stores a dated file under its URL's date: a header naming another day never replaces that day", async () => {
    const { web, engine, store } = await syncSetup();
    const imported = storedDigest('2026-01-15', { sourceId: 'import' });
    await store.write(imported);
    web.on(datedUrl(TODAY), { body: digestText('2026-01-15') });

    const status = await engine.sync();

    expect(await store.read('2026-01-15')).toEqual(imported);
    const stored = await store.read(TODAY);
    expect(stored?.sourceId).toBe('dated');
    expect(stored?.problems).toContainEqual({
      line: 1,
      message: "header date 2026-01-15 differs from the URL's date 2026-11-29",
    });
    expect(status.sources[0]?.counts.stored).toBe(1);
  });

  it('refuses a homepage dated later than tomorrow, so it never becomes the latest', async () => {
    const { web, engine, store } = await syncSetup();
    web.on(HOMEPAGE_URL, { body: `# 主页\n\n${digestText('9999-12-31')}` });
    const status = await engine.sync();
    expect(await store.dates()).toEqual([]);
    expect(english(status.sources[1]?.lastError)).toBe(
      'raw.githubusercontent.com: is dated 9999-12-31, later than tomorrow (2026-11-30): not stored',
    );
  });

  it('never reports a date stored before dates were checked (9999-12-31) as the newest', async () => {
    const { web, engine, store } = await syncSetup();
    await store.write(storedDigest('9999-12-31', { sourceId: 'import' }));
    serveDated(web, TODAY);
    expect((await engine.sync()).newestDate).toBe(TODAY);
    expect((await engine.status()).newestDate).toBe(TODAY);
  });

  it('does not delete synced digests when the clock is two years fast', async () => {
    const { engine, store, clock } = await syncSetup();
    const dates = Array.from({ length: 300 }, (_, index) => addDays(TODAY, -index));
    for (const date of dates) await store.write(storedDigest(date));
    clock.now += 2 * 365 * 86_400_000;
    await engine.sync();
    expect(await store.dates()).toHaveLength(300);
  });

  it('is not blocked by a time far in the future stored by a clock that was wrong (1e308)', async () => {
    const { web, engine, store } = await syncSetup();
    await store.write(storedDigest(TODAY, { fetchedAt: 1e308 }));
    // Written straight to the database: the store's own bookkeeping may drop such a record on save.
    await store.db.put('documents', { url: datedUrl('2026-11-20'), notFoundAt: 1e308 });
    serveDated(web, TODAY);
    serveDated(web, '2026-11-20');

    const status = await engine.sync();

    expect(status.sources[0]?.lastError).toBeNull();
    expect((await store.read(TODAY))?.items).toHaveLength(20);
    expect(web.asked(datedUrl('2026-11-20'))).toHaveLength(1);
    expect(await store.dates()).toContain('2026-11-20');
  });

  it("does not store a redirected answer from another host under the publisher's URL", async () => {
    const { web, engine, store } = await syncSetup();
    web.on(datedUrl(TODAY), { body: digestText(TODAY), redirectedTo: 'https://evil.example/digest.md' });
    const status = await engine.sync();
    expect(await store.dates()).toEqual([]);
    expect(english(status.sources[0]?.lastError)).toBe(
      'static.zou8944.com, 2026-11-29: was redirected to https://evil.example, which is not https on static.zou8944.com: refused',
    );
  });
});
