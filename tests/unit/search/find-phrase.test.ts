import { describe, expect, it } from 'vitest';
import { phraseIn } from '../../../lib/search/find-phrase';
import { queryWord } from '../../../lib/search/find-place';
import { foldCase } from '../../../lib/search/fold';
import { queryParts } from '../../../lib/search/query-parts';

/** The part of the text where the whole query stands together, or null. */
function standing(query: string, text: string): string | null {
  const found = phraseIn(foldCase(text), queryParts(foldCase(query)).map(queryWord));
  return found ? text.slice(found.start, found.end) : null;
}

describe('the whole query standing together in a text', () => {
  it.each([
    // A word split where Latin meets Chinese: as typed, or with a space where its parts meet.
    ['agent框架', 'Qwen Agent 框架 v2', 'Agent 框架'],
    ['agent框架', '轻量agent框架', 'agent框架'],
    ['agent框架 v2.5', 'Pebble agent 框架 v2.5 发布', 'agent 框架 v2.5'],
    // Words typed apart: in the order typed, apart by white space or a joining mark.
    ['open source model', 'An Open  Source Model day', 'Open  Source Model'],
    ['open source model', 'Kestrel, an open-source model', 'open-source model'],
    ['ggerganov llama', 'github.com/ggerganov/llama.cpp', 'ggerganov/llama'],
    ['llama cpp', 'Why llama.cpp is fast', 'llama.cpp'],
    // Chinese is written without spaces: words typed apart stand together with none between them.
    ['开源 模型', '又一个开源模型', '开源模型'],
    ['agent 框架', 'Pebble Agent框架', 'Agent框架'],
    // Either spelling of a name, for any word.
    ['英伟达gpu', 'NVIDIA GPU 供货紧张', 'NVIDIA GPU'],
    ['gpu 英伟达', '显卡 GPU 英伟达', 'GPU 英伟达'],
    // The first place where the whole query stands, not the first place of its first word.
    ['open source', 'open weights, then open source', 'open source'],
  ])('%s stands together in %j as %j', (query, text, phrase) => {
    expect(standing(query, text)).toBe(phrase);
  });

  it.each([
    // A comma keeps apart what a list or a sentence keeps apart.
    ['open source', 'Open, source'],
    ['agent框架', 'Agent，框架与工具'],
    // Latin words typed apart are not one word, and the query does not start inside one.
    ['open source', 'opensource'],
    ['source model', 'Opensource model'],
    // The order typed.
    ['source open', 'open source'],
    ['agent框架', '框架 for Agent'],
    // A dot typed is a dot, a letter is a letter.
    ['agent框架 v2.5', 'agent框架 v2x5'],
    // An alias stands as a name: "intel" is not in "intelligence".
    ['英特尔 芯片', 'Artificial intelligence 芯片'],
  ])('%s does not stand together in %j', (query, text) => {
    expect(standing(query, text)).toBeNull();
  });
});
