import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => path.join(projectRoot, 'tests/fixtures/digests', name);
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(projectRoot, '../shared/digests');
const SPAWN_TIMEOUT = 30_000;

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run --silent digest -- parse …args` as a publisher would. */
function digestParse(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'digest', '--', 'parse', ...args],
      { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

describe('digest parse <file>', () => {
  it(
    'prints exactly the parse result as JSON and exits 0',
    async () => {
      const file = fixture('source-lines.md');
      const { exitCode, stdout, stderr } = await digestParse(file);
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
      const printed = JSON.parse(stdout);
      expect(printed).toEqual(parseDigest(readFileSync(file, 'utf8')));
      expect(Object.keys(printed)).toEqual(['digest', 'problems']);
      expect(Object.keys(printed.digest)).toEqual(['kind', 'date', 'issueUrl', 'items']);
      expect(printed.digest.kind).toBe('ainews');
      expect(Object.keys(printed.digest.items[0])).toEqual(['section', 'rank', 'title', 'summary', 'links']);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'prints a GitHub 热门 digest as its kind, the date of its file name and every repository',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'digest-cli-'));
      const file = path.join(folder, 'github_trending_2026-06-05.md');
      writeFileSync(file, readFileSync(fixture('trending-language-tags.md')));
      const { exitCode, stdout, stderr } = await digestParse(file);
      rmSync(folder, { recursive: true });
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
      const printed = JSON.parse(stdout);
      expect(Object.keys(printed.digest)).toEqual(['kind', 'date', 'items']);
      expect(printed.digest.kind).toBe('github-trending');
      expect(printed.digest.date).toBe('2026-06-05');
      expect(printed.digest.items[1]).toEqual({
        rank: 2,
        title: 'granite-works/quarry',
        summary: expect.stringMatching(/^采石场/),
        links: ['https://github.com/granite-works/quarry'],
      });
      expect(printed.problems).toHaveLength(1);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 0 with the problems when the file was read but is cut off',
    async () => {
      const { exitCode, stdout } = await digestParse(fixture('cut-off.md'));
      expect(exitCode).toBe(0);
      const printed = JSON.parse(stdout);
      expect(printed.digest.items).toHaveLength(3);
      expect(printed.problems.map((problem: { line: number }) => problem.line)).toEqual([20, 20]);
    },
    SPAWN_TIMEOUT,
  );

  it.each([
    [
      'a missing file',
      () => fixture('no-such-digest.md'),
      /^digest: cannot read .*no-such-digest\.md \(ENOENT\)\n$/,
    ],
    ['a directory', () => fixture(''), /^digest: cannot read .* \(EISDIR\)\n$/],
  ])(
    '%s gives a one-line error on stderr and exit 1',
    async (_case, file, message) => {
      const { exitCode, stdout, stderr } = await digestParse(file());
      expect(exitCode).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'without a file prints the usage and exits 1',
    async () => {
      const { exitCode, stderr } = await digestParse();
      expect(exitCode).toBe(1);
      expect(stderr).toBe('usage: digest parse <file> | digest keys <url>\n');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'ends quietly with exit 0 when its reader stops early (`digest parse f | head`)',
    async () => {
      const heading = (rank: number) =>
        `### ${rank}. [条目 ${rank}](https://a.example.com/${rank})\n> 摘要。\n`;
      const text = `## 📰 十大AI新闻要点\n${Array.from({ length: 5000 }, (_, index) => heading(index + 1)).join('')}`;
      const folder = mkdtempSync(path.join(tmpdir(), 'digest-cli-'));
      const file = path.join(folder, 'long.md');
      writeFileSync(file, text);
      // pipefail: the pipeline's status is the CLI's, not head's.
      const pipeline = 'npm run --silent digest -- parse "$0" | head -c 100 > /dev/null';
      const { exitCode, stderr } = await new Promise<Run>((resolve) => {
        execFile(
          'bash',
          ['-o', 'pipefail', '-c', pipeline, file],
          { cwd: projectRoot },
          (error, stdout, stderr) => {
            resolve({ exitCode: error === null ? 0 : Number(error.code), stdout, stderr });
          },
        );
      });
      rmSync(folder, { recursive: true });
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    },
    SPAWN_TIMEOUT,
  );

  it.runIf(existsSync(corpusDir))(
    'prints a real GitHub 热门 file of the first days’ form: its kind, the date of its name and its 10 repositories',
    async () => {
      const { exitCode, stdout } = await digestParse(path.join(corpusDir, 'github-trending/2025-06-22.md'));
      expect(exitCode).toBe(0);
      const { digest, problems } = JSON.parse(stdout);
      expect({ kind: digest.kind, date: digest.date, problems }).toEqual({
        kind: 'github-trending',
        date: '2025-06-22',
        problems: [],
      });
      expect(digest.items.map((item: { rank: number }) => item.rank)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      for (const item of digest.items) expect(item.links[0]).toBe(`https://github.com/${item.title}`);
    },
    SPAWN_TIMEOUT,
  );

  it.runIf(existsSync(corpusDir))(
    'reproduces the corpus numbers on the cut-off homepage: 10 news + 6 tools and a problem',
    async () => {
      const { exitCode, stdout } = await digestParse(path.join(corpusDir, 'homepage/homepage-2026-08-12.md'));
      expect(exitCode).toBe(0);
      const printed = JSON.parse(stdout);
      const sections = printed.digest.items.map((item: { section: string }) => item.section);
      expect(sections.filter((section: string) => section === 'news')).toHaveLength(10);
      expect(sections.filter((section: string) => section === 'tools')).toHaveLength(6);
      expect(printed.problems.length).toBeGreaterThan(0);
    },
    SPAWN_TIMEOUT,
  );
});
