/**
 * Turns the text of a fetched document into a digest ready to store, or says in words why it is not one.
 * A digest's date is its header date, else the date in its URL.
 */
import type { ParseResult, StoredDigest } from '../schema';
import type { PlannedDocument } from './sources';
import type { SyncWords } from './words';

export type DocumentReading = { kind: 'digest'; digest: StoredDigest } | { kind: 'notDigest'; error: string };

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export async function readDocument(
  text: string,
  planned: PlannedDocument,
  parse: (text: string) => ParseResult,
  fetchedAt: number,
  words: SyncWords,
): Promise<DocumentReading> {
  if (HTML_START.test(text)) return { kind: 'notDigest', error: words.htmlPage };
  const { digest, problems } = parse(text);
  // The parser's own problem lines are for publishers (and in English); the user gets the reason in their words.
  if (!digest || digest.items.length === 0) return { kind: 'notDigest', error: words.notDigest };
  const date = digest.date ?? planned.date;
  if (!date) return { kind: 'notDigest', error: words.noDate };
  return {
    kind: 'digest',
    digest: {
      date,
      issueUrl: digest.issueUrl,
      items: digest.items,
      sourceId: planned.sourceId,
      sourceUrl: planned.url,
      fetchedAt,
      contentHash: await sha256(text),
      problems,
    },
  };
}

/** The same digest: what a reader sees is identical, wherever and whenever it was fetched. */
export function sameContent(a: StoredDigest, b: StoredDigest): boolean {
  return (
    a.contentHash === b.contentHash ||
    JSON.stringify([a.issueUrl, a.items]) === JSON.stringify([b.issueUrl, b.items])
  );
}

/**
 * A new version with fewer items is taken for a cut-off document and the stored one is kept: a download cut
 * between two items parses cleanly, without a problem to give it away, and losing an item is worse than keeping
 * one the publisher dropped.
 */
export function looksTruncated(stored: StoredDigest, incoming: StoredDigest): boolean {
  return incoming.items.length < stored.items.length;
}

/**
 * Why a fetched digest must not replace the stored one of its date, or null when it should. The homepage only
 * embeds the day's digest: its copy fills a gap but never replaces a complete document's copy (else the two would
 * replace each other on every sync).
 */
export function reasonToKeep(
  stored: StoredDigest,
  incoming: StoredDigest,
): 'same' | 'truncated' | 'preferred' | null {
  if (sameContent(stored, incoming)) return 'same';
  if (looksTruncated(stored, incoming)) return 'truncated';
  const embeddedOverComplete = incoming.sourceId === 'homepage' && stored.sourceId !== 'homepage';
  if (embeddedOverComplete && stored.items.length >= incoming.items.length) return 'preferred';
  return null;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
