// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createMarkRegistry, type MarkRegistry } from '../../../lib/marks/mark-registry';

const links = () => [...document.querySelectorAll('a')];
const markedHrefs = (registry: MarkRegistry) =>
  [...registry.marked].map(([link, key]) => `${link.getAttribute('href')} ${key}`);

/** A tweet as a timeline shows it: author, time permalink, text, photo, analytics, and maybe a quoted tweet. */
function tweet(handle: string, id: string, quoted = '') {
  return `<article>
    <a href="https://x.com/${handle}">@${handle}</a>
    <a href="https://x.com/${handle}/status/${id}"><time datetime="2026-11-29T08:00:00Z">2h</time></a>
    <p>text <a href="https://x.com/${handle}/status/${id}">Show more</a></p>
    <a href="https://x.com/${handle}/status/${id}/photo/1"><img alt=""></a>
    <a href="https://x.com/${handle}/status/${id}/analytics">12</a>
    ${quoted}
  </article>`;
}

describe('MarkRegistry: the links that carry a mark', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('marks a tweet once, on its time permalink, and a quoted tweet on its own', () => {
    const quote = `<div role="link"><a href="https://x.com/other/status/77"><time>1d</time></a></div>`;
    document.body.innerHTML = tweet('lab', '1861', quote) + tweet('lab', '1862');
    const registry = createMarkRegistry(new Set());
    registry.scan(links());
    expect(markedHrefs(registry)).toEqual([
      'https://x.com/lab/status/1861 x:status:1861',
      'https://x.com/other/status/77 x:status:77',
      'https://x.com/lab/status/1862 x:status:1862',
    ]);
    expect([...registry.marked.keys()].every((link) => link.querySelector('time'))).toBe(true);
  });

  it('marks a search result by its title link, not its stars or owner', () => {
    document.body.innerHTML = `<ul>
      <li><a href="https://github.com/acme"><img alt="acme"></a>
        <h3><a href="https://github.com/acme/widget">acme/widget</a></h3>
        <a href="https://github.com/acme/widget/stargazers">1.2k</a></li>
      <li><h3><a href="https://github.com/acme/gadget">acme/gadget</a></h3></li>
    </ul>`;
    const registry = createMarkRegistry(new Set());
    expect(registry.scan(links()).map((link) => link.getAttribute('href'))).toEqual([
      'https://github.com/acme/widget',
      'https://github.com/acme/gadget',
    ]);
  });

  it('gives no mark to a link to the page itself or inside the extension UI (a shadow root)', () => {
    document.body.innerHTML = `${tweet('lab', '1861')}<div id="own"></div>`;
    const own = document.getElementById('own')?.attachShadow({ mode: 'closed' });
    if (own) own.innerHTML = '<a href="https://x.com/lab/status/5"><time>1h</time></a>';
    const registry = createMarkRegistry(new Set(['x:status:1861']));
    registry.scan([...links(), ...(own?.querySelectorAll('a') ?? [])]);
    expect(registry.marked.size).toBe(0);
    expect(createMarkRegistry(new Set()).scan(links())).toHaveLength(1);
  });

  it('evaluates a link again only when its href changed, and follows a re-render that replaces the entry', () => {
    document.body.innerHTML = '<ul><li><a href="https://github.com/acme/widget">acme/widget</a></li></ul>';
    const registry = createMarkRegistry(new Set());
    expect(registry.scan(links())).toHaveLength(1);
    expect(registry.scan(links())).toHaveLength(0);
    // The framework reuses the element for another repository.
    document.querySelector('a')?.setAttribute('href', 'https://github.com/acme/gadget');
    expect(registry.scan(links()).map((link) => registry.marked.get(link))).toEqual(['gh:repo:acme/gadget']);
    // The framework replaces the whole list: the old link leaves, the new one takes the mark.
    document.body.innerHTML = '<ul><li><a href="https://github.com/acme/gadget">acme/gadget</a></li></ul>';
    expect(registry.prune().gone).toHaveLength(1);
    expect(registry.scan(links()).map((link) => registry.marked.get(link))).toEqual(['gh:repo:acme/gadget']);
  });

  it('keeps the mark of a link whose href changes to another address of the same key', () => {
    document.body.innerHTML = '<ul><li><a href="https://github.com/acme/widget">acme/widget</a></li></ul>';
    const registry = createMarkRegistry(new Set());
    const [link] = registry.scan(links());
    // A framework writes the address in another form (here with a trailing slash): the same repository.
    link?.setAttribute('href', 'https://github.com/Acme/widget/');
    expect(registry.prune().gone).toEqual([]);
    expect(registry.scan(links())).toEqual([]);
    expect(markedHrefs(registry)).toEqual(['https://github.com/Acme/widget/ gh:repo:acme/widget']);
  });

  it('lets another link of the entry take the mark when the one carrying it is gone', () => {
    document.body.innerHTML = tweet('lab', '1861');
    const registry = createMarkRegistry(new Set());
    registry.scan(links());
    document.querySelector('time')?.parentElement?.remove();
    const { entries } = registry.prune();
    expect(markedHrefs(registry)).toEqual([]);
    expect(entries).toEqual([document.querySelector('article')]);
    registry.scan(entries.flatMap((entry) => [...entry.querySelectorAll('a')]));
    expect(markedHrefs(registry)).toEqual(['https://x.com/lab/status/1861 x:status:1861']);
  });

  it('bounds the keys it keeps on a long timeline, and still marks each tweet once', () => {
    document.body.innerHTML = Array.from({ length: 12 }, (_, index) => tweet(`u${index}`, `18${index}`)).join(
      '',
    );
    // No key kept beyond those marked: the store is reset at every link, between a tweet's time link and its "Show
    // more" too, and "Show more" still finds the time link holding the mark.
    const registry = createMarkRegistry(new Set(), 0);
    registry.scan(links());
    expect(markedHrefs(registry)).toEqual(
      Array.from(
        { length: 12 },
        (_, index) => `https://x.com/u${index}/status/18${index} x:status:18${index}`,
      ),
    );
    expect([...registry.marked.keys()].every((link) => link.querySelector('time'))).toBe(true);
    // Another 40 tweets, the first 12 gone: kept, the 40 marked keys and the last met, not all 52.
    document.body.innerHTML = Array.from({ length: 40 }, (_, index) => tweet(`v${index}`, `19${index}`)).join(
      '',
    );
    registry.prune();
    registry.scan(links());
    expect(registry.marked.size).toBe(40);
    expect(registry.keysKept()).toBeLessThanOrEqual(41);
    expect(createMarkRegistry(new Set()).keysKept()).toBe(0);
  });

  it('asks whether a link wraps a time only of deep links to a tweet', () => {
    document.body.innerHTML = `<ul><li><a href="https://github.com/acme/widget">w</a></li></ul>
      <article><a href="https://x.com/lab/status/1861"><span>2h</span></a></article>
      <article><a href="https://x.com/lab/status/1862/photo/1"><img alt=""></a></article>`;
    const asked: string[] = [];
    for (const link of links()) {
      const querySelector = link.querySelector.bind(link);
      link.querySelector = ((selector: string) => {
        asked.push(link.getAttribute('href') ?? '');
        return querySelector(selector);
      }) as typeof link.querySelector;
    }
    const registry = createMarkRegistry(new Set());
    registry.scan(links());
    expect(markedHrefs(registry)).toEqual([
      'https://github.com/acme/widget gh:repo:acme/widget',
      'https://x.com/lab/status/1861 x:status:1861',
    ]);
    expect(asked).toEqual(['https://x.com/lab/status/1862/photo/1']);
  });

  it('judges a path from the root against the base address the page has when the link is met', () => {
    const linkTo = (href: string) => {
      const link = document.createElement('a');
      link.setAttribute('href', href);
      document.body.append(link);
      return link;
    };
    document.head.innerHTML = '<base href="https://github.com/">';
    const registry = createMarkRegistry(new Set());
    const first = linkTo('/acme/widget');
    expect(registry.scan([first])).toEqual([first]);
    // The same address written again under another site's base names no repository there.
    document.head.innerHTML = '<base href="https://example.com/">';
    expect(registry.scan([linkTo('/acme/widget')])).toEqual([]);
    document.head.innerHTML = '';
  });
});
