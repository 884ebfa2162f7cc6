/**
 * Section 2: the archive import in Chromium. The fixture server answers the 239 archive URLs of each kind (the AI
 * digest and GitHub 热门) with the real files and 404 for the other days; the clock runs from `importArchive` until
 * `importStatus` leaves `running`.
 */
import type { ArchiveImportStatus } from '../../lib/schema';
import type { ExtensionSession } from '../e2e/harness';
import { isArchiveRequest } from './real-corpus';
import type { BenchReport } from './report';

const POLL_MS = 50;
const TIMEOUT_MS = 180_000;

export async function benchImport(
  report: BenchReport,
  session: ExtensionSession,
): Promise<ArchiveImportStatus> {
  const requestsBefore = session.server.requests.length;
  const start = performance.now();
  let status = await session.send('importArchive');
  while (status.state === 'running' || status.state === 'idle') {
    if (performance.now() - start > TIMEOUT_MS)
      throw new Error(`the import did not finish: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    status = await session.send('importStatus');
  }
  const seconds = (performance.now() - start) / 1000;
  const requests = session.server.requests
    .slice(requestsBefore)
    .filter((request) => isArchiveRequest(request.url));
  const digestCount = (await session.send('listDigests')).digests.length;
  report.add({
    name: 'import: archive, 239 AI digests and 239 GitHub 热门 from a local server',
    value: seconds,
    unit: 's',
    goal: '< 10 s',
    note: `${status.state}: stored ${status.stored}, not found ${status.notFound}, failed ${status.failed}`,
  });
  report.add({ name: 'import: archive requests', value: requests.length, unit: 'requests' });
  report.add({ name: 'import: digests stored afterwards', value: digestCount, unit: 'digests' });
  return status;
}
