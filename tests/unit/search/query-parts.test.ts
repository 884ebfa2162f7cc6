import { describe, expect, it } from 'vitest';
import { queryParts, wordParts } from '../../../lib/search/query-parts';

describe('the parts of a query word', () => {
  it.each([
    ['agent框架', ['agent', '框架']],
    ['框架agent', ['框架', 'agent']],
    ['gpt-5发布', ['gpt-5', '发布']],
    ['qwen3模型', ['qwen3', '模型']],
    ['v2.5版本更新', ['v2.5', '版本更新']],
    ['英伟达gpu', ['英伟达', 'gpu']],
    ['用rust写的cli工具', ['用', 'rust', '写的', 'cli', '工具']],
    ['2025年', ['2025', '年']],
    // A single letter or digit stays with the characters after it (or before it, last): a word of its own.
    ['b站up主', ['b站', 'up', '主']],
    ['5g手机', ['5g', '手机']],
    ['发布v2', ['发布', 'v2']],
  ])('%s is searched as %j', (word, parts) => {
    expect(wordParts(word)).toEqual(parts);
  });

  it.each([
    // One script only: as before, whatever punctuation it holds.
    ['深度求索'],
    ['gpt-5'],
    ['v2.5'],
    ['llama.cpp'],
    ['z.ai'],
    // Punctuation between the scripts is not where Latin meets Chinese: the word stays as typed.
    ['qwen3(公共预览)'],
    ['gpt-5，发布'],
    // A single letter or digit against Chinese: "a" alone would be found in nearly every item.
    ['a股'],
    ['x光片'],
    ['股a'],
  ])('%s stays whole', (word) => {
    expect(wordParts(word)).toEqual([word]);
  });

  it('splits at spaces first, then each word at its meetings of Latin and Chinese', () => {
    expect(queryParts('qwen agent框架')).toEqual(['qwen', 'agent', '框架']);
    expect(queryParts('openai  推理')).toEqual(['openai', '推理']);
  });
});
