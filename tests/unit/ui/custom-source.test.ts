import { describe, expect, it } from 'vitest';
import { checkCustomSource } from '../../../lib/ui/custom-source';

describe('checkCustomSource', () => {
  it.each([
    ['https://example.com/digests/{date}.md', 'https://example.com', true],
    ['https://example.com/feed.md?day={date}', 'https://example.com', true],
    ['  https://mirror.example.org:8443/latest.md  ', 'https://mirror.example.org:8443', false],
    ['http://192.168.1.5/digest.md', 'http://192.168.1.5', false],
  ])('accepts %s', (input, origin, isTemplate) => {
    expect(checkCustomSource(input, [])).toEqual({ ok: true, url: input.trim(), origin, isTemplate });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['example.com/{date}.md', 'notUrl'],
    ['not a url', 'notUrl'],
    ['https://exa mple.com/x.md', 'notUrl'],
    ['ftp://example.com/{date}.md', 'notHttp'],
    ['javascript:alert(1)', 'notHttp'],
    ['file:///etc/passwd', 'notHttp'],
    ['https://{date}.example.com/x.md', 'dateInHost'],
  ])('rejects %j as %s', (input, problem) => {
    expect(checkCustomSource(input, [])).toEqual({ ok: false, problem });
  });

  it('rejects a source that is already there', () => {
    expect(checkCustomSource('https://example.com/{date}.md', ['https://example.com/{date}.md'])).toEqual({
      ok: false,
      problem: 'duplicate',
    });
  });
});
