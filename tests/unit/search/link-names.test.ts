import { describe, expect, it } from 'vitest';
import { linkNames } from '../../../lib/search/link-names';

function names(link: string): string[] | undefined {
  const found = linkNames(link);
  return found?.names.map(([start, end]) => found.shown.slice(start, end));
}

describe('the names in a link', () => {
  it.each([
    ['https://x.com/ggerganov/status/1234567890', ['ggerganov']],
    ['https://twitter.com/OpenAI/status/1?s=20', ['OpenAI']],
    ['https://x.com/karpathy', ['karpathy']],
    ['https://github.com/ggml-org/llama.cpp', ['ggml-org', 'llama.cpp']],
    ['https://www.github.com/ggml-org/llama.cpp/pull/12#top', ['ggml-org', 'llama.cpp']],
    ['https://github.com/ggerganov', ['ggerganov']],
    ['https://huggingface.co/Qwen/Qwen3-8B', ['Qwen', 'Qwen3-8B']],
    ['https://huggingface.co/datasets/HuggingFaceFW/fineweb', ['HuggingFaceFW', 'fineweb']],
    ['https://hf.co/spaces/someone/demo', ['someone', 'demo']],
  ])('%s → %j', (link, expected) => {
    expect(names(link)).toEqual(expected);
  });

  it.each([
    'https://x.com/i/web/status/123',
    'https://x.com/search?q=ai',
    'https://github.com/topics/llm',
    'https://huggingface.co/papers/2501.00001',
    'https://huggingface.co/blog/some-post',
    'https://example.com/ggerganov/llama.cpp',
    'https://github.com/',
  ])('%s has no names', (link) => {
    expect(linkNames(link)).toBeNull();
  });

  it('shows the link without scheme, www or query', () => {
    expect(linkNames('https://www.github.com/a/b?tab=readme')?.shown).toBe('github.com/a/b');
  });
});
