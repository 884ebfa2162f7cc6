/**
 * Run by parse-shapes-bench.ts in a child process, so a parse that takes minutes can be stopped: parses one file
 * and prints how long `parseDigest` took, with what it found, as one line of JSON.
 */
import { readFileSync } from 'node:fs';
import { parseDigest } from '../../lib/digest/index';

const path = process.argv[2];
if (!path) throw new Error('usage: parse-file <file>');
const text = readFileSync(path, 'utf8');
const start = performance.now();
const { digest, problems } = parseDigest(text);
const ms = performance.now() - start;
const links = digest?.items.reduce((sum, item) => sum + item.links.length, 0) ?? 0;
process.stdout.write(
  `${JSON.stringify({ ms, items: digest?.items.length ?? 0, links, problems: problems.length })}\n`,
);
