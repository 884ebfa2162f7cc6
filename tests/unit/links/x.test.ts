import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

describe('X / Twitter keys', () => {
  it.each([
    ['https://x.com/OpenAIDevs/status/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://twitter.com/OpenAIDevs/status/1940120487519051788?s=20', 'x:status:1940120487519051788'],
    [
      'https://mobile.twitter.com/openaidevs/status/1940120487519051788?t=abc&s=46',
      'x:status:1940120487519051788',
    ],
    ['https://mobile.x.com/OpenAIDevs/status/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://www.x.com/OpenAIDevs/status/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://www.twitter.com/OpenAIDevs/statuses/1940120487519051788', 'x:status:1940120487519051788'],
    ['http://xcancel.com/OpenAIDevs/status/1940120487519051788#m', 'x:status:1940120487519051788'],
    ['https://x.com/i/status/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://x.com/i/web/status/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://twitter.com/statuses/1940120487519051788', 'x:status:1940120487519051788'],
    ['https://x.com/OpenAIDevs/status/1940120487519051788/photo/1', 'x:status:1940120487519051788'],
    ['https://x.com/OpenAIDevs/status/1940120487519051788/video/1', 'x:status:1940120487519051788'],
    ['https://x.com/OpenAIDevs/status/1940120487519051788/analytics', 'x:status:1940120487519051788'],
    ['https://x.com/OpenAIDevs', 'x:user:openaidevs'],
    ['https://twitter.com/openaidevs/', 'x:user:openaidevs'],
    ['https://mobile.x.com/OpenAIDevs?lang=en', 'x:user:openaidevs'],
    ['https://x.com/OpenAIDevs/with_replies', 'x:user:openaidevs'],
    ['https://xcancel.com/Alibaba_Qwen', 'x:user:alibaba_qwen'],
  ])('%s → %s', (url, key) => {
    expect(identityKeys(url)).toEqual([key]);
  });

  it.each([
    'https://nitter.net/OpenAIDevs/status/1940120487519051788#m',
    'https://nitter.poast.org/OpenAIDevs/status/1940120487519051788',
    'https://xcancel.com/openaidevs/status/1940120487519051788',
    'https://fxtwitter.com/OpenAIDevs/status/1940120487519051788',
    'https://vxtwitter.com/OpenAIDevs/status/1940120487519051788/photo/1',
    'https://fixupx.com/OpenAIDevs/status/1940120487519051788',
    'https://fixvx.com/OpenAIDevs/status/1940120487519051788',
  ])('%s, a tweet mirror, is the tweet', (url) => {
    expect(sharesKey(url, 'https://x.com/OpenAIDevs/status/1940120487519051788')).toBe(true);
  });

  it.each([
    'https://nitter.net/OpenAIDevs/status/1940120487519051789',
    'https://fxtwitter.com/OpenAIDevs/status/194012048751905178',
    'https://vxtwitter.com/OpenAIDevs',
    'https://notnitter.net/OpenAIDevs/status/1940120487519051788',
    'https://fxtwitter.com.example.com/OpenAIDevs/status/1940120487519051788',
  ])('%s is another tweet, or no mirror: no match', (url) => {
    expect(sharesKey(url, 'https://x.com/OpenAIDevs/status/1940120487519051788')).toBe(false);
  });

  it.each([
    'https://x.com',
    'https://x.com/',
    'https://x.com/home',
    'https://x.com/explore',
    'https://x.com/explore/tabs/for-you',
    'https://x.com/search?q=qwen&src=typed_query',
    'https://x.com/settings/account',
    'https://x.com/i/bookmarks',
    'https://x.com/i/flow/login',
    'https://x.com/notifications',
    'https://x.com/messages',
    'https://x.com/compose/post',
    'https://x.com/hashtag/AI',
    'https://x.com/login',
    'https://x.com/i/flow/signup',
    'https://x.com/signup',
    'https://x.com/tos',
    'https://x.com/privacy',
    'https://twitter.com/intent/tweet?text=hi',
    'https://x.com/OpenAIDevs/status/',
    'https://x.com/OpenAIDevs/status/12ab',
    'https://x.com/a_handle_far_too_long_to_exist',
  ])('%s is no tweet and no profile: no key', (url) => {
    expect(identityKeys(url)).toEqual([]);
  });

  it('the 2025-12-23 trap: both items of a digest match the tweet under either handle', () => {
    const { digest } = parseDigest(
      [
        '## 📰 十大AI新闻要点',
        '### 1. [通义发布新模型](https://twitter.com/Alibaba_Qwen/status/2002034611229229388)',
        '> 摘要甲。',
        '### 2. 训练经验分享',
        '> 摘要乙。',
        '> 来源：https://x.com/StasBekman/status/2002034611229229388?s=20',
        '## 🛠️ 十大工具产品要点',
        '### 1. 无关工具',
        '> 摘要丙。',
        '> 来源：https://x.com/StasBekman/status/2002034611229229380',
      ].join('\n'),
    );
    const itemKeys = (digest?.items ?? []).map((item) => item.links.flatMap((link) => identityKeys(link)));
    for (const page of [
      'https://x.com/alibaba_qwen/status/2002034611229229388',
      'https://x.com/StasBekman/status/2002034611229229388/photo/1',
    ]) {
      const pageKeys = identityKeys(page);
      expect(itemKeys.map((keys) => keys.some((key) => pageKeys.includes(key)))).toEqual([true, true, false]);
    }
  });

  it('the 2025-12-23 trap: one status id under two handles is one tweet', () => {
    const underQwen = 'https://twitter.com/Alibaba_Qwen/status/2002034611229229388';
    const underStas = 'https://x.com/StasBekman/status/2002034611229229388?s=20';
    expect(identityKeys(underQwen)).toEqual(['x:status:2002034611229229388']);
    expect(sharesKey(underQwen, underStas)).toBe(true);
  });

  it.each([
    ['https://x.com/OpenAIDevs/status/123', 'https://x.com/OpenAIDevs/status/1234'],
    ['https://x.com/OpenAIDevs/status/1234', 'https://x.com/OpenAIDevs/status/123'],
    ['https://x.com/OpenAIDevs', 'https://x.com/OpenAIDevs/status/1940120487519051788'],
    ['https://x.com/OpenAIDevs', 'https://x.com/OpenAIDevs2'],
    [
      'https://x.com/OpenAIDevs/status/1940120487519051788',
      'https://example.com/OpenAIDevs/status/1940120487519051788',
    ],
    ['https://x.com/home', 'https://x.com/explore'],
  ])('%s does not match %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });
});
