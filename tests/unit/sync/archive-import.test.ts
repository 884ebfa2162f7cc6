import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { textIn } from '../../../lib/i18n';
import { ArchiveImporter, GIVE_UP_AFTER_FAILURES } from '../../../lib/sync/archive-import';
import { saveArchiveImportStatus } from '../../../lib/sync/status-store';
import { SYNC_WORDS } from '../../../lib/sync/words';
import { archiveUrl } from '../../fixtures/digest-builder';
import { failPuts, quotaExceededOnce, storedDigest } from '../storage/stored-digest';
import { digestText, inEnglish, syncSetup } from './sync-setup';

const ARCHIVED = ['2025-06-22', '2025-12-31', '2026-06-03'];

async function importerSetup() {
  const setup = await syncSetup();
  for (const date of ARCHIVED) setup.web.on(archiveUrl(date), { body: digestText(date) });
  return { ...setup, importer: new ArchiveImporter(setup.deps) };
}

describe('ArchiveImporter', () => {
  it('imports every archived day, counts the missing ones, and records its progress', async () => {
    const { importer, store, web } = await importerSetup();
    web.on(archiveUrl('2026-01-01'), { status: 500 });
    const started = await importer.start();
    expect(started).toMatchObject({ state: 'running', done: 0 });
    await importer.finished();

    const status = await importer.status();
    expect(status).toEqual({
      state: 'done',
      done: 347,
      total: 347,
      stored: 3,
      notFound: 343,
      failed: 1,
      error: {
        en: '2026-01-01: answered HTTP 500 (3 attempts)',
        zh: '2026-01-01：服务器返回 HTTP 500（已尝试 3 次）',
      },
    });
    expect(await store.dates()).toEqual(ARCHIVED);
    expect((await store.read('2025-12-31'))?.sourceId).toBe('archive');
    expect(await fakeBrowser.storage.local.get('archiveImport')).toEqual({ archiveImport: status });
    expect(web.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('does not fetch days already stored, nor old 404s again', async () => {
    const { importer, store, web } = await importerSetup();
    await store.write(storedDigest('2025-12-31', { sourceId: 'archive' }));
    await importer.start();
    await importer.finished();
    expect(web.asked(archiveUrl('2025-12-31'))).toEqual([]);
    const requestsBefore = web.requests.length;
    await importer.start();
    await importer.finished();
    expect(web.requests.length - requestsBefore).toBe(0);
    expect((await importer.status()).stored).toBe(3);
  });

  it('stops when cancelled and keeps what it stored', async () => {
    const { importer, web, deps } = await importerSetup();
    deps.limits = { timeoutMs: 60_000 };
    web.hold();
    await importer.start();
    await vi.waitFor(() => expect(web.requests.length).toBe(4));
    const cancelled = await importer.cancel();
    web.release();
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(347);
    expect(web.requests.length).toBe(4);
  });

  it('joins a running import instead of starting a second', async () => {
    const { importer, web, deps } = await importerSetup();
    deps.limits = { timeoutMs: 60_000 };
    web.hold();
    await importer.start();
    await importer.start();
    await vi.waitFor(() => expect(web.requests.length).toBe(4));
    web.release();
    await importer.finished();
    expect(web.asked(archiveUrl('2026-06-03'))).toHaveLength(1);
  });

  it('starts one import when two requests arrive together', async () => {
    const { importer, web } = await importerSetup();
    const [first, second] = await Promise.all([importer.start(), importer.start()]);
    expect(second).toEqual(first);
    await importer.finished();
    expect(web.asked(archiveUrl('2026-06-03'))).toHaveLength(1);
    expect(web.requests).toHaveLength(347);
  });

  it("counts one document's unexpected failure and goes on with the others", async () => {
    const { importer, deps, store } = await importerSetup();
    const parse = deps.parse;
    deps.parse = (text) => {
      if (text.includes('2025-12-31')) throw new Error('parser bug');
      return parse(text);
    };
    await importer.start();
    await importer.finished();
    expect(await importer.status()).toMatchObject({
      state: 'done',
      done: 347,
      stored: 2,
      failed: 1,
      error: inEnglish('2025-12-31: failed unexpectedly (parser bug)'),
    });
    expect(await store.dates()).toEqual(['2025-06-22', '2026-06-03']);
  });

  it("stops after a run of failures when the archive's site is down, and says why at once", async () => {
    const { importer, deps, store } = await importerSetup();
    let asked = 0;
    deps.fetch = async () => {
      asked += 1;
      return new Response('down', { status: 500 });
    };
    await importer.start();
    await importer.finished();

    const status = await importer.status();
    // Each of the 347 files would be asked 3 times (a quarter of an hour against a real site): a few, then it stops.
    expect(status.done).toBeLessThan(GIVE_UP_AFTER_FAILURES + 4);
    expect(asked).toBeLessThan(3 * (GIVE_UP_AFTER_FAILURES + 4));
    expect(status).toMatchObject({ state: 'failed', stored: 0, notFound: 0 });
    expect(status.failed).toBe(status.done);
    expect(textIn(status.error ?? { en: '', zh: '' }, 'en')).toMatch(
      /^Stopped after 12 files in a row failed: the archive's site seems down or unreachable\. Try again later\. \d{4}-\d{2}-\d{2}: answered HTTP 500 \(3 attempts\) \(and \d+ more\)$/,
    );
    expect(textIn(status.error ?? { en: '', zh: '' }, 'zh')).toMatch(/^连续 12 个文件失败，已停止：/);
    expect(await store.dates()).toEqual([]);
  });

  it('goes on through failures that found or stored days between them', async () => {
    const { importer, web } = await importerSetup();
    // Every other day fails: never 12 in a row, so the whole archive is gone through.
    const first = Date.parse('2025-06-22T00:00:00Z');
    for (let day = 0; day < 347; day += 2)
      web.on(archiveUrl(new Date(first + day * 86_400_000).toISOString().slice(0, 10)), { status: 500 });
    await importer.start();
    await importer.finished();
    expect(await importer.status()).toMatchObject({ state: 'done', done: 347 });
  });

  it("says in words that the archive's site may not be read, and asks nothing", async () => {
    const { importer, web, deps } = await importerSetup();
    deps.mayRead = async () => false;
    await importer.start();
    await importer.finished();
    expect(await importer.status()).toMatchObject({
      state: 'failed',
      done: 0,
      error: {
        en: `raw.githubusercontent.com: ${SYNC_WORDS.en.noPermission}`,
        zh: `raw.githubusercontent.com：${SYNC_WORDS.zh.noPermission}`,
      },
    });
    expect(web.requests).toEqual([]);
  });

  it('makes room when storage is full by removing a synced digest, never an imported one, and says so', async () => {
    const { importer, store } = await importerSetup();
    await store.write(storedDigest('2024-01-01', { sourceId: 'import' }));
    await store.write(storedDigest('2024-01-02'));
    quotaExceededOnce();
    await importer.start();
    await importer.finished();
    expect(await importer.status()).toMatchObject({
      state: 'done',
      stored: 3,
      failed: 0,
      error: inEnglish(
        'Storage was full: removed the 1 oldest synced digest (2024-01-02 to 2024-01-02) to make room.',
      ),
    });
    expect(await store.dates()).toEqual(['2024-01-01', ...ARCHIVED]);
  });

  it('makes room at most once per run, and stops when storage stays full', async () => {
    const { importer, store } = await importerSetup();
    for (let day = 1; day <= 9; day++)
      await store.write(storedDigest(`2024-02-0${day}`, { sourceId: 'import' }));
    await store.write(storedDigest('2024-03-01'));
    const put = failPuts(
      'digests',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await importer.start();
    await importer.finished();
    put.mockRestore();
    const status = await importer.status();
    expect(status).toMatchObject({ state: 'done', stored: 0, failed: 3 });
    const error = textIn(status.error ?? '', 'en');
    expect(error).toMatch(/^\d{4}-\d{2}-\d{2}: could not be stored \(storage is full\) \(and 2 more\) /);
    expect(error.replace(/^.*?\(and 2 more\) /, '')).toBe(
      'Storage was full: removed the 1 oldest synced digest (2024-03-01 to 2024-03-01) to make room. ' +
        'Storage is full: 3 digests were not stored. Imported digests are never removed to make room; free disk space or remove digests you no longer need.',
    );
    expect(await store.dates()).toHaveLength(9);
  });

  it('reports an import left running by a stopped worker as interrupted', async () => {
    const { importer } = await importerSetup();
    await saveArchiveImportStatus({
      state: 'running',
      done: 10,
      total: 347,
      stored: 2,
      notFound: 8,
      failed: 0,
      error: null,
    });
    expect(await importer.status()).toMatchObject({
      state: 'failed',
      done: 10,
      error: {
        en: 'The import was interrupted (the background was stopped).',
        zh: '导入被中断（后台已停止）。',
      },
    });
  });
});
