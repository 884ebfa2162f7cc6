import { describe, expect, it, vi } from 'vitest';
import * as links from '../../../lib/links';
import { markKeyOf } from '../../../lib/marks/link-target';

vi.mock('../../../lib/links', { spy: true });

const facts = (href: string) => ({ href, pathname: new URL(href).pathname, hasTime: () => false });

describe('markKeyOf keeps each address’s key (issue 12: marking 2,000 links ≤ 10 ms)', () => {
  it('parses an address once however many links carry it', () => {
    const parsed = vi.mocked(links.identityKeys);
    parsed.mockClear();
    for (let index = 0; index < 500; index += 1) {
      expect(markKeyOf(facts('https://github.com/topics/ai'))).toBeNull();
      expect(markKeyOf(facts('https://github.com/cache-owner/cache-repo'))).toBe(
        'gh:repo:cache-owner/cache-repo',
      );
    }
    expect(parsed).toHaveBeenCalledTimes(2);
  });

  it('still judges each link by its own path and time (the kept part is the address’s key only)', () => {
    const href = 'https://x.com/someone/status/123/photo/1';
    expect(markKeyOf(facts(href))).toBeNull();
    expect(markKeyOf({ ...facts(href), hasTime: () => true })).toBe('x:status:123');
  });
});
