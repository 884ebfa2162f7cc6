import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

describe('page keys of any other site', () => {
  it.each([
    ['https://openai.com/index/introducing-gpt-5/', 'url:https://openai.com/index/introducing-gpt-5'],
    ['http://www.Anthropic.com/news/claude-4#pricing', 'url:https://anthropic.com/news/claude-4'],
    ['https://news.ycombinator.com/item?id=44000000', 'url:https://news.ycombinator.com/item?id=44000000'],
    [
      'https://www.theverge.com/news/123/openai-launch/?utm_source=share&utm_medium=web&s=1',
      'url:https://theverge.com/news/123/openai-launch',
    ],
    ['https://example.com/a?b=2&fbclid=x&a=1&gclid=y&ref=hn&t=9', 'url:https://example.com/a?b=2&a=1'],
    ['https://example.com/a?ref_src=twsrc&mc_cid=1&mc_eid=2&page=3', 'url:https://example.com/a?page=3'],
    ['https://example.com/', 'url:https://example.com'],
    ['https://example.com/a////', 'url:https://example.com/a'],
    [`https://example.com/${'/'.repeat(3000)}a`, `url:https://example.com/${'/'.repeat(3000)}a`],
    ['https://example.com:8443/a/', 'url:https://example.com:8443/a'],
    [
      'https://gist.github.com/karpathy/8627fe009c40f57531cb18360106ce95',
      'url:https://gist.github.com/karpathy/8627fe009c40f57531cb18360106ce95',
    ],
  ])('%s → %s', (url, key) => {
    expect(identityKeys(url)).toEqual([key]);
  });

  it.each([
    ['https://news.ycombinator.com/item?id=44000000', 'https://news.ycombinator.com/item?id=44000001'],
    ['https://news.ycombinator.com/item?id=44000000', 'https://news.ycombinator.com/item'],
    ['https://example.com/docs?page=2', 'https://example.com/docs?page=3'],
    ['https://example.com/a', 'https://example.com/a/b'],
    ['https://example.com/a', 'https://example.org/a'],
    ['https://example.com/Path', 'https://example.com/path'],
  ])('%s does not match %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });

  it.each([
    ['https://example.com/post?utm_campaign=x', 'http://www.example.com/post/#top'],
    ['https://example.com/docs?page=2&utm_source=a', 'https://example.com/docs/?page=2'],
  ])('%s matches %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(true);
  });

  it.each([
    'https://news.smol.ai/issues/25-07-11-kimi-k2/',
    'https://news.smol.ai/issues/26-03-03-not-much',
    'https://news.smol.ai/issues/',
    'https://news.smol.ai/',
  ])("%s is the digest's own issue page (its 原文链接), no item's page: no key", (url) => {
    expect(identityKeys(url)).toEqual([]);
  });
});
