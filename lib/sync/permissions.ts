import type { PlannedDocument } from './sources';
import type { SyncDeps } from './sync-document';

/**
 * The planned documents whose site the extension may read, and those it may not. A site whose host permission was
 * never granted (a custom source whose prompt was dismissed) or was withdrawn in the browser's settings is not asked
 * at all: its fetch would fail as an unexplained network error, where the status can say why in words.
 */
export async function splitByPermission(
  planned: readonly PlannedDocument[],
  mayRead: SyncDeps['mayRead'],
): Promise<{ readable: PlannedDocument[]; unreadable: PlannedDocument[] }> {
  const origins = [...new Set(planned.map((doc) => new URL(doc.url).origin))];
  const answers = await Promise.all(origins.map((origin) => (mayRead ? mayRead(`${origin}/`) : true)));
  const allowed = new Set(origins.filter((_, index) => answers[index]));
  return {
    readable: planned.filter((doc) => allowed.has(new URL(doc.url).origin)),
    unreadable: planned.filter((doc) => !allowed.has(new URL(doc.url).origin)),
  };
}
