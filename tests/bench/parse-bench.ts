/**
 * Parse throughput over the real digests: our parser against marked's lexer on the same input, in the same run.
 * The ratio is what to read; absolute times depend on the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexer } from 'marked';
import { parseDigest } from '../../lib/digest/index';
import { type BenchReport, median } from './report';

export function corpusFiles(corpusDir: string): string[] {
  return ['archive', 'homepage'].flatMap((folder) =>
    readdirSync(join(corpusDir, folder))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(corpusDir, folder, name)),
  );
}

function timeRounds(rounds: number, run: () => void): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

/** Parses the real corpus; answers our parser's time per MB, the reference for parse-shapes-bench.ts. */
export function benchParse(report: BenchReport, corpusDir: string): { msPerMB: number } {
  const texts = corpusFiles(corpusDir).map((path) => readFileSync(path, 'utf8'));
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 2 ** 20;
  let sink = 0;
  const ours = () => {
    for (const text of texts) sink += parseDigest(text).digest?.items.length ?? 0;
  };
  const marked = () => {
    for (const text of texts) sink += lexer(text).length;
  };
  // Warm both up, then alternate rounds so neither gets a quieter machine.
  timeRounds(3, ours);
  timeRounds(3, marked);
  const oursTimes: number[] = [];
  const markedTimes: number[] = [];
  for (let round = 0; round < 15; round++) {
    oursTimes.push(...timeRounds(1, ours));
    markedTimes.push(...timeRounds(1, marked));
  }
  const oursMs = median(oursTimes);
  const markedMs = median(markedTimes);
  report.add({
    name: `parse: ${texts.length} digests (${megabytes.toFixed(2)} MB), ours`,
    value: oursMs,
    unit: 'ms',
  });
  report.add({ name: 'parse: marked.lexer on the same input', value: markedMs, unit: 'ms' });
  report.add({ name: 'parse: throughput, ours', value: megabytes / (oursMs / 1000), unit: 'MB/s' });
  report.add({
    name: 'parse: speed-up over marked.lexer',
    value: markedMs / oursMs,
    unit: '×',
    goal: '≥ 2×',
    note: sink > 0 ? undefined : 'nothing parsed',
  });
  return { msPerMB: oursMs / megabytes };
}
