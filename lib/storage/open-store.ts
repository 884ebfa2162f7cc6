/**
 * Open the library: IndexedDB when the browser lets us write to it, else memory for the session. Firefox's permanent
 * private browsing (`browser.privatebrowsing.autostart`, seen in ESR 153 on 2026-11-30) opens the database but
 * refuses every write with `InvalidStateError`; other private modes fail the open itself. So the open is followed by
 * a write that leaves nothing behind, and the store is chosen on what it answers.
 */
import { DATABASE_NAME, type DigestDatabase, openDigestDatabase } from './database';
import { DigestStore } from './digest-store';
import { MemoryDigestStore } from './memory-digest-store';

/** What a browser throws when it will not keep anything; any other failure is a real error and is thrown. */
const REFUSALS = new Set(['InvalidStateError', 'UnknownError', 'SecurityError', 'NotAllowedError']);

const PROBE_URL = 'digest-lens:write-probe';

export async function openDigestStore(name = DATABASE_NAME): Promise<DigestStore> {
  if (typeof indexedDB === 'undefined') return memoryStore('no IndexedDB');
  let db: DigestDatabase;
  try {
    db = await openDigestDatabase(name);
  } catch (error) {
    if (isRefusal(error)) return memoryStore(error);
    throw error;
  }
  try {
    await probeWrite(db);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    db.close();
    return memoryStore(error);
  }
  return new DigestStore(db);
}

/** Write and delete a row in one transaction: it fails as the browser's refusal does, and commits as nothing. */
async function probeWrite(db: DigestDatabase): Promise<void> {
  const tx = db.transaction('documents', 'readwrite');
  await Promise.all([tx.store.put({ url: PROBE_URL }), tx.store.delete(PROBE_URL), tx.done]);
}

function isRefusal(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && REFUSALS.has(name);
}

function memoryStore(reason: unknown): DigestStore {
  console.warn(
    '[digest-lens] IndexedDB refuses writes (private browsing?): keeping digests in memory',
    reason,
  );
  return new MemoryDigestStore();
}
