/**
 * The parser on the shapes a hostile or broken publisher can send, each up to the 2 MB a source may serve: ordinary
 * items, one item of many lines, 100k items, one item of 50k links. Each is written to a temporary file (made up
 * here, no real digest text) and parsed in child processes that are stopped after CHILD_TIMEOUT_MS, so a parser that
 * is quadratic on a shape is reported as such instead of holding the bench for minutes:
 * - `parseDigest` alone (parse-file.ts), and its time per MB against the real corpus's, measured in the same run
 *   (about 1× means linear; a quadratic shape shows hundreds);
 * - the CLI as a user runs it (`npm run digest -- parse <file>`, output discarded), against the CLI's own start-up on
 *   one ordinary digest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { digestMarkdown, sampleDigest } from '../fixtures/digest-builder';
import type { BenchReport } from './report';

const projectRoot = resolve(import.meta.dirname, '../..');
const CHILD_TIMEOUT_MS = 30_000;
const MB = 2 ** 20;
const TWO_MB = 2 * MB;

const HEADER =
  '## AINews - 2026-05-01\n\n> [原文链接](https://news.smol.ai/issues/26-05-01-bench/)\n\n## 📰 十大AI新闻要点\n\n';
const TOOLS =
  '## 🛠️ 十大工具产品要点\n\n### 1. [基准工具](https://github.com/bench-tools/last)\n\n> 最后一个工具。\n';

/** Ranks restart after 999 (the most a heading's number may have): a long run of items stays items. */
const rank = (index: number) => (index % 999) + 1;

function ordinaryItem(index: number): string {
  const sentence = `第${index}条新闻：某实验室发布了一个新的开源模型，在多项评测上超过了上一代，并公开了训练细节。`;
  return `### ${rank(index)}. [示例新闻第${index}条](https://github.com/bench-lab/model-${index})\n\n> ${sentence.repeat(3)}\n> 来源：https://x.com/bench_lab/status/18${String(index).padStart(16, '0')}\n\n---\n\n`;
}

/** Items (or lines) of `make(index)` until the document reaches `bytes`. */
function upTo(bytes: number, make: (index: number) => string): string {
  const parts: string[] = [];
  let size = HEADER.length + TOOLS.length;
  for (let index = 0; size < bytes; index++) {
    const part = make(index);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return `${HEADER}${parts.join('')}${TOOLS}`;
}

const oneItem = (body: string) =>
  `${HEADER}### 1. [一个很长的条目](https://github.com/bench-lab/long)\n\n${body}${TOOLS}`;

interface Shape {
  name: string;
  text: () => string;
}

const SHAPES: Shape[] = [
  { name: 'ordinary items, 2 MB', text: () => upTo(TWO_MB, ordinaryItem) },
  { name: "one item of 150k lines (the review's 304 kB)", text: () => oneItem('a\n'.repeat(150_000)) },
  { name: 'one item of 1M lines, 2 MB', text: () => oneItem('a\n'.repeat(1_000_000)) },
  { name: '100k items, 2 MB', text: () => upTo(TWO_MB, (index) => `### ${rank(index)}. t${index}\n> s\n`) },
  {
    name: 'one item of 50,001 links',
    text: () =>
      oneItem(
        Array.from({ length: 50_001 }, (_, index) => `> 来源：https://example.com/p/${index}\n`).join(''),
      ),
  },
];

interface ChildRun {
  ms: number;
  stdout: string;
  /** Why it gave no answer, in words; undefined when it ran to the end. */
  failure?: string;
}

/** Run a TypeScript entry point in a child Node with the same loader (tsx) as the bench, stopped after the timeout. */
function runChild(entry: string, args: string[], keepOutput: boolean): ChildRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, entry, ...args], {
    cwd: projectRoot,
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 64 * MB,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  const timedOut = (child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const failure = timedOut
    ? `not finished within ${CHILD_TIMEOUT_MS / 1000} s (stopped)`
    : child.status !== 0
      ? `exit ${child.status ?? child.signal}: ${(child.stderr ?? '').trim().split('\n')[0]}`
      : undefined;
  return { ms, stdout: child.stdout ?? '', failure };
}

const CLI = join(projectRoot, 'lib/cli/digest-cli.ts');
const PARSE_FILE = join(projectRoot, 'tests/bench/parse-file.ts');

/** `corpusMsPerMB`: the real corpus's parse time per MB, measured in the same run by parse-bench.ts. */
export function benchParseShapes(report: BenchReport, corpusMsPerMB: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-bench-shapes-'));
  try {
    const small = join(dir, 'one-digest.md');
    writeFileSync(small, digestMarkdown(sampleDigest('2026-05-01')));
    // The least of three: a start-up on a shared machine is mostly waiting for a core.
    const startUps = [0, 1, 2].map(() => runChild(CLI, ['parse', small], false));
    const startUp = startUps.find((run) => run.failure) ?? startUps.sort((a, b) => a.ms - b.ms)[0];
    report.add({
      name: 'parse shapes: CLI start-up, one ordinary digest, least of 3',
      value: !startUp || startUp.failure ? Number.NaN : startUp.ms,
      unit: 'ms',
      note: startUp?.failure,
    });
    for (const shape of SHAPES) {
      const path = join(dir, 'shape.md');
      const text = shape.text();
      writeFileSync(path, text);
      benchShape(report, shape.name, path, Buffer.byteLength(text) / MB, corpusMsPerMB);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchShape(
  report: BenchReport,
  name: string,
  path: string,
  megabytes: number,
  corpusMsPerMB: number,
): void {
  const parsed = runChild(PARSE_FILE, [path], true);
  const found = parsed.failure
    ? undefined
    : (JSON.parse(parsed.stdout) as { ms: number; items: number; links: number; problems: number });
  const size = `${megabytes.toFixed(2)} MB`;
  report.add({
    name: `parse shape: ${name}: parseDigest`,
    value: found?.ms ?? Number.NaN,
    unit: 'ms',
    note: found
      ? `${size}: ${found.items} items, ${found.links} links, ${found.problems} problems`
      : `${size}: ${parsed.failure}`,
  });
  report.add({
    name: `parse shape: ${name}: time per MB ÷ real corpus's`,
    value: found ? found.ms / megabytes / corpusMsPerMB : Number.NaN,
    unit: '×',
    note: found ? undefined : `at least ${(CHILD_TIMEOUT_MS / megabytes / corpusMsPerMB) | 0 || 1}×`,
  });
  if (!found) {
    report.add({
      name: `parse shape: ${name}: CLI`,
      value: Number.NaN,
      unit: 'ms',
      note: 'not run (see above)',
    });
    return;
  }
  const cli = runChild(CLI, ['parse', path], false);
  report.add({
    name: `parse shape: ${name}: CLI`,
    value: cli.failure ? Number.NaN : cli.ms,
    unit: 'ms',
    goal: '< 1 s',
    note: cli.failure ?? `start-up, parse (${found.ms.toFixed(0)} ms in its own process) and JSON output`,
  });
}
