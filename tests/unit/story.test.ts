import { describe, expect, it } from 'vitest';
import { storyKey } from '../../lib/story';

describe('storyKey', () => {
  it.each([
    ['https://twitter.com/OpenAIDevs/status/123?s=20', 'https://x.com/openaidevs/status/123/photo/1'],
    ['https://huggingface.co/Qwen/Qwen3-8B', 'https://huggingface.co/qwen/qwen3-8b/tree/main'],
    ['https://arxiv.org/abs/2401.12345v2', 'https://huggingface.co/papers/2401.12345'],
    [
      'https://github.com/ggml-org/llama.cpp/pull/14425',
      'https://www.github.com/GGML-org/llama.cpp/pull/14425/',
    ],
    ['https://github.com/acme/widget', 'https://github.com/acme/widget?utm_source=x'],
  ])('%s and %s are one story', (a, b) => {
    expect(storyKey(a)).not.toBeNull();
    expect(storyKey(a)).toBe(storyKey(b));
  });

  it.each([
    ['https://github.com/ggml-org/llama.cpp/pull/14425', 'https://github.com/ggml-org/llama.cpp/pull/23764'],
    ['https://github.com/acme/widget', 'https://github.com/acme/widget/releases/tag/v1.0'],
    ['https://x.com/a/status/123', 'https://x.com/a/status/1234'],
    ['https://huggingface.co/Qwen/Qwen3', 'https://huggingface.co/datasets/Qwen/Qwen3'],
  ])('%s and %s are different stories', (a, b) => {
    expect(storyKey(a)).not.toBe(storyKey(b));
  });

  it('has no story for a missing link or one without identity', () => {
    expect(storyKey(undefined)).toBeNull();
    expect(storyKey('javascript:alert(1)')).toBeNull();
    expect(storyKey('https://github.com')).toBeNull();
  });
});
