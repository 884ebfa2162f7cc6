import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { identityKeys, siteOf } from '../../lib/links/index';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(projectRoot, '../shared/digests');
const corpusOptional = process.env.DIGEST_CORPUS_OPTIONAL === '1';
const corpusPresent = existsSync(corpusDir);

/** An http(s) URL runs until whitespace, markdown or HTML punctuation, a quote, or any non-ASCII character. */
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`\u0080-\uffff]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/;

/** The kinds of link the digests hold; each count must stay above its floor (0: none in the real corpus). */
const KINDS = [
  { kind: 'tweets', prefix: 'x:status:', floor: 3000 },
  { kind: 'X profiles', prefix: 'x:user:', floor: 0 },
  { kind: 'GitHub repos', prefix: 'gh:repo:', floor: 350 },
  { kind: 'GitHub owners', prefix: 'gh:owner:', floor: 0 },
  { kind: 'HF models', prefix: 'hf:model:', floor: 100 },
  { kind: 'HF datasets', prefix: 'hf:dataset:', floor: 8 },
  { kind: 'HF spaces', prefix: 'hf:space:', floor: 18 },
  { kind: 'HF collections', prefix: 'hf:collection:', floor: 9 },
  { kind: 'HF orgs', prefix: 'hf:org:', floor: 5 },
  { kind: 'papers', prefix: 'paper:', floor: 35 },
  { kind: 'Reddit threads', prefix: 'reddit:', floor: 150 },
  { kind: 'YouTube videos', prefix: 'yt:', floor: 2 },
  { kind: 'other pages', prefix: 'url:', floor: 900 },
];

function corpusUrls(): string[] {
  const files = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(corpusDir, name))
    .filter((file) => statSync(file).isFile());
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(URL_IN_TEXT)].map(([url]) =>
      url.replace(TRAILING_PUNCTUATION, ''),
    ),
  );
}

describe.skipIf(!corpusPresent && corpusOptional)('link identity over the real digests', () => {
  it('finds the corpus', () => {
    expect(
      corpusPresent,
      `no digest corpus at ${corpusDir}: set DIGEST_CORPUS, or DIGEST_CORPUS_OPTIONAL=1 to skip`,
    ).toBe(true);
  });

  it.runIf(corpusPresent)('gives every link keys without throwing, and every kind of link its count', () => {
    const urls = corpusUrls();
    const keysByUrl = urls.map((url) => [url, identityKeys(url)] as const);
    const counts = KINDS.map(({ kind, prefix, floor }) => ({
      kind,
      floor,
      links: keysByUrl.filter(([, keys]) => keys.some((key) => key.startsWith(prefix))).length,
    }));
    const noKey = keysByUrl.filter(([, keys]) => keys.length === 0).map(([url]) => url);
    // The digest's own issue pages (its 原文链接 line, news.smol.ai/issues/<slug>) are no item's page.
    const ownIssues = noKey.filter((url) => new URL(url).host === 'news.smol.ai');
    const withoutKeys = noKey.filter((url) => !ownIssues.includes(url));
    console.log(
      [
        `${urls.length} links in ${corpusDir}`,
        ...counts.map(({ kind, links }) => `  ${kind}: ${links}`),
        `  no key, the digest's own issue pages: ${ownIssues.length}`,
        `  no key (a served site's root, top-level route, listing or placeholder): ${withoutKeys.length} ${withoutKeys.join(' ')}`,
      ].join('\n'),
    );
    expect(withoutKeys.every((url) => siteOf(url) !== null)).toBe(true);
    expect(withoutKeys.length).toBeLessThan(20);
    for (const { kind, links, floor } of counts) expect(links, kind).toBeGreaterThanOrEqual(floor);
  });

  it.runIf(corpusPresent)('matches the 2025-12-23 status id under both of its handles', () => {
    const statusId = '2002034611229229388';
    const links = corpusUrls().filter((url) => url.includes(`/status/${statusId}`));
    const handles = new Set(links.map((url) => new URL(url).pathname.split('/')[1]));
    expect(handles.size).toBeGreaterThanOrEqual(2);
    for (const url of links) expect(identityKeys(url)).toEqual([`x:status:${statusId}`]);
  });
});
