import { describe, expect, it } from 'vitest';
import { printedParseResult } from '../../../lib/cli/parse-output';
import type { ParseResult } from '../../../lib/schema';

const item = { rank: 1, title: 'a/b', summary: '摘要', links: ['https://github.com/a/b'] };

describe('what `digest parse` prints', () => {
  it('leaves out the section and the issue link of a GitHub 热门 digest', () => {
    const result: ParseResult = {
      digest: {
        kind: 'github-trending',
        date: null,
        issueUrl: null,
        items: [{ section: 'trending', ...item }],
      },
      problems: [],
    };
    expect(printedParseResult(result, '/x/github_trending_2026-06-03.md')).toEqual({
      digest: { kind: 'github-trending', date: '2026-06-03', items: [item] },
      problems: [],
    });
  });

  it('dates an AI digest by its file name only when its text names no date', () => {
    const digest = {
      kind: 'ainews' as const,
      issueUrl: null,
      items: [{ section: 'news' as const, ...item }],
    };
    const undated: ParseResult = { digest: { ...digest, date: null }, problems: [] };
    const dated: ParseResult = { digest: { ...digest, date: '2026-01-02' }, problems: [] };
    expect(printedParseResult(undated, 'ai_news_summary_2026-01-05.md')).toEqual({
      digest: { ...digest, date: '2026-01-05' },
      problems: [],
    });
    expect(printedParseResult(dated, '2026-01-05.md')).toEqual(dated);
    expect(printedParseResult(undated, 'notes.md')).toEqual(undated);
  });

  it('prints a document that is no digest as it is', () => {
    const none: ParseResult = { digest: null, problems: [{ line: 1, message: 'no digest found' }] };
    expect(printedParseResult(none, '2026-01-05.md')).toBe(none);
  });
});
