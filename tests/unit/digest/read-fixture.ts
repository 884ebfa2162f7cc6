import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of a hand-written sample digest in tests/fixtures/digests. */
export function readDigestFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/digests/${name}`, import.meta.url)), 'utf8');
}
