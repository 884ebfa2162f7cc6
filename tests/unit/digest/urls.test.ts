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
    ['https://x.com?s=20', true],
    ['https://:80/x', false],
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
  ])('%j → %j', (text, url) => {
    expect(text.slice(0, bareUrlEnd(text, 0))).toBe(url);
  });
});
