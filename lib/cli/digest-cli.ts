/**
 * The command line for publishers and scripts:
 *   digest parse <file>   prints the parse result as JSON (exit 0 when the file was read, 1 when it was not);
 *                         an AI digest or a GitHub 热门 digest, see parse-output.ts
 *   digest keys <url>     prints the URL's identity keys, one per line (exit 0)
 */
import { readFileSync } from 'node:fs';
import { parseDigest } from '../digest/index';
import { identityKeys } from '../links/index';
import { printedParseResult } from './parse-output';

const USAGE = 'usage: digest parse <file> | digest keys <url>';

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  const [command, argument] = argv;
  if (command === 'parse' && argument !== undefined) {
    let text: string;
    try {
      text = readFileSync(argument, 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      fail(`digest: cannot read ${argument} (${reason})`);
    }
    process.stdout.write(`${JSON.stringify(printedParseResult(parseDigest(text), argument), null, 2)}\n`);
    return;
  }
  if (command === 'keys' && argument !== undefined) {
    for (const key of identityKeys(argument)) process.stdout.write(`${key}\n`);
    return;
  }
  fail(USAGE);
}

// A reader that stops early (`digest parse f | head`) is no error: end quietly, as `cat` does, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fail(`digest: cannot write the output (${error.code ?? error.message})`);
});

main(process.argv.slice(2));
