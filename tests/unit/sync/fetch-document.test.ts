import { describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_SETTINGS, type FetchSettings, fetchDocument } from '../../../lib/sync/fetch-document';
import { brokenBody, hugeBody, ScriptedFetch } from './scripted-fetch';
import { inEnglish } from './sync-setup';

const URL_A = 'https://static.zou8944.com/newsletter/2026-11-29/ai_news_summary_2026-11-29.md';

function settingsFor(web: ScriptedFetch, sleeps: number[] = []): FetchSettings {
  return {
    ...DEFAULT_FETCH_SETTINGS,
    timeoutMs: 20,
    fetch: web.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

describe('fetchDocument', () => {
  it('answers the text with its validators', async () => {
    const web = new ScriptedFetch().on(URL_A, {
      body: '正文',
      headers: { etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT' },
    });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({
      kind: 'fetched',
      text: '正文',
      etag: '"v1"',
      lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT',
    });
  });

  it('asks conditionally and reports 304 as not modified', async () => {
    const web = new ScriptedFetch().on(URL_A, { status: 304 });
    const outcome = await fetchDocument(URL_A, { etag: '"v1"', lastModified: 'yesterday' }, settingsFor(web));
    expect(outcome).toEqual({ kind: 'notModified' });
    expect(web.requests[0]?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'yesterday',
    });
  });

  it('reports 404 as not found, without retrying', async () => {
    const web = new ScriptedFetch();
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({ kind: 'notFound' });
    expect(web.requests).toHaveLength(1);
  });

  it('retries a 500 with backoff and takes the later success', async () => {
    const sleeps: number[] = [];
    const web = new ScriptedFetch().on(URL_A, { status: 500 }, { status: 502 }, { body: 'ok' });
    expect(await fetchDocument(URL_A, {}, settingsFor(web, sleeps))).toMatchObject({
      kind: 'fetched',
      text: 'ok',
    });
    expect(sleeps).toEqual([500, 2_000]);
  });

  it('gives up after three attempts and says why', async () => {
    const web = new ScriptedFetch().on(URL_A, { status: 503 });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({
      kind: 'failed',
      error: inEnglish('answered HTTP 503 (3 attempts)'),
    });
    expect(web.requests).toHaveLength(3);
  });

  it('retries a network error', async () => {
    const web = new ScriptedFetch().on(URL_A, 'network-error', { body: 'ok' });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toMatchObject({ kind: 'fetched', text: 'ok' });
  });

  it('does not retry a 403', async () => {
    const web = new ScriptedFetch().on(URL_A, { status: 403 });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({
      kind: 'failed',
      error: inEnglish('answered HTTP 403'),
    });
    expect(web.requests).toHaveLength(1);
  });

  it('aborts a request that gives no answer in time', async () => {
    const web = new ScriptedFetch().on(URL_A, 'hang');
    const outcome = await fetchDocument(URL_A, {}, { ...settingsFor(web), backoffMs: [] });
    expect(outcome).toEqual({ kind: 'failed', error: inEnglish('gave no answer within 0.02 s') });
  });

  it('uses a 15 s timeout and a 2 MB cap by default', () => {
    expect(DEFAULT_FETCH_SETTINGS.timeoutMs).toBe(15_000);
    expect(DEFAULT_FETCH_SETTINGS.maxBytes).toBe(2 * 1024 * 1024);
  });

  it('refuses an HTML page served with status 200', async () => {
    const web = new ScriptedFetch().on(URL_A, {
      body: '<!doctype html><title>Oops</title>',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({
      kind: 'failed',
      error: inEnglish('sent an HTML page, not a digest'),
    });
  });

  it('stops reading a 10 MB body soon after 2 MB', async () => {
    const huge = hugeBody(10 * 1024 * 1024);
    const web = new ScriptedFetch().on(URL_A, { body: huge.body });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toEqual({
      kind: 'failed',
      error: inEnglish('sent more than 2 MB'),
    });
    expect(huge.pulled()).toBeLessThan(2.5 * 1024 * 1024);
  });

  it('refuses a body announced larger than 2 MB without reading it', async () => {
    const huge = hugeBody(10 * 1024 * 1024);
    const web = new ScriptedFetch().on(URL_A, {
      body: huge.body,
      headers: { 'content-length': String(10 * 1024 * 1024) },
    });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toMatchObject({ kind: 'failed' });
    expect(huge.pulled()).toBeLessThan(256 * 1024);
  });

  it('treats a body that breaks off as a network error, and retries', async () => {
    const web = new ScriptedFetch().on(URL_A, { body: brokenBody('## AINews - 2026') }, { body: 'complete' });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toMatchObject({
      kind: 'fetched',
      text: 'complete',
    });
  });

  it('treats a body shorter than its content-length as cut off', async () => {
    const cutOff = { body: 'half of it', headers: { 'content-length': '5000' } };
    const web = new ScriptedFetch().on(URL_A, cutOff, { ...cutOff }, { ...cutOff });
    const outcome = await fetchDocument(URL_A, {}, settingsFor(web));
    expect(outcome).toEqual({
      kind: 'failed',
      error: inEnglish('was cut off after 10 of 5000 bytes (3 attempts)'),
    });
  });

  it.each([
    ['another host', 'https://evil.example/ai_news_summary_2026-11-29.md', 'https://evil.example'],
    ['plain http on the same host', URL_A.replace('https:', 'http:'), 'http://static.zou8944.com'],
  ])('refuses an answer redirected to %s, in words', async (_, finalUrl, where) => {
    const web = new ScriptedFetch().on(URL_A, { body: '## AINews - 2026-11-29', redirectedTo: finalUrl });
    const outcome = await fetchDocument(URL_A, {}, settingsFor(web));
    expect(outcome).toEqual({
      kind: 'failed',
      error: {
        en: `was redirected to ${where}, which is not https on static.zou8944.com: refused`,
        zh: `被重定向到 ${where}，不是 static.zou8944.com 上的 https 地址，已拒绝`,
      },
    });
    expect(web.requests).toHaveLength(1);
  });

  it('follows a redirect within the same host over https', async () => {
    const moved = 'https://static.zou8944.com/newsletter/moved/2026-11-29.md';
    const web = new ScriptedFetch().on(URL_A, { body: 'ok', redirectedTo: moved });
    expect(await fetchDocument(URL_A, {}, settingsFor(web))).toMatchObject({ kind: 'fetched', text: 'ok' });
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const web = new ScriptedFetch().on(URL_A, 'hang');
    const pending = fetchDocument(
      URL_A,
      {},
      { ...settingsFor(web), timeoutMs: 60_000, signal: controller.signal },
    );
    controller.abort();
    expect(await pending).toEqual({ kind: 'failed', error: inEnglish('was cancelled') });
    expect(web.requests).toHaveLength(1);
  });
});
