import { describe, expect, it } from 'vitest';
import { bareUrlEnd, isHttpUrl } from '../../../lib/digest/urls';

describe('isHttpUrl', () => {
  it.each([
    ['https://x.com/a/status/1', true],
    ['http://example.com', true],
    ['HTTPS://EXAMPLE.COM/A', true],
    ['https://en.wikipedia.org/wiki/A_(b)', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['ftp://files.example.com', false],
    ['/relative/path', false],
    ['//example.com/protocol-relative', false],
    ['来源：文章内容', false],
    ['https://', false],
    ['https://exa mple.com', false],
    ['', false],
    ['https://user@host.example.com/x', true],
    ['https://host.example.com:8080/x?q=1#f', true],
    ['https://[::1]:3000/', true],
    ['http://例子.测试/路径', true],
    ['https://例子。测试/', true],
    ['https://：/x', false],
    ['https://／x', false],
    ['https://例子＠测试？/x', false],
    ['https://\u00ad/x', false],
    ['https://x.com?s=20', true],
    ['https://:80/x', false],
    ['https://host.example.com:65535/x', true],
    ['https://host.example.com:65536/x', false],
    ['https://host.example.com:99999999999/x', false],
    ['https://host..example.com/x', false],
    ['https://host.example.com./x', true],
    ['https://-bad.example.com', false],
    ['https://exa<mple.com', false],
    ['https://a.example.com/x\ty', false],
  ])('%j → %s', (candidate, expected) => {
    expect(isHttpUrl(candidate)).toBe(expected);
  });
});

describe('bareUrlEnd', () => {
  it.each([
    ['https://a.example.com/x y', 'https://a.example.com/x'],
    ['https://a.example.com/x，中文', 'https://a.example.com/x'],
    ['https://a.example.com/x）', 'https://a.example.com/x'],
    ['https://a.example.com/x)', 'https://a.example.com/x'],
    ['https://a.example.com/x_(y))', 'https://a.example.com/x_(y)'],
    ['https://a.example.com/x].', 'https://a.example.com/x'],
    ['https://a.example.com/x**', 'https://a.example.com/x'],
    ['https://a.example.com/x?s=20.', 'https://a.example.com/x?s=20'],
    ['https://a.example.com/x>', 'https://a.example.com/x'],
    ['https://a.example.com/x,https://b.example.com/y', 'https://a.example.com/x'],
    ['https://a.example.com/x;http://b.example.com/y', 'https://a.example.com/x'],
    ['https://a.example.com/x|HTTPS://b.example.com/y', 'https://a.example.com/x'],
    ['https://a.example.com/x,y?z=1,2', 'https://a.example.com/x,y?z=1,2'],
    [
      'https://web.archive.org/web/2020/https://a.example.com/',
      'https://web.archive.org/web/2020/https://a.example.com/',
    ],
  ])('%j → %j', (text, url) => {
    expect(text.slice(0, bareUrlEnd(text, 0))).toBe(url);
  });
});
