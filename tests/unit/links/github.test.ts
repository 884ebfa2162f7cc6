import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

describe('GitHub keys', () => {
  it.each([
    ['https://github.com/deepseek-ai/DeepSeek-V3', 'gh:repo:deepseek-ai/deepseek-v3'],
    ['https://www.github.com/Deepseek-AI/deepseek-v3/', 'gh:repo:deepseek-ai/deepseek-v3'],
    ['http://github.com/deepseek-ai/DeepSeek-V3.git', 'gh:repo:deepseek-ai/deepseek-v3'],
    ['https://github.com/ggml-org/llama.cpp', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/tree/master/tools/server', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/blob/master/README.md#build', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/issues/15020', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/pull/14737/files', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/releases/tag/b6100', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/actions/runs/1?pr=2', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/wiki', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/commits/master', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/ggml-org/llama.cpp/discussions/15313', 'gh:repo:ggml-org/llama.cpp'],
    ['https://github.com/vllm-project', 'gh:owner:vllm-project'],
    ['https://github.com/VLLM-Project/?tab=repositories', 'gh:owner:vllm-project'],
  ])('%s → %s', (url, key) => {
    expect(identityKeys(url)).toEqual([key]);
  });

  it.each([
    'https://github.com',
    'https://github.com/',
    'https://github.com/login?return_to=%2Fa%2Fb',
    'https://github.com/notifications',
    'https://github.com/explore',
    'https://github.com/search?q=agent&type=repositories',
  ])('%s is the site itself or one of its top-level routes: no key, so no digest item matches it', (url) => {
    expect(identityKeys(url)).toEqual([]);
  });

  it.each([
    'https://github.com/user/repo',
    'https://github.com/owner/repo',
    'https://github.com/username/repository',
    'https://github.com/User/Repo/blob/main/README.md',
    'https://github.com/your-org/your-repo',
    'https://github.com/your-username/awesome-agent',
    'https://github.com/yourname/project',
    'https://github.com/your_org/tool.git',
  ])("%s is a placeholder, nobody's repository: no key", (url) => {
    expect(identityKeys(url)).toEqual([]);
  });

  it.each([
    ['https://github.com/user/repos', 'gh:repo:user/repos'],
    ['https://github.com/owner/awesome-agent', 'gh:repo:owner/awesome-agent'],
    ['https://github.com/yourtion/repo', 'gh:repo:yourtion/repo'],
    ['https://github.com/openai/repo', 'gh:repo:openai/repo'],
    ['https://github.com/user', 'gh:owner:user'],
  ])('%s looks like a placeholder but is a real name: %s', (url, key) => {
    expect(identityKeys(url)).toEqual([key]);
  });

  it.each([
    'https://github.com/settings/profile',
    'https://github.com/orgs/vllm-project/repositories',
    'https://github.com/topics/llm',
    'https://github.com/marketplace/actions/checkout',
    'https://github.com/features/copilot',
    'https://github.com/sponsors/karpathy',
    'https://github.com/apps/dependabot',
    'https://github.com/trending/python?since=daily',
    'https://github.com/collections/machine-learning',
    'https://github.com/enterprises/acme-corp/sso',
    'https://gist.github.com/karpathy/8627fe009c40f57531cb18360106ce95',
  ])('%s is no repo and no owner: only its page key', (url) => {
    const keys = identityKeys(url);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^url:https:\/\//);
  });

  it.each([
    ['https://github.com/a/b', 'https://github.com/a/bc'],
    ['https://github.com/a/bc', 'https://github.com/a/b'],
    ['https://github.com/a/b', 'https://github.com/ab/c'],
    ['https://github.com/openai', 'https://github.com/openai/openai'],
    ['https://github.com/openai/codex', 'https://github.com/openai'],
    ['https://github.com/openai/codex', 'https://github.com/codex/openai'],
    ['https://github.com/karpathy/nanochat', 'https://gist.github.com/karpathy/nanochat'],
    ['https://github.com/Qwen/Qwen3', 'https://huggingface.co/Qwen/Qwen3'],
  ])('%s does not match %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });
});
