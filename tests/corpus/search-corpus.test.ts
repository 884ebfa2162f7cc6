/** Search over the real archive: the symptoms of issue 10 ("llama.cpp", 英伟达, repeats), read at run time. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { searchDigests } from '../../lib/background/search';
import { parseDigest } from '../../lib/digest/index';
import type { StoredDigest } from '../../lib/schema';
import { storyKey } from '../../lib/story';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(projectRoot, '../shared/digests');
const corpusPresent = existsSync(corpusDir);

function readArchive(folderName = 'archive'): StoredDigest[] {
  const folder = path.join(corpusDir, folderName);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const date = name.slice(0, 10);
      const { digest } = parseDigest(readFileSync(path.join(folder, name), 'utf8'));
      return {
        kind: digest?.kind ?? 'ainews',
        date,
        issueUrl: null,
        items: digest?.items ?? [],
        sourceId: 'archive',
        sourceUrl: name,
        fetchedAt: 0,
        contentHash: date,
        problems: [],
      };
    });
}

describe.skipIf(!corpusPresent && process.env.DIGEST_CORPUS_OPTIONAL === '1')(
  'search over the real archive',
  () => {
    const library = corpusPresent ? readArchive() : [];

    it('puts items about llama.cpp (in their titles) before passing mentions', () => {
      const { hits } = searchDigests(library, 'llama.cpp', 500);
      const firstSummaryHit = hits.findIndex((hit) => hit.field !== 'title');
      expect(hits[0]?.item.title.toLowerCase()).toContain('llama.cpp');
      expect(hits.slice(firstSummaryHit).some((hit) => hit.field === 'title')).toBe(false);
    });

    it('finds as many items for 英伟达 as for NVIDIA', () => {
      const chinese = searchDigests(library, '英伟达').total;
      expect(chinese).toBe(searchDigests(library, 'NVIDIA').total);
      // More than the items spelling it 英伟达, which is all the plain substring search found.
      const spelledInChinese = library
        .flatMap((digest) => digest.items)
        .filter((item) => `${item.title}${item.summary}`.includes('英伟达')).length;
      expect(chinese).toBeGreaterThan(spelledInChinese);
    });

    it('finds the items linking to an account by its name', () => {
      const { hits } = searchDigests(library, 'ggerganov', 500);
      expect(hits.some((hit) => hit.field === 'link' && hit.link?.includes('ggerganov'))).toBe(true);
    });

    it('shows a story once, not once per day it was summarised', () => {
      const { hits } = searchDigests(library, '模型', 500);
      const shownOn = new Map<string, string>();
      for (const hit of hits) {
        const story = storyKey(hit.item.links[0]);
        if (story === null) continue;
        expect([undefined, hit.date]).toContain(shownOn.get(story));
        shownOn.set(story, hit.date);
      }
      expect(hits.some((hit) => (hit.alsoIn ?? 0) > 0)).toBe(true);
    });

    it('finds GitHub 热门 repositories by their names, each once, beside the AI digest’s items', () => {
      const trending = readArchive('github-trending');
      const both = [...library, ...trending];
      const names = [...new Set(trending.flatMap((digest) => digest.items.map((item) => item.title)))];
      // One in twelve of the 1,178 repositories (a search costs a few ms; all of them take seconds).
      for (const name of names.filter((_, index) => index % 12 === 0)) {
        const { hits } = searchDigests(both, name, 500);
        const itself = hits.filter((hit) => hit.item.section === 'trending' && hit.item.title === name);
        expect(itself, name).toHaveLength(1);
      }
    });
  },
);
