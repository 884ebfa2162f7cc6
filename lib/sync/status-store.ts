/**
 * The sync status and the archive import's progress in `chrome.storage.local`, where the popup and the options
 * page read them. Read back validated: a damaged value counts as "nothing yet".
 */
import { browser } from 'wxt/browser';
import {
  type ArchiveImportStatus,
  archiveImportStatusSchema,
  type SyncStatus,
  syncStatusSchema,
} from '../schema';

export const SYNC_STATUS_KEY = 'syncStatus';
export const ARCHIVE_IMPORT_KEY = 'archiveImport';

export const EMPTY_SYNC_STATUS: SyncStatus = {
  running: false,
  progress: null,
  lastSyncAt: null,
  sources: [],
  digestCount: 0,
  newestDate: null,
};

export const IDLE_ARCHIVE_IMPORT: ArchiveImportStatus = {
  state: 'idle',
  done: 0,
  total: 0,
  stored: 0,
  notFound: 0,
  failed: 0,
  error: null,
};

export async function loadSyncStatus(): Promise<SyncStatus> {
  const stored = await browser.storage.local.get(SYNC_STATUS_KEY);
  const parsed = syncStatusSchema.safeParse(stored[SYNC_STATUS_KEY]);
  return parsed.success ? parsed.data : structuredClone(EMPTY_SYNC_STATUS);
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: status });
}

export async function loadArchiveImportStatus(): Promise<ArchiveImportStatus> {
  const stored = await browser.storage.local.get(ARCHIVE_IMPORT_KEY);
  const parsed = archiveImportStatusSchema.safeParse(stored[ARCHIVE_IMPORT_KEY]);
  return parsed.success ? parsed.data : structuredClone(IDLE_ARCHIVE_IMPORT);
}

export async function saveArchiveImportStatus(status: ArchiveImportStatus): Promise<void> {
  await browser.storage.local.set({ [ARCHIVE_IMPORT_KEY]: status });
}

export async function clearStatuses(): Promise<void> {
  await browser.storage.local.remove([SYNC_STATUS_KEY, ARCHIVE_IMPORT_KEY]);
}
