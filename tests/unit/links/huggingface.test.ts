import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

describe('Hugging Face and paper keys', () => {
  it.each([
    [
      'https://huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507',
      'hf:model:qwen/qwen3-235b-a22b-instruct-2507',
    ],
    ['https://hf.co/qwen/qwen3-235b-a22b-instruct-2507/', 'hf:model:qwen/qwen3-235b-a22b-instruct-2507'],
    [
      'https://www.huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507',
      'hf:model:qwen/qwen3-235b-a22b-instruct-2507',
    ],
    ['https://huggingface.co/unsloth/GLM-4.7-Flash-GGUF/tree/main', 'hf:model:unsloth/glm-4.7-flash-gguf'],
    ['https://huggingface.co/tencent/Hunyuan-4B/blob/main/LICENSE', 'hf:model:tencent/hunyuan-4b'],
    [
      'https://huggingface.co/tencent/Hunyuan-4B/resolve/main/model.safetensors?download=true',
      'hf:model:tencent/hunyuan-4b',
    ],
    ['https://huggingface.co/tencent/Hunyuan-4B/discussions/3#66a1', 'hf:model:tencent/hunyuan-4b'],
    ['https://huggingface.co/tencent/Hunyuan-4B/commits/main', 'hf:model:tencent/hunyuan-4b'],
    ['https://huggingface.co/datasets/OJ-1/pokeart', 'hf:dataset:oj-1/pokeart'],
    ['https://huggingface.co/datasets/oj-1/PokeArt/viewer/default/train?p=2', 'hf:dataset:oj-1/pokeart'],
    [
      'https://huggingface.co/spaces/webml-community/DINOv3-video-tracking',
      'hf:space:webml-community/dinov3-video-tracking',
    ],
    [
      'https://huggingface.co/spaces/webml-community/dinov3-video-tracking?logs=container',
      'hf:space:webml-community/dinov3-video-tracking',
    ],
    [
      'https://huggingface.co/collections/Qwen/qwen3-next-68c25fd6838e585db8eeea9d',
      'hf:collection:qwen/qwen3-next-68c25fd6838e585db8eeea9d',
    ],
    ['https://huggingface.co/deepseek-ai', 'hf:org:deepseek-ai'],
    ['https://huggingface.co/Wan-AI/', 'hf:org:wan-ai'],
    ['https://huggingface.co/papers/2509.01739', 'paper:2509.01739'],
    ['https://arxiv.org/abs/2509.01739', 'paper:2509.01739'],
    ['https://arxiv.org/abs/2509.01739v2', 'paper:2509.01739'],
    ['https://www.arxiv.org/pdf/2509.01739v1', 'paper:2509.01739'],
    ['https://arxiv.org/pdf/2509.01739v1.pdf', 'paper:2509.01739'],
    ['http://arxiv.org/html/2509.01739v3/#S2', 'paper:2509.01739'],
    ['https://arxiv.org/abs/2404.05892', 'paper:2404.05892'],
    ['https://huggingface.co/constructor/a/b', 'hf:model:constructor/a'],
    ['https://huggingface.co/__proto__/a/b', 'hf:model:__proto__/a'],
  ])('%s → %s', (url, key) => {
    expect(identityKeys(url)).toEqual([key]);
  });

  it.each([
    'https://huggingface.co',
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/models?other=qwen',
    'https://huggingface.co/datasets',
    'https://huggingface.co/spaces',
    'https://huggingface.co/login',
    'https://huggingface.co/pricing',
    'https://huggingface.co/papers',
  ])('%s is the site itself or one of its top-level routes: no key, so no digest item matches it', (url) => {
    expect(identityKeys(url)).toEqual([]);
  });

  it.each([
    'https://huggingface.co/OJ-1/datasets',
    'https://huggingface.co/Qwen/models',
    'https://huggingface.co/Qwen/models?sort=trending',
    'https://huggingface.co/webml-community/spaces',
    'https://hf.co/qwen/datasets',
  ])("%s lists a user's repos: a listing, no model named after it, no key", (url) => {
    expect(identityKeys(url)).toEqual([]);
  });

  it.each([
    ['https://huggingface.co/OJ-1/datasets', 'https://huggingface.co/OJ-1/datasets-v2'],
    ['https://huggingface.co/Qwen/models', 'https://huggingface.co/datasets/Qwen/models'],
  ])('%s does not match %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });

  it.each([
    'https://huggingface.co/datasets/OJ-1',
    'https://huggingface.co/collections/Qwen',
    'https://huggingface.co/blog/smollm3',
    'https://huggingface.co/blog/ggml-org/model-management-in-llamacpp',
    'https://huggingface.co/docs/diffusers/main/en/index',
    'https://huggingface.co/settings/tokens',
    'https://huggingface.co/papers/trending',
    'https://arxiv.org/list/cs.CL/recent',
  ])('%s is no repo, org or paper: only its page key', (url) => {
    const keys = identityKeys(url);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^url:https:\/\//);
  });

  it.each([
    ['https://huggingface.co/a/b', 'https://huggingface.co/a/bc'],
    ['https://huggingface.co/Qwen/Qwen3', 'https://huggingface.co/datasets/Qwen/Qwen3'],
    ['https://huggingface.co/Qwen/Qwen3', 'https://huggingface.co/spaces/Qwen/Qwen3'],
    ['https://huggingface.co/datasets/Qwen/Qwen3', 'https://huggingface.co/spaces/Qwen/Qwen3'],
    ['https://huggingface.co/collections/Qwen/Qwen3', 'https://huggingface.co/Qwen/Qwen3'],
    ['https://huggingface.co/Qwen', 'https://huggingface.co/Qwen/Qwen3'],
    ['https://huggingface.co/Qwen/Qwen3', 'https://huggingface.co/Qwen'],
    ['https://huggingface.co/Qwen/Qwen3', 'https://github.com/Qwen/Qwen3'],
    ['https://huggingface.co/Qwen', 'https://github.com/Qwen'],
    ['https://huggingface.co/papers/2509.01739', 'https://arxiv.org/abs/2509.0173'],
    ['https://arxiv.org/abs/2509.01739', 'https://arxiv.org/abs/2509.01738'],
  ])('%s does not match %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });
});
