import { describe, expect, it } from 'vitest';
import { fetchDocument } from '../../../lib/sync/fetch-document';
import { datedUrl } from '../../fixtures/digest-builder';
import { ScriptedFetch } from './scripted-fetch';
import { english, syncSetup } from './sync-setup';

const URL_A = 'https://static.zou8944.com/newsletter/a.md';
const OFFLINE = { zh: '离线：未连接网络', en: 'Offline: no network connection' };

function settings(web: ScriptedFetch, isOnline: () => boolean, sleeps: number[] = []) {
  return {
    fetch: web.fetch,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    timeoutMs: 1000,
    maxBytes: 1024,
    backoffMs: [500, 2000],
    isOnline,
  };
}

describe('offline, said early', () => {
  it('fails at once, with no request, when the browser says it is offline', async () => {
    const web = new ScriptedFetch().on(URL_A, { body: 'ok' });
    const outcome = await fetchDocument(
      URL_A,
      {},
      settings(web, () => false),
    );
    expect(outcome).toEqual({ kind: 'failed', error: OFFLINE });
    expect(web.requests).toHaveLength(0);
  });

  it('stops after the first network failure when the connection is gone: no retries, no waits', async () => {
    let online = true;
    const web = new ScriptedFetch().on(URL_A, 'network-error', { body: 'ok' });
    const sleeps: number[] = [];
    const fetching = fetchDocument(
      URL_A,
      {},
      settings(
        web,
        () => {
          const now = online;
          online = false; // the connection drops while the first request is under way
          return now;
        },
        sleeps,
      ),
    );
    expect(await fetching).toEqual({ kind: 'failed', error: OFFLINE });
    expect(web.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('says a network error in the user’s language, not the browser’s English', async () => {
    const web = new ScriptedFetch().on(URL_A, 'network-error', 'network-error', 'network-error');
    const outcome = await fetchDocument(
      URL_A,
      {},
      settings(web, () => true),
    );
    expect(outcome).toEqual({
      kind: 'failed',
      error: {
        zh: '无法连接（网络错误）（已尝试 3 次）',
        en: 'could not be reached (network error) (3 attempts)',
      },
    });
  });

  it('a sync offline ends at once, each source saying "offline" once', async () => {
    const { engine, web, deps, sleeps } = await syncSetup();
    deps.isOnline = () => false;
    web.on(datedUrl('2026-11-29'), { body: 'never asked' });
    const status = await engine.sync();
    expect(web.requests).toHaveLength(0);
    expect(sleeps).toEqual([]);
    expect(status.sources.map((source) => [source.sourceId, source.lastError])).toEqual([
      ['dated', OFFLINE],
      ['homepage', OFFLINE],
    ]);
    expect(english(status.sources[0]?.lastError)).toBe('Offline: no network connection');
  });
});
