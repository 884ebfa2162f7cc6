import { describe, expect, it } from 'vitest';
import { identityKeys, siteOf } from '../../../lib/links/index';

describe('identityKeys on bad input', () => {
  it.each([
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['relative path', '/OpenAIDevs/status/123'],
    ['protocol-relative', '//x.com/OpenAIDevs/status/123'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<b>x</b>'],
    ['mailto:', 'mailto:someone@example.com'],
    ['ftp:', 'ftp://example.com/file'],
    ['10 kB long', `https://example.com/${'a'.repeat(10_000)}`],
  ])('%s gives no keys', (_name, input) => {
    expect(identityKeys(input)).toEqual([]);
  });

  it('never throws, whatever it is given at run time', () => {
    const throwing = {
      toString() {
        throw new Error('no string');
      },
    };
    for (const input of [null, undefined, 42, {}, throwing]) {
      expect(identityKeys(input as unknown as string)).toEqual([]);
    }
  });

  it('takes a URL object as well as a string', () => {
    expect(identityKeys(new URL('https://x.com/i/status/42'))).toEqual(['x:status:42']);
  });

  it.each(['http://constructor/', 'http://__proto__/a', 'http://hasownproperty/'])(
    '%s, a host named like an object property, is an ordinary page',
    (url) => {
      expect(identityKeys(url)).toEqual([
        `url:https://${new URL(url).host}${new URL(url).pathname.replace(/\/$/, '')}`,
      ]);
    },
  );
});

describe('siteOf', () => {
  it.each([
    ['https://x.com/OpenAIDevs', 'x'],
    ['https://twitter.com/OpenAIDevs/status/1', 'x'],
    ['https://mobile.twitter.com/home', 'x'],
    ['https://mobile.x.com/', 'x'],
    ['https://www.x.com/explore', 'x'],
    ['https://www.twitter.com/', 'x'],
    ['https://github.com/ggml-org/llama.cpp', 'github'],
    ['https://www.github.com/', 'github'],
    ['https://huggingface.co/Qwen', 'huggingface'],
    ['https://www.huggingface.co/', 'huggingface'],
    ['https://xcancel.com/OpenAIDevs', null],
    ['https://gist.github.com/karpathy/1', null],
    ['https://hf.co/Qwen', null],
    ['https://arxiv.org/abs/2509.01739', null],
    ['https://example.com/', null],
    ['https://x.com.example.com/', null],
    ['not a url', null],
    ['javascript:alert(1)', null],
  ])('%s is on %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
