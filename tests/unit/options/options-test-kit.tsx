/** Mounts the options page against a fake background; settings live in the fake browser's storage. */
import { vi } from 'vitest';
import { Options } from '../../../components/options/Options';
import { createOptionsStore, type OptionsStore } from '../../../components/options/options-store';
import type { UiLanguage } from '../../../lib/i18n';
import type { ArchiveImportStatus } from '../../../lib/schema';
import { IDLE_ARCHIVE_IMPORT } from '../../../lib/sync/status-store';
import { type FakeClient, fakeClient, type Handlers, syncStatus } from '../ui/fake-client';
import { type Mounted, mount } from '../ui/render';

export interface OptionsKit extends Mounted {
  store: OptionsStore;
  fake: FakeClient;
  requestPermission: ReturnType<typeof vi.fn>;
  hasPermission: ReturnType<typeof vi.fn>;
  download: ReturnType<typeof vi.fn>;
}

export const idleImport: ArchiveImportStatus = IDLE_ARCHIVE_IMPORT;

export async function mountOptions(
  options: {
    handlers?: Handlers;
    granted?: boolean;
    /** Origins the extension may read already (default: every origin). */
    allowedOrigins?: string[];
    lang?: UiLanguage;
    savedNoticeMs?: number;
    importPollMs?: number;
    /** What the browser says the card's shortcut is (default: it cannot say, and the line is not shown). */
    shortcut?: string | null;
    firefox?: boolean;
    openTab?: (url: string) => Promise<unknown>;
  } = {},
): Promise<OptionsKit> {
  const fake = fakeClient({
    importStatus: () => idleImport,
    status: () => syncStatus(),
    ...options.handlers,
  });
  const allowed = options.allowedOrigins ? new Set(options.allowedOrigins) : null;
  const requestPermission = vi.fn(async (origin: string) => {
    const granted = options.granted ?? true;
    if (granted) allowed?.add(origin);
    return granted;
  });
  const hasPermission = vi.fn(async (origin: string) => allowed?.has(origin) ?? true);
  const download = vi.fn();
  const store = createOptionsStore({
    client: fake.client,
    lang: options.lang ?? 'zh',
    requestPermission,
    hasPermission,
    download,
    now: () => Date.UTC(2026, 0, 10),
    savedNoticeMs: options.savedNoticeMs,
    importPollMs: options.importPollMs,
    readShortcut: async () => options.shortcut,
    openTab: options.openTab,
    firefox: options.firefox ?? false,
  });
  await store.start();
  const mounted = await mount(<Options store={store} />);
  return { ...mounted, store, fake, requestPermission, hasPermission, download };
}
