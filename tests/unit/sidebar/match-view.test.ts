import { describe, expect, it } from 'vitest';
import { groupViews, linkLabel, matchViews, relatedKind } from '../../../lib/sidebar/match-view';
import { storyKey } from '../../../lib/story';
import { safeHttpUrl } from '../../../lib/ui/safe-url';
import { makeMatch } from './fixtures';

describe('safeHttpUrl', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,hi', null],
    ['//evil.example', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('matchViews', () => {
  it('orders newest digest first, then news before tools, then by rank, and lists each item once', () => {
    const views = matchViews(
      [
        makeMatch({ date: '2026-10-01', item: { links: ['https://github.com/lab/other'] } }),
        makeMatch({ date: '2026-11-02', item: { section: 'tools', rank: 2 } }),
        makeMatch({ date: '2026-11-02', item: { section: 'news', rank: 9 } }),
        makeMatch({ date: '2026-10-01', item: { links: ['https://github.com/lab/other'] } }),
      ],
      () => false,
    );
    expect(views.map((view) => view.id)).toEqual([
      '2026-11-02/news/9',
      '2026-11-02/tools/2',
      '2026-10-01/news/3',
    ]);
  });

  it('shows a story summarised again on later days once, from the newest digest, with "also in"', () => {
    const story = (date: string, handle: string) =>
      makeMatch({ date, alsoIn: 2, item: { links: [`https://twitter.com/${handle}/status/42?s=20`] } });
    const views = matchViews(
      [story('2026-11-01', 'Lab'), story('2026-11-03', 'lab'), story('2026-11-02', 'LAB')],
      () => false,
    );
    expect(views.map((view) => [view.date, view.alsoIn])).toEqual([['2026-11-03', 2]]);
  });

  it("puts the card about this very page first and keeps links to the repo's other pages", () => {
    const page = storyKey('https://github.com/acme/widget/pull/7');
    const views = matchViews(
      [
        makeMatch({
          date: '2026-11-28',
          item: { title: '另一个 PR', links: ['https://github.com/acme/widget/pull/9'] },
        }),
        makeMatch({
          date: '2026-11-01',
          item: { title: '这个 PR', links: ['https://github.com/acme/widget/pull/7'] },
        }),
      ],
      (href) => storyKey(href) === page,
    );
    expect(views.map((view) => view.title)).toEqual(['这个 PR', '另一个 PR']);
    expect(views[0]?.sources).toEqual([]);
    expect(views[1]?.sources.map((source) => source.href)).toEqual(['https://github.com/acme/widget/pull/9']);
  });

  it('leaves out the page itself, duplicate links and non-http links', () => {
    const [view] = matchViews(
      [
        makeMatch({
          item: {
            links: [
              'https://x.com/lab/status/1111',
              'https://github.com/lab/reasoner',
              'https://github.com/lab/reasoner',
              'javascript:void(0)',
            ],
          },
        }),
      ],
      (href) => href.startsWith('https://x.com/'),
    );
    expect(view?.sources).toEqual([
      { href: 'https://github.com/lab/reasoner', label: 'github.com/lab/reasoner' },
    ]);
  });

  it('keeps the issue URL only when it is http(s)', () => {
    expect(matchViews([makeMatch({ issueUrl: 'javascript:x' })], () => false)[0]?.issueUrl).toBeNull();
    expect(matchViews([makeMatch({ issueUrl: null })], () => false)[0]?.issueUrl).toBeNull();
  });
});

it('labels a link by host and path', () => {
  expect(linkLabel('https://www.huggingface.co/datasets/org/set/')).toBe('huggingface.co/datasets/org/set');
  expect(linkLabel('https://example.com/')).toBe('example.com');
});

it('labels a link without the bidirectional controls its path may decode to (exe.png that is gnp.exe)', () => {
  expect(linkLabel('https://evil.example/%E2%80%AEgnp.exe')).toBe('evil.example/gnp.exe');
});

describe("the page's own items and the others (groupViews, relatedKind)", () => {
  const pull = (number: number, date = '2026-11-20') =>
    makeMatch({
      date,
      item: { rank: number, title: `PR ${number}`, links: [`https://github.com/acme/widget/pull/${number}`] },
    });
  const onPull7 = (href: string) => storyKey(href) === storyKey('https://github.com/acme/widget/pull/7');

  it('marks the items whose own link is this page, and only those', () => {
    const views = matchViews([pull(9, '2026-11-28'), pull(7), pull(8, '2026-11-27')], onPull7);
    expect(views.map((view) => [view.title, view.thisPage])).toEqual([
      ['PR 7', true],
      ['PR 9', false],
      ['PR 8', false],
    ]);
  });

  it('groups the own items first and counts the others, loaded or behind "more"', () => {
    const views = matchViews([pull(9, '2026-11-28'), pull(7), pull(8, '2026-11-27')], onPull7);
    const groups = groupViews(views, 13);
    expect(groups.own.map((view) => view.title)).toEqual(['PR 7']);
    expect(groups.others.map((view) => view.title)).toEqual(['PR 9', 'PR 8']);
    expect(groups.othersTotal).toBe(12);
  });

  it("keeps a repo root's own card first but marks none on a page that is what its key names", () => {
    const onRoot = (href: string) => storyKey(href) === storyKey('https://github.com/acme/widget');
    const root = makeMatch({
      date: '2026-11-01',
      item: { title: 'widget', links: ['https://github.com/acme/widget'] },
    });
    const views = matchViews([pull(9, '2026-11-28'), root], onRoot, false);
    expect(views.map((view) => [view.title, view.thisPage])).toEqual([
      ['widget', false],
      ['PR 9', false],
    ]);
  });

  it('has no own items on a page no item links to: every item is an "other", nothing to fold', () => {
    const groups = groupViews(
      matchViews([pull(9), pull(8)], () => false),
      2,
    );
    expect(groups.own).toEqual([]);
    expect(groups.others).toHaveLength(2);
  });

  it.each([
    [['gh:repo:acme/widget'], 'repo'],
    [['hf:model:acme/reasoner'], 'model'],
    [['hf:dataset:acme/set'], 'dataset'],
    [['hf:space:acme/demo'], 'space'],
    [['x:user:acme'], 'account'],
    [['x:status:1111'], 'account'],
    [['paper:2501.00001'], 'page'],
    [[], 'page'],
  ] as const)('the others of a page with keys %j share its %s', (keys, kind) => {
    expect(relatedKind(keys)).toBe(kind);
  });
});
