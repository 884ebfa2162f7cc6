import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

const THREAD = 'reddit:1abc2de';

describe('a Reddit thread is its id', () => {
  it.each([
    'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
    'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/?utm_source=share&utm_medium=web3x',
    'https://reddit.com/r/LocalLLaMA/comments/1abc2de',
    'https://old.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
    'https://new.reddit.com/r/LocalLLaMA/comments/1abc2de/',
    'https://np.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
    'https://m.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
    'https://www.reddit.com/r/localllama/comments/1abc2de/qwen_36_is_out/',
    'https://www.reddit.com/r/LOCALLLAMA/comments/1ABC2DE/',
    'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/mq4xk2z/',
    'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/comment/mq4xk2z/?context=3',
    'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/#thing',
    'https://www.reddit.com/comments/1abc2de',
    'https://www.reddit.com/user/someone/comments/1abc2de/my_post/',
    'https://redd.it/1abc2de',
  ])('%s is the thread', (url) => {
    expect(identityKeys(url)).toEqual([THREAD]);
  });

  it.each([
    [
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
      'https://old.reddit.com/r/localllama/comments/1abc2de/',
    ],
    ['https://redd.it/1abc2de', 'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/x/mq4xk2z/'],
  ])('%s matches %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(true);
  });

  it.each([
    [
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/qwen_36_is_out/',
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc2df/qwen_36_is_out/',
    ],
    ['https://redd.it/1abc2de', 'https://redd.it/1abc2d'],
    ['https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/', 'https://www.reddit.com/r/LocalLLaMA/'],
    [
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/',
      'https://example.com/r/LocalLLaMA/comments/1abc2de/',
    ],
    [
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc2de/x/mq4xk2z/',
      'https://www.reddit.com/r/LocalLLaMA/comments/mq4xk2z/',
    ],
  ])('%s does not match %s (another thread)', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });

  it.each(['https://www.reddit.com/', 'https://www.reddit.com/r', 'https://old.reddit.com/'])(
    '%s is the site itself: no key',
    (url) => {
      expect(identityKeys(url)).toEqual([]);
    },
  );

  it.each([
    'https://www.reddit.com/r/LocalLLaMA/',
    'https://www.reddit.com/r/LocalLLaMA/top/?t=week',
    'https://www.reddit.com/r/LocalLLaMA/s/AbCdEf123',
  ])('%s is no thread: only its page key', (url) => {
    expect(identityKeys(url)).toEqual([expect.stringMatching(/^url:https:\/\/reddit\.com\/r\//)]);
  });
});
