import { describe, expect, it } from 'vitest';
import { withEarlyAnswer } from '../../../components/shared/early-answer';
import { fakeClient, storedDigest } from '../ui/fake-client';

const EARLY = '__digestLensLatestDigest';

describe('the reader’s early question (asked before its modules load)', () => {
  it('answers the first latestDigest with what the early script asked, and sends everything else', async () => {
    const early = storedDigest('2026-01-10');
    const stored = storedDigest('2026-01-09');
    const fake = fakeClient({
      latestDigest: () => ({ digest: stored }),
      listDigests: () => ({ digests: [] }),
    });
    const global: Record<string, unknown> = { [EARLY]: Promise.resolve({ digest: early }) };
    const client = withEarlyAnswer(fake.client, global);
    expect(EARLY in global).toBe(false);
    expect((await client('latestDigest')).digest).toBe(early);
    expect(fake.calls).toEqual([]);
    await client('listDigests');
    // A refresh after a sync asks again.
    expect((await client('latestDigest')).digest).toBe(stored);
    expect(fake.calls.map(({ type }) => type)).toEqual(['listDigests', 'latestDigest']);
  });

  it('passes the early question’s failure to the reader, which may read again', async () => {
    const fake = fakeClient({ latestDigest: () => ({ digest: null }) });
    const global: Record<string, unknown> = { [EARLY]: Promise.reject(new Error('no worker')) };
    const client = withEarlyAnswer(fake.client, global);
    await expect(client('latestDigest')).rejects.toThrow('no worker');
    expect((await client('latestDigest')).digest).toBeNull();
  });

  it('asks the background itself when no early script ran (tests, or a page without it)', async () => {
    const fake = fakeClient({ latestDigest: () => ({ digest: null }) });
    await withEarlyAnswer(fake.client, {})('latestDigest');
    expect(fake.calls.map(({ type }) => type)).toEqual(['latestDigest']);
  });
});
