import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links/index';
import { sharesKey } from './shares-key';

const PAPER = 'paper:2509.01739';

describe('one arXiv paper, wherever it is linked', () => {
  it.each([
    'https://arxiv.org/abs/2509.01739',
    'https://arxiv.org/abs/2509.01739v2',
    'https://www.arxiv.org/abs/2509.01739v12?context=cs.CL',
    'https://arxiv.org/pdf/2509.01739',
    'https://arxiv.org/pdf/2509.01739v3',
    'https://arxiv.org/pdf/2509.01739v3.pdf',
    'https://arxiv.org/html/2509.01739v1',
    'http://arxiv.org/html/2509.01739v1/#S3',
    'https://export.arxiv.org/abs/2509.01739',
    'https://huggingface.co/papers/2509.01739',
    'https://hf.co/papers/2509.01739',
    'https://www.alphaxiv.org/abs/2509.01739',
    'https://alphaxiv.org/abs/2509.01739v2',
    'https://www.alphaxiv.org/overview/2509.01739',
    'https://www.alphaxiv.org/pdf/2509.01739v1',
  ])('%s is the paper', (url) => {
    expect(identityKeys(url)).toEqual([PAPER]);
  });

  it.each([
    ['https://arxiv.org/abs/2509.01739v2', 'https://huggingface.co/papers/2509.01739'],
    ['https://huggingface.co/papers/2509.01739', 'https://www.alphaxiv.org/overview/2509.01739'],
    ['https://www.alphaxiv.org/abs/2509.01739v1', 'https://arxiv.org/pdf/2509.01739v3.pdf'],
    ['https://arxiv.org/html/2509.01739v1', 'https://arxiv.org/abs/2509.01739'],
  ])('%s matches %s', (a, b) => {
    expect(sharesKey(a, b)).toBe(true);
  });

  it.each([
    ['https://arxiv.org/abs/2509.01739v2', 'https://arxiv.org/abs/2509.01740v2'],
    ['https://arxiv.org/abs/2509.01739', 'https://arxiv.org/abs/2509.17390'],
    ['https://huggingface.co/papers/2509.01739', 'https://www.alphaxiv.org/abs/2509.01738'],
    ['https://www.alphaxiv.org/overview/2509.01739', 'https://arxiv.org/pdf/2409.01739'],
    ['https://arxiv.org/abs/2509.01739', 'https://arxiv.org/abs/2509.0173'],
    ['https://arxiv.org/abs/2509.01739', 'https://example.com/abs/2509.01739'],
  ])('%s does not match %s (another paper)', (a, b) => {
    expect(sharesKey(a, b)).toBe(false);
  });

  it.each([
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/abs/not-a-paper',
    'https://www.alphaxiv.org/explore/trending',
    'https://www.alphaxiv.org/abs/2509',
  ])('%s is no paper', (url) => {
    expect(identityKeys(url).filter((key) => key.startsWith('paper:'))).toEqual([]);
  });
});
