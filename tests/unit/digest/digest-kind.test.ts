import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { storedDigestSchema } from '../../../lib/schema';
import { readDigestFixture } from './read-fixture';

describe('the digest kind', () => {
  it('calls the AI digest `ainews`', () => {
    expect(parseDigest(readDigestFixture('standard.md')).digest?.kind).toBe('ainews');
  });

  it('reads a digest stored before there were kinds back as an AI digest', () => {
    const before = {
      date: '2026-01-02',
      issueUrl: null,
      items: [{ section: 'news', rank: 1, title: 't', summary: 's', links: [] }],
      sourceId: 'dated',
      sourceUrl: 'https://example.com/d.md',
      fetchedAt: 0,
      contentHash: 'h',
      problems: [],
    };
    expect(storedDigestSchema.parse(before).kind).toBe('ainews');
    expect(storedDigestSchema.parse({ ...before, kind: 'github-trending' }).kind).toBe('github-trending');
    expect(storedDigestSchema.safeParse({ ...before, kind: 'weekly' }).success).toBe(false);
  });
});
