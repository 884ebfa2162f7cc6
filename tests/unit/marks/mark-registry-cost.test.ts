// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createMarkRegistry } from '../../../lib/marks/mark-registry';

/** An anchor in the document that counts what the scan reads of it beyond its href. */
function countedLink(href: string) {
  const link = document.createElement('a');
  link.href = href;
  document.body.append(link);
  const reads = { pathname: 0, root: 0 };
  const { pathname } = link;
  Object.defineProperty(link, 'pathname', {
    get: () => {
      reads.pathname += 1;
      return pathname;
    },
  });
  const getRootNode = link.getRootNode.bind(link);
  link.getRootNode = (options) => {
    reads.root += 1;
    return getRootNode(options);
  };
  return { link, reads };
}

describe('marking a list reads nothing more of a link without a key (issue 12: 2,000 links ≤ 10 ms)', () => {
  it('neither parses its path again nor asks where it lives', () => {
    const { link, reads } = countedLink('https://github.com/topics/ai');
    expect(createMarkRegistry(new Set()).scan([link])).toEqual([]);
    expect(reads).toEqual({ pathname: 0, root: 0 });
  });

  it('a link with a key is still judged by its path and its place', () => {
    const { link, reads } = countedLink('https://github.com/cost-owner/cost-repo');
    expect(createMarkRegistry(new Set()).scan([link])).toEqual([link]);
    expect(reads.pathname).toBeGreaterThan(0);
    expect(reads.root).toBeGreaterThan(0);
  });
});
