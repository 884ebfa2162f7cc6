import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

const VIDEO = 'yt:dQw4w9WgXcQ';

describe('a YouTube video is its id', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://www.youtube.com/watch?list=PL123&v=dQw4w9WgXcQ&index=2',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://music.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=AbCdEfGh12345678&t=10',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube.com/live/dQw4w9WgXcQ?feature=share',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
  ])('%s is the video', (url) => {
    expect(identityKeys(url)).toEqual([VIDEO]);
  });

  it.each([
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=3'],
  ])('%s matches %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(true);
  });

  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcR'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://youtu.be/dqw4w9wgxcq'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=8TpakBfsmcQ'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://example.com/watch?v=dQw4w9WgXcQ'],
  ])('%s does not match %s (another video)', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/watch?v=short',
    'https://youtu.be/',
    'https://www.youtube.com/@SomeChannel',
  ])('%s is no video: no key', (url) => {
    expect(identityKeys(url)).toEqual([]);
  });
});
