import type { SiteId } from '../schema';
import { pageKey } from './generic';
import { githubKeys } from './github';
import { huggingfaceKeys } from './huggingface';
import { arxivKeys } from './papers';
import { redditKeys, shortRedditKeys } from './reddit';
import { xKeys } from './x';
import { shortYoutubeKeys, youtubeKeys } from './youtube';

/** A site's keys from the URL's path segments; `undefined` means "no identity of this site: use the page key". */
type SiteKeys = (segments: string[], url: URL) => string[] | undefined;

/** The digest's own issue pages (news.smol.ai/issues/<slug>, the 原文链接 line) are no item's page. */
const noKeys: SiteKeys = () => [];

/**
 * Hosts (without `www.`) with their own rules; the second entry is the site the extension serves there.
 * Without a prototype, hosts such as `constructor` find nothing.
 */
const HOSTS: Record<string, [SiteKeys, SiteId?] | null> = {
  __proto__: null,
  'x.com': [xKeys, 'x'],
  'twitter.com': [xKeys, 'x'],
  'xcancel.com': [xKeys],
  'nitter.net': [xKeys],
  'fxtwitter.com': [xKeys],
  'vxtwitter.com': [xKeys],
  'fixupx.com': [xKeys],
  'fixvx.com': [xKeys],
  'github.com': [githubKeys, 'github'],
  'huggingface.co': [huggingfaceKeys, 'huggingface'],
  'hf.co': [huggingfaceKeys],
  'arxiv.org': [arxivKeys],
  'alphaxiv.org': [arxivKeys],
  'reddit.com': [redditKeys],
  'redd.it': [shortRedditKeys],
  'youtube.com': [youtubeKeys],
  'youtube-nocookie.com': [youtubeKeys],
  'youtu.be': [shortYoutubeKeys],
  'news.smol.ai': [noKeys],
};

/**
 * A site's rules by (lower-case) host, also for its www., mobile and old-design hosts (mobile.x.com,
 * old.reddit.com, m.youtube.com, …); Nitter runs on many hosts (nitter.net, nitter.poast.org, …): any `nitter.` host
 * is a tweet mirror.
 */
export function rulesOf(host: string): [SiteKeys, SiteId?] | null | undefined {
  return HOSTS[
    host.replace(/^(www|mobile|m|old|new|np|music|export)\./, '').replace(/^nitter\..*/, 'nitter.net')
  ];
}

const MAX_URL_LENGTH = 4096;

function parseWebUrl(input: string | URL): URL | undefined {
  try {
    const href = String(input);
    if (href.length > MAX_URL_LENGTH) return undefined;
    const url = new URL(href);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The host without `www.`, with the port when it is not the default one (then no site rules apply). */
function bareHost(url: URL): string {
  return url.host.replace(/^www\./, '');
}

/** Which of the served sites a page is on (`x` covers x.com, twitter.com and their mobile. and www. forms). */
export function siteOf(input: string | URL): SiteId | null {
  const url = parseWebUrl(input);
  return (url && rulesOf(bareHost(url))?.[1]) ?? null;
}

/** The identity keys of a URL: a digest item matches a page when they share a key. Never throws. */
export function identityKeys(input: string | URL): string[] {
  const url = parseWebUrl(input);
  if (!url) return [];
  const host = bareHost(url);
  const segments = url.pathname.split('/').filter(Boolean);
  const rules = rulesOf(host);
  // A site's root and top-level routes (github.com, huggingface.co/datasets) are nobody's page: no key.
  return rules?.[0](segments, url) ?? (rules && segments.length < 2 ? [] : [pageKey(url, host)]);
}
