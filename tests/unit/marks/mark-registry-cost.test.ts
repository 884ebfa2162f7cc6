// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as links from '../../../lib/links';
import * as github from '../../../lib/links/github';
import { plainVerdict } from '../../../lib/marks/link-target';
import { createMarkRegistry } from '../../../lib/marks/mark-registry';

vi.mock('../../../lib/links', { spy: true });
vi.mock('../../../lib/links/github', { spy: true });

const happyDom = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** Anchors in the document that count how often their address is resolved (`href`, `pathname`). */
function countedLinks(written: string, count = 1) {
  const reads = { resolved: 0 };
  const anchors = Array.from({ length: count }, () => {
    const link = document.createElement('a');
    link.setAttribute('href', written);
    document.body.append(link);
    for (const name of ['href', 'pathname'] as const) {
      const value = link[name];
      Object.defineProperty(link, name, {
        get: () => {
          reads.resolved += 1;
          return value;
        },
      });
    }
    return link;
  });
  return { anchors, reads };
}

describe('marking a list parses few addresses (issue 12: 2,000 links ≤ 10 ms)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a plain address as written: never resolved, never parsed as a URL', () => {
    happyDom().setURL('https://github.com/search?q=agents');
    const parsed = vi.mocked(links.identityKeys);
    parsed.mockClear();
    const stars = countedLinks('/acme/widget/stargazers', 20);
    const title = countedLinks('https://github.com/acme/widget');
    const registry = createMarkRegistry(new Set());
    expect(registry.scan([...stars.anchors, ...title.anchors])).toEqual(title.anchors);
    expect(stars.reads.resolved + title.reads.resolved).toBe(0);
    expect(parsed).not.toHaveBeenCalled();
  });

  it('looks for no link’s entry in a list whose every key is on one link', () => {
    happyDom().setURL('https://github.com/search?q=agents');
    document.body.innerHTML = `<ul>${Array.from(
      { length: 500 },
      (_, index) =>
        `<li><a href="https://github.com/acme">acme</a><h3><a href="https://github.com/acme/repo-${index}">r</a></h3></li>`,
    ).join('')}</ul>`;
    const closest = vi.spyOn(Element.prototype, 'closest');
    const registry = createMarkRegistry(new Set());
    expect(registry.scan([...document.querySelectorAll('a')])).toHaveLength(500);
    expect(closest).not.toHaveBeenCalled();
    // A second link of a key: its entry and the first link's are compared.
    const again = Object.assign(document.createElement('a'), { href: 'https://github.com/acme/repo-0' });
    document.querySelector('li')?.append(again);
    expect(registry.scan([again])).toEqual([]);
    expect(closest).toHaveBeenCalledTimes(2);
    closest.mockRestore();
  });

  it('looks for each link’s entry once in a list that links one key from every entry', () => {
    happyDom().setURL('https://github.com/search?q=agents');
    const row = '<li><h3><a href="https://github.com/acme/widget">acme/widget</a></h3></li>';
    document.body.innerHTML = `<ul>${row.repeat(500)}</ul>`;
    const closest = vi.spyOn(Element.prototype, 'closest');
    const registry = createMarkRegistry(new Set());
    expect(registry.scan([...document.querySelectorAll('a')])).toHaveLength(500);
    // Each link after the first: its own entry (its entry holds no other link).
    expect(closest).toHaveBeenCalledTimes(499);
    closest.mockRestore();
  });

  it('resolves any other address once however many links carry it', () => {
    happyDom().setURL('https://github.com/acme/widget/tree/main');
    const parsed = vi.mocked(links.identityKeys);
    parsed.mockClear();
    const relative = countedLinks('../../../other/gadget', 500);
    const registry = createMarkRegistry(new Set());
    expect(registry.scan(relative.anchors)).toHaveLength(500);
    expect(relative.reads.resolved).toBe(2);
    expect(parsed).toHaveBeenCalledTimes(1);
  });

  it('resolves paths from the root against the page’s base', () => {
    happyDom().setURL('https://github.com/search?q=agents');
    const base = Object.assign(document.createElement('base'), { href: 'https://huggingface.co/' });
    document.head.append(base);
    const { anchors } = countedLinks('/acme/tiny-model/tree/main');
    const model = countedLinks('/datasets/acme/cjk-set');
    const registry = createMarkRegistry(new Set());
    expect(registry.scan([...anchors, ...model.anchors]).map((link) => registry.marked.get(link))).toEqual([
      'hf:dataset:acme/cjk-set',
    ]);
    base.remove();
  });
});

describe('judging a list’s addresses as written runs few site rules', () => {
  it('reads a host’s rules once for a run of its links', () => {
    const rules = vi.mocked(links.rulesOf);
    plainVerdict('https://huggingface.co/acme/tiny-model', 'x.com');
    rules.mockClear();
    for (const path of ['acme/widget', 'acme/widget/forks', 'acme', 'bench/other'])
      plainVerdict(`https://github.com/${path}`, 'x.com');
    plainVerdict('/acme/gadget', 'github.com');
    expect(rules).toHaveBeenCalledTimes(1);
  });

  it('judges a GitHub link that is no repo’s title (stars, files, an owner) without GitHub’s rules', () => {
    const rules = vi.mocked(github.githubKeys);
    rules.mockClear();
    const deep = ['/acme/widget/stargazers', '/acme/widget/blob/main/README.md', '/acme', '/acme/widget/'];
    expect(deep.map((path) => plainVerdict(`https://github.com${path}`, 'x.com'))).toEqual([
      null,
      null,
      null,
      'gh:repo:acme/widget',
    ]);
    expect(rules).toHaveBeenCalledTimes(1);
  });
});
