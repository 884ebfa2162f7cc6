/** Export every stored digest as one file; import such a file by merging, never replacing a digest with an older one. */
import { type ExportFile, exportFileSchema } from '../schema';
import type { DigestStore } from '../storage/digest-store';
import { sameContent } from '../sync/read-document';

export async function exportDigests(store: DigestStore, now: number): Promise<ExportFile> {
  return { format: 'digest-lens-export', version: 1, exportedAt: now, digests: [...(await store.readAll())] };
}

/**
 * A digest of a new date is added; a stored one is updated only by a version fetched later with other content.
 * Imported digests are marked `import` (their `sourceUrl` still says where they came from), so retention keeps them.
 */
export async function importDigests(
  store: DigestStore,
  file: unknown,
): Promise<{ added: number; updated: number; kept: number }> {
  const parsed = exportFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `This is not a Digest Lens export file (${issue?.path.join('.') || 'file'}: ${issue?.message}).`,
    );
  }
  const counts = { added: 0, updated: 0, kept: 0 };
  for (const digest of parsed.data.digests) {
    const incoming = { ...digest, sourceId: 'import' };
    const { written, previous } = await store.writeUnless(
      incoming,
      (stored) => stored.fetchedAt >= incoming.fetchedAt || sameContent(stored, incoming),
    );
    if (!written) counts.kept += 1;
    else if (previous) counts.updated += 1;
    else counts.added += 1;
  }
  return counts;
}
