/**
 * The all-sites option's state and actions on the options page. The access is asked for inside the click (browsers
 * grant permissions only during a user gesture); the background registers the page script once the setting is on
 * and the access granted (lib/all-sites/start-all-sites.ts), and the page shows when the browser took it back.
 */
import { computed, signal } from '@preact/signals';
import { MAX_EXCLUDED_SITES, parseExclusions } from '../../lib/all-sites/exclusions';
import type { AllSitesState } from '../../lib/all-sites/registration';
import { customSourceOrigins } from '../../lib/all-sites/release';
import type { UiLanguage } from '../../lib/i18n';
import type { Settings } from '../../lib/schema';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings';
import type { Notice } from '../options/options-store';
import { errorText } from '../shared/client';
import { allSitesStrings } from './strings';

export interface AllSitesDeps {
  lang: UiLanguage;
  /** `permissions.request` for all sites: must be called inside the click handler. */
  requestAccess: () => Promise<boolean>;
  /** `permissions.remove` for all sites (fails in a build that grants them at install: nothing to give back). */
  releaseAccess: () => Promise<boolean>;
  /**
   * Whether `releaseAccess` gives back the all-sites pattern only. Chrome's takes every https host it covers with it,
   * the feeds' and the custom sources' included, and asking again needs the user's yes in a prompt (checked in
   * Chromium: the next sync read nothing, "no permission"); there the access is kept, unused (lib/all-sites/release).
   */
  releasesOnlyAllSites: boolean;
  /** `permissions.contains` for one origin's host permission (`<origin>/*`). */
  hasOrigin: (origin: string) => Promise<boolean>;
  hasAccess: () => Promise<boolean>;
  /** Calls `listener` when the browser grants or removes a permission; returns the function that stops it. */
  watchAccess: (listener: () => void) => () => void;
}

export type AllSitesStore = ReturnType<typeof createAllSitesStore>;

export function createAllSitesStore(deps: AllSitesDeps) {
  const strings = allSitesStrings(deps.lang);
  const allSites = signal<Settings['allSites'] | null>(null);
  const granted = signal(false);
  const notice = signal<Notice>(null);
  const excludedText = signal('');
  const excludedNotice = signal<Notice>(null);
  const state = computed<AllSitesState | null>(() => {
    if (!allSites.value) return null;
    if (!allSites.value.enabled) return 'off';
    return granted.value ? 'on' : 'noAccess';
  });
  const cleanups: (() => void)[] = [];

  const refreshAccess = async () => {
    granted.value = await deps.hasAccess().catch(() => false);
  };

  async function start(): Promise<void> {
    cleanups.push(
      watchSettings((settings) => (allSites.value = settings.allSites)),
      deps.watchAccess(() => void refreshAccess()),
    );
    await refreshAccess();
    const settings = await loadSettings();
    allSites.value = settings.allSites;
    excludedText.value = settings.allSites.excluded.join('\n');
  }

  async function save(change: Partial<Settings['allSites']>): Promise<void> {
    const current = allSites.value ?? (await loadSettings()).allSites;
    allSites.value = (await saveSettings({ allSites: { ...current, ...change } })).allSites;
  }

  /** Ask for the access first, synchronously inside the click, then turn the option on. */
  async function turnOn(): Promise<void> {
    const asked = deps.requestAccess();
    notice.value = { kind: 'ok', text: strings.asking };
    try {
      granted.value = await asked;
      if (!granted.value) {
        notice.value = { kind: 'error', text: strings.denied };
        return;
      }
      await save({ enabled: true });
      notice.value = { kind: 'ok', text: strings.on(allSites.value?.excluded.length ?? 0) };
    } catch (error) {
      notice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  /**
   * Turn it off (the background unregisters) and give the access back where the browser gives back that alone; a
   * custom source that had its site's access and lost it anyway is named, in words.
   */
  async function turnOff(): Promise<void> {
    try {
      await save({ enabled: false });
      if (!deps.releasesOnlyAllSites) {
        notice.value = { kind: 'ok', text: strings.offKept };
        return;
      }
      const origins = customSourceOrigins((await loadSettings()).customSources);
      const held = await originsHeld(origins);
      await deps.releaseAccess().catch(() => false);
      await refreshAccess();
      const kept = new Set(await originsHeld(held));
      const lost = held.filter((origin) => !kept.has(origin));
      notice.value =
        lost.length > 0
          ? { kind: 'error', text: strings.offLost(lost.map((origin) => new URL(origin).host)) }
          : { kind: 'ok', text: strings.off };
    } catch (error) {
      notice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  async function originsHeld(origins: readonly string[]): Promise<string[]> {
    const held = await Promise.all(origins.map((origin) => deps.hasOrigin(origin).catch(() => false)));
    return origins.filter((_, index) => held[index]);
  }

  async function saveExcluded(): Promise<void> {
    const parsed = parseExclusions(excludedText.value);
    if (!parsed.ok) {
      const text =
        'badLine' in parsed
          ? strings.badLine(parsed.badLine)
          : 'servedLine' in parsed
            ? strings.servedLine(parsed.servedLine)
            : strings.tooMany(parsed.tooMany, MAX_EXCLUDED_SITES);
      excludedNotice.value = { kind: 'error', text };
      return;
    }
    try {
      await save({ excluded: parsed.hosts });
      excludedText.value = parsed.hosts.join('\n');
      excludedNotice.value = { kind: 'ok', text: strings.excludedSaved(parsed.hosts.length) };
    } catch (error) {
      excludedNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  function stop(): void {
    for (const cleanup of cleanups.splice(0)) cleanup();
  }

  return {
    lang: deps.lang,
    state,
    notice,
    excludedText,
    excludedNotice,
    start,
    stop,
    turnOn,
    turnOff,
    saveExcluded,
  };
}
