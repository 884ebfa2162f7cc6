import { expect } from 'vitest';
import { parseDigest } from '../../../lib/digest';
import { type LocalizedText, textIn } from '../../../lib/i18n';
import type { Settings } from '../../../lib/schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { SyncEngine, type SyncEngineDeps } from '../../../lib/sync/sync-engine';
import { datedUrl, digestMarkdown, type FixtureDigest, sampleDigest } from '../../fixtures/digest-builder';
import { openTestStore } from '../storage/stored-digest';
import { ScriptedFetch } from './scripted-fetch';

/** 12:00 in Shanghai on 2026-11-29. */
export const NOW = Date.parse('2026-11-29T04:00:00Z');

/** The defaults, but without GitHub 热门: most sync tests are about the AI digest's sources (trending-sync.test.ts). */
const AI_ONLY = { ...DEFAULT_SETTINGS.sources, trending: false };

export async function syncSetup(settings: Partial<Settings> = {}) {
  const store = await openTestStore();
  const web = new ScriptedFetch();
  const sleeps: number[] = [];
  const clock = { now: NOW };
  const deps: SyncEngineDeps = {
    store,
    fetch: web.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => clock.now,
    parse: parseDigest,
    loadSettings: async () => ({ ...structuredClone(DEFAULT_SETTINGS), sources: AI_ONLY, ...settings }),
    limits: { timeoutMs: 20 },
  };
  return { store, web, sleeps, clock, deps, engine: new SyncEngine(deps) };
}

export function digestText(date: string, overrides: Partial<FixtureDigest> = {}): string {
  return digestMarkdown(sampleDigest(date, overrides));
}

/** Serve a sample digest at the dated source's URL for `date`. */
export function serveDated(web: ScriptedFetch, date: string, headers: Record<string, string> = {}): void {
  web.on(datedUrl(date), { body: digestText(date), headers });
}

/** Words stored in every language, matched by their English. */
export function inEnglish(en: string) {
  return expect.objectContaining({ en, zh: expect.any(String) });
}

/** Stored words in English (a plain string as it is). */
export function english(text: string | LocalizedText | null | undefined): string | null | undefined {
  return text === null || text === undefined ? text : textIn(text, 'en');
}
