/**
 * The one settings module: defaults, load (validated, a damaged value falls back to its default), save and watch.
 * Settings live in `chrome.storage.local` under one key. Used by the background, the popup and the options page;
 * the content script learns what it needs (site on/off, sidebar mode) from the background's `lookup` answer.
 */
import { browser } from 'wxt/browser';
import { type Settings, settingsSchema } from './schema';

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  sources: { dated: true, homepage: true, trending: true },
  customSources: [],
  syncIntervalHours: 6,
  retentionDays: 365,
  sites: { x: true, github: true, huggingface: true },
  marks: { x: true, github: true, huggingface: true },
  sidebarMode: 'auto',
  toolbarOpensPanel: false,
  allSites: { enabled: false, excluded: [] },
};

/** Merge whatever is stored over the defaults, keeping each top-level field only when it is valid. */
export function normalizeSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return structuredClone(DEFAULT_SETTINGS);
  const merged: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in merged)) continue;
    const field = settingsSchema.shape[key as keyof Settings].safeParse(value);
    if (field.success) merged[key] = field.data;
  }
  return settingsSchema.parse(merged);
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

/** Validate and store a change; throws (in words) when the result would not be valid settings. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/**
 * Store `next` whole, with no read first: the write is asked for before this returns, so a page that is closing
 * (`pagehide`) still makes it, where saveSettings's read may never come back.
 */
export async function storeSettingsNow(next: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settingsSchema.parse(next) });
}

/** Call `listener` with the new settings whenever they change; returns the function that stops watching. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes)
      listener(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
