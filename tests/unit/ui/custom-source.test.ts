import { describe, expect, it } from 'vitest';
import { checkCustomSource, permissionToRelease } from '../../../lib/ui/custom-source';

describe('checkCustomSource', () => {
  it.each([
    ['https://example.com/digests/{date}.md', 'https://example.com', true],
    ['https://example.com/feed.md?day={date}', 'https://example.com', true],
    ['  https://mirror.example.org:8443/latest.md  ', 'https://mirror.example.org:8443', false],
    ['HTTPS://Example.com/{date}.md', 'https://example.com', true],
  ])('accepts %s', (input, origin, isTemplate) => {
    expect(checkCustomSource(input, [])).toEqual({ ok: true, url: input.trim(), origin, isTemplate });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['example.com/{date}.md', 'notUrl'],
    ['not a url', 'notUrl'],
    ['https://exa mple.com/x.md', 'notUrl'],
    ['ftp://example.com/{date}.md', 'notHttps'],
    ['javascript:alert(1)', 'notHttps'],
    ['file:///etc/passwd', 'notHttps'],
    ['http://192.168.1.5/digest.md', 'notHttps'],
    ['http://example.com/{date}.md', 'notHttps'],
    ['https:example.com/{date}.md', 'notUrl'],
    ['https://{date}.example.com/x.md', 'dateInHost'],
    // fetch refuses an address with credentials in it: said, not retried as "unreachable".
    ['https://user@example.com/{date}.md', 'credentials'],
    ['https://user:secret@example.com/{date}.md', 'credentials'],
  ])('rejects %j as %s', (input, problem) => {
    expect(checkCustomSource(input, [])).toEqual({ ok: false, problem });
  });

  it('rejects a source that is already there', () => {
    expect(checkCustomSource('https://example.com/{date}.md', ['https://example.com/{date}.md'])).toEqual({
      ok: false,
      problem: 'duplicate',
    });
  });

  it('rejects it written with another case in its scheme or host (a QA pass added the built-in feed twice so)', () => {
    const builtIn = 'https://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md';
    for (const input of [
      'HTTPS://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md',
      'https://Static.ZOU8944.com/newsletter/{date}/ai_news_summary_{date}.md',
    ])
      expect(checkCustomSource(input, [builtIn])).toEqual({ ok: false, problem: 'duplicate' });
    // A path is the site's to read: another case there is another address.
    expect(checkCustomSource('https://static.zou8944.com/Newsletter/{date}/x.md', [builtIn])).toMatchObject({
      ok: true,
    });
  });
});

describe('permissionToRelease', () => {
  const BUILT_IN = ['https://static.zou8944.com/*', 'https://raw.githubusercontent.com/*'];

  it.each([
    [
      'the last source of its site',
      'https://mirror.example.com/{date}.md',
      [],
      'https://mirror.example.com/*',
    ],
    [
      'a source on a port',
      'https://mirror.example.com:8443/a.md',
      ['https://mirror.example.com/b.md'],
      'https://mirror.example.com:8443/*',
    ],
    ['one of two sites', 'https://a.example/x.md', ['https://b.example/x.md'], 'https://a.example/*'],
  ])('gives back the permission of %s', (_name, removed, remaining, pattern) => {
    expect(permissionToRelease(removed, remaining, BUILT_IN)).toBe(pattern);
  });

  it.each([
    [
      'another source reads the same site',
      'https://mirror.example.com/{date}.md',
      ['https://mirror.example.com/latest.md'],
      BUILT_IN,
    ],
    ['the built-in sources read that site', 'https://static.zou8944.com/other/{date}.md', [], BUILT_IN],
    ['a wildcard host permission covers it', 'https://cdn.example.org/a.md', [], ['https://*.example.org/*']],
    ['all sites are granted by the manifest', 'https://cdn.example.org/a.md', [], ['<all_urls>']],
    ['the stored URL does not parse', 'not a url', [], BUILT_IN],
  ])('keeps the permission when %s', (_name, removed, remaining, required) => {
    expect(permissionToRelease(removed, remaining, required)).toBeNull();
  });
});
