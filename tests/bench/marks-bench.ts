/**
 * Marks on links (issue 12), in headless Chromium with a small library of its own (made-up digests): the
 * extension's main-thread time for marking a page of 2,000 links (CPU profile samples whose stack is in the page
 * script or the UI chunk that draws the marks), printed twice: the marks' own work, and the extension's whole (with
 * the page script's evaluation at document_start, which holds the page card's start and is paid on every page,
 * matched or not, and the chunk's, paid once a key matched); the long tasks while scrolling a
 * 500-tweet timeline, and the page's JS heap (the page and the content script share it) after 100 and after 1,000
 * in-app navigations. The every-page size is in bundle-bench.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { FixtureServer } from '../e2e/fixture-server';
import { type ExtensionSession, launchExtension } from '../e2e/harness';
import { type FixtureDigest, sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { type BenchReport, formatRatio } from './report';

const LINKS = 2_000;
const TWEETS = 500;
const NAVIGATIONS = 1_000;
/** The extension's scripts in the page: the every-page script, and the UI chunk injected once a key matched. */
const PAGE_SCRIPT = /\/page-(script|ui)\.js$/;
const UI_CHUNK = /\/page-ui\.js$/;
/**
 * The reference, measured in the same run: the least work any marker of links must do, a script of the page's own
 * finding its 2,000 links and reading each one's address once (cold, in a fresh page, as the marks run), on a host
 * the extension does not serve. On a slow or loaded machine it grows with the marks' time: their ratio says more
 * than either.
 */
const FLOOR_PAGE = 'https://fixtures.test/floor';
const FLOOR_SCRIPT = /\/floor\.js$/;
const FLOOR_SOURCE =
  "const addresses = new Set(); for (const link of document.querySelectorAll('a[href]')) addresses.add(link.getAttribute('href'));";
/**
 * The same least work done as a content script does it: in an isolated world of the page's (as the extension's
 * scripts run, where each DOM object the script touches gets a wrapper of that world's own), at DOMContentLoaded (as
 * the marks start), on the same page without the page's own reference script.
 */
const CONTENT_FLOOR_PAGE = 'https://fixtures.test/content-floor';
const CONTENT_FLOOR_SCRIPT = /\/content-floor\.js$/;
const CONTENT_FLOOR_SOURCE = `document.addEventListener('DOMContentLoaded', function floor() { ${FLOOR_SOURCE} });
//# sourceURL=${CONTENT_FLOOR_PAGE}.js`;

/** Five digests of ten tweets and ten repos each: 50 tweets and 50 repos linked. */
function library(): FixtureDigest[] {
  return Array.from({ length: 5 }, (_, index) => sampleDigest(shanghaiDate(-index)));
}

const linkedTweets = (digests: FixtureDigest[]) =>
  digests.flatMap(({ news }) => news.map(({ url }) => (url ?? '').replace('https://x.com/', '')));
const linkedRepos = (digests: FixtureDigest[]) =>
  digests.flatMap(({ tools }) => tools.map(({ url }) => (url ?? '').replace('https://github.com/', '')));

const html = (body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}<script>${script}</script></body></html>`;

/** A search result list of `count` repositories, one in 40 linked by the library. */
function searchPage(linked: string[], count: number): string {
  const rows = Array.from({ length: count / 4 }, (_, index) => {
    const repo = index % 10 === 0 ? (linked[index / 10] ?? `bench/repo-${index}`) : `bench/repo-${index}`;
    return `<li><a href="https://github.com/${repo.split('/')[0]}">owner</a> <h3><a href="https://github.com/${repo}">${repo}</a></h3><a href="https://github.com/${repo}/stargazers">★ 12</a> <a href="https://github.com/topics/ai">ai</a></li>`;
  });
  return html(`<ul>${rows.join('')}</ul>`);
}

function tweet(path: string, index: number): string {
  const [handle] = path.split('/');
  return `<article><a href="https://x.com/${handle}">@${handle}</a> <a href="https://x.com/${path}"><time>2h</time></a><p>Tweet ${index}.</p><a href="https://x.com/${path}/photo/1">photo</a><div style="height:120px"></div></article>`;
}

/** A timeline of `count` tweets, one in ten linked. */
function timelinePage(linked: string[], count: number): string {
  const tweets = Array.from({ length: count }, (_, index) =>
    tweet(
      index % 10 === 0 ? (linked[index / 10] ?? `bench/status/${index}`) : `bench/status/9${index}`,
      index,
    ),
  );
  return html(tweets.join(''));
}

/** A single-page app: each `go()` replaces the list with 20 tweets (two linked) and pushes a new URL. */
function appPage(linked: string[]): string {
  const script = `window.step = 0;
window.go = () => {
  window.step += 1;
  const n = window.step;
  history.pushState({}, '', '/app/' + n);
  const tweets = [];
  for (let i = 0; i < 20; i++) {
    const path = i < 2 ? ${JSON.stringify(linked)}[(n * 2 + i) % ${linked.length}] : 'bench/status/' + (n * 100 + i);
    tweets.push('<article><a href="https://x.com/' + path + '"><time>1h</time></a><p>step ' + n + '</p></article>');
  }
  document.getElementById('app').innerHTML = tweets.join('');
};`;
  return html('<div id="app"></div>', script);
}

/** The marks shown in a page, counted in the extension's closed shadow roots through the DevTools protocol. */
async function markCount(cdp: CDPSession): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 3, pierce: true });
  const html = root.children?.find((node) => node.nodeName === 'HTML');
  return (html?.children ?? [])
    .flatMap((node) => node.shadowRoots ?? [])
    .flatMap((shadow) => shadow.children ?? [])
    .filter((node) => node.attributes?.includes('m') && node.nodeName === 'BUTTON').length;
}

async function waitForMarks(cdp: CDPSession, expected: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = 0;
  while (Date.now() < deadline) {
    count = await markCount(cdp);
    if (count >= expected) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * Whose work a task of the extension's scripts is: `start`, the page script's evaluation at document_start on every
 * page (its code compiled and run, the page card's first lookup; the marks only wait for DOMContentLoaded there);
 * `chunk`, the UI chunk's evaluation (Preact, the card, the marks' drawing: compiled and run once a key matched);
 * `card`, the page card's callbacks (its lookup's answer: `showPage`, named in the build as a method); `marks`,
 * everything else (the marks' scan of the page, their messages and answers in the page script; their drawing,
 * placing and cards in the chunk).
 */
type Share = 'start' | 'chunk' | 'card' | 'marks';
const CARD_ENTRIES = new Set(['showPage', 'toggle', 'noteInput']);
const shareOf = (entry: {
  url: string;
  functionName: string;
  lineNumber?: number;
  columnNumber?: number;
}): Share =>
  entry.functionName === '' && entry.lineNumber === 0 && entry.columnNumber === 0
    ? UI_CHUNK.test(entry.url)
      ? 'chunk'
      : 'start'
    : CARD_ENTRIES.has(entry.functionName)
      ? 'card'
      : 'marks';
type Shares = Record<Share | 'total', number>;
const noShares = (): Shares => ({ total: 0, start: 0, chunk: 0, card: 0, marks: 0 });

/** Milliseconds of samples whose stack holds a frame of the page script, by the share of its outermost such frame. */
function pageScriptMs(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  scripts = PAGE_SCRIPT,
): Shares {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** The outermost page-script frame of a node's stack. */
  const entries = new Map<number, ProfileNode | null>();
  const entryOf = (id: number): ProfileNode | null => {
    const known = entries.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const outer = up === undefined ? null : entryOf(up);
    const result = outer ?? (node && scripts.test(node.callFrame.url) ? node : null);
    entries.set(id, result);
    return result;
  };
  const shares = noShares();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each delta is the time before its sample: the time of sample i is deltas[i + 1].
  for (let index = 0; index < samples.length; index += 1) {
    const entry = entryOf(samples[index] as number);
    if (!entry) continue;
    const ms = (deltas[index + 1] ?? 0) / 1000;
    shares.total += ms;
    shares[shareOf(entry.callFrame)] += ms;
  }
  return shares;
}

async function profiled(cdp: CDPSession, run: () => Promise<void>, scripts = PAGE_SCRIPT): Promise<Shares> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Parameters<typeof pageScriptMs>[0] };
  if (process.env.MARKS_PROFILE)
    writeFileSync(`${process.env.MARKS_PROFILE}.${Date.now()}`, JSON.stringify(profile));
  return pageScriptMs(profile, scripts);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

/** The scripts' own tasks: their evaluation, and the callbacks they get (DOMContentLoaded, frames, timers…). */
const isScriptTask = (event: TraceEvent, scripts: RegExp) =>
  event.ph === 'X' &&
  (event.name === 'EvaluateScript' || event.name === 'FunctionCall') &&
  scripts.test(event.args?.data?.url ?? '');

/**
 * Milliseconds of CPU (thread time) in the page script's own tasks, from a trace, by share (the evaluation is the
 * start). Wall-clock samples count the time the shared machine took the core away (a run at load 8 reads 2–3× one at
 * load 1); thread time does not. Promise callbacks (the answers to the card's lookup and to the marks' questions) run
 * as microtasks the trace does not attribute: they are not counted here.
 */
async function threadTimeMs(
  cdp: CDPSession,
  run: () => Promise<void>,
  scripts = PAGE_SCRIPT,
): Promise<Shares> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  // Outermost tasks only: a callback nested in another one of the script's is inside its time already.
  let end = 0;
  const shares = noShares();
  for (const event of events.filter((event) => isScriptTask(event, scripts)).sort((a, b) => a.ts - b.ts)) {
    if (event.ts < end) continue;
    end = event.ts + (event.dur ?? 0);
    const ms = (event.tdur ?? 0) / 1000;
    shares.total += ms;
    const functionName = event.args?.data?.functionName ?? '';
    const url = event.args?.data?.url ?? '';
    shares[
      event.name === 'EvaluateScript'
        ? UI_CHUNK.test(url)
          ? 'chunk'
          : 'start'
        : shareOf({ url, functionName })
    ] += ms;
  }
  return shares;
}

async function openPage(session: ExtensionSession): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await session.context.newPage();
  await page.goto('about:blank');
  return { page, cdp: await session.context.newCDPSession(page) };
}

/**
 * One run of a reference page: opened fresh (after `prepare`, which may add a script to it), measured as the marks
 * are, by `measure`, for `scripts`, and closed.
 */
async function referenceShares(
  session: ExtensionSession,
  measure: typeof profiled,
  url: string,
  scripts: RegExp,
  prepare?: (cdp: CDPSession) => Promise<unknown>,
): Promise<Shares> {
  const reference = await openPage(session);
  if (prepare) {
    await reference.cdp.send('Page.enable');
    await prepare(reference.cdp);
  }
  const shares = await measure(
    reference.cdp,
    async () => {
      await reference.page.goto(url);
      await reference.page.waitForTimeout(300);
    },
    scripts,
  );
  await reference.page.close();
  return shares;
}

async function benchMarking(report: BenchReport, session: ExtensionSession): Promise<void> {
  const sampled: Shares[] = [];
  const traced: Shares[] = [];
  const floorSampled: Shares[] = [];
  const floorTraced: Shares[] = [];
  const contentSampled: Shares[] = [];
  const contentTraced: Shares[] = [];
  let shown = 0;
  for (let run = 0; run < 10; run += 1) {
    // Five runs sampled (the figure), five traced (their CPU time): each measure disturbs the other. Each run of the
    // marks is followed by one of each reference, measured the same way.
    const measure = run < 5 ? profiled : threadTimeMs;
    const marks = await openPage(session);
    const shares = await measure(marks.cdp, async () => {
      await marks.page.goto(`https://github.com/search?q=bench&run=${run % 5}`);
      shown = await waitForMarks(marks.cdp, LINKS / 40);
      await marks.page.waitForTimeout(300);
    });
    (run < 5 ? sampled : traced).push(shares);
    await marks.page.close();
    (run < 5 ? floorSampled : floorTraced).push(
      await referenceShares(session, measure, `${FLOOR_PAGE}?run=${run}`, FLOOR_SCRIPT),
    );
    (run < 5 ? contentSampled : contentTraced).push(
      await referenceShares(
        session,
        measure,
        `${CONTENT_FLOOR_PAGE}?run=${run}`,
        CONTENT_FLOOR_SCRIPT,
        (cdp) =>
          cdp.send('Page.addScriptToEvaluateOnNewDocument', {
            source: CONTENT_FLOOR_SOURCE,
            worldName: 'content-floor',
          }),
      ),
    );
  }
  const sorted = (runs: Shares[], share: keyof Shares) => runs.map((one) => one[share]).sort((a, b) => a - b);
  const median = (runs: Shares[], share: keyof Shares) => sorted(runs, share)[2] ?? Number.NaN;
  const list = (runs: Shares[], share: keyof Shares) =>
    sorted(runs, share)
      .map((time) => time.toFixed(1))
      .join(', ');
  const cpu = (share: keyof Shares) =>
    `median ${median(traced, share).toFixed(1)} ms (runs ${list(traced, share)})`;
  report.add({
    name: `marks: a page of ${LINKS} links marked (${shown} marks), the marks' own main-thread time, median of 5`,
    value: median(sampled, 'marks'),
    unit: 'ms',
    goal: '≤ 10 ms',
    note: `runs ${list(sampled, 'marks')} ms; CPU profile samples (0.1 ms) in page-script.js and the UI chunk (page-ui.js, which draws the marks) outside their evaluations and the page card's callbacks; ${formatRatio(median(sampled, 'marks') / median(floorSampled, 'total'))} the reference below. Their tasks' thread (CPU) time, which the machine's load does not inflate: ${cpu('marks')}, ${formatRatio(median(traced, 'marks') / median(floorTraced, 'total'))} the reference's, ${formatRatio(median(traced, 'marks') / median(contentTraced, 'marks'))} the content script's reference's; without the answers' promise callbacks`,
  });
  report.add({
    name: `reference: a page's own script reading each of its ${LINKS} links' address once, cold, median of 5`,
    value: median(floorSampled, 'total'),
    unit: 'ms',
    note: `runs ${list(floorSampled, 'total')} ms, measured as the marks are, each run after one of theirs; thread (CPU) time median ${median(floorTraced, 'total').toFixed(1)} ms (runs ${list(floorTraced, 'total')}). The least any marker of a page's links does: \`${FLOOR_SOURCE}\``,
  });
  report.add({
    name: `reference: the same as a content script does it (in an isolated world, at DOMContentLoaded), median of 5`,
    value: median(contentSampled, 'marks'),
    unit: 'ms',
    note: `runs ${list(contentSampled, 'marks')} ms, each run after the one above: its listener's work, as the marks' own time leaves out their script's start; thread (CPU) time median ${median(contentTraced, 'marks').toFixed(1)} ms (runs ${list(contentTraced, 'marks')}). The marks' sampled time is ${formatRatio(median(sampled, 'marks') / median(contentSampled, 'marks'))} this`,
  });
  report.add({
    name: `marks: the same, the extension's whole main-thread time in the page (the page script's start, the UI chunk's evaluation and the page card too), median of 5`,
    value: median(sampled, 'total'),
    unit: 'ms',
    note: `runs ${list(sampled, 'total')} ms; of which the script's evaluation at document_start (the page card's start; every page pays it) median ${median(sampled, 'start').toFixed(1)} ms, the UI chunk's evaluation (once a key matched) ${median(sampled, 'chunk').toFixed(1)} ms, the page card's callbacks ${median(sampled, 'card').toFixed(1)} ms. Thread (CPU) time: all ${cpu('total')}, the evaluation ${cpu('start')}, the chunk's ${cpu('chunk')}`,
  });
}

async function benchScrolling(report: BenchReport, session: ExtensionSession): Promise<void> {
  const { page, cdp } = await openPage(session);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('https://x.com/bench/timeline');
  await waitForMarks(cdp, TWEETS / 10);
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
  });
  const { total: ms } = await profiled(cdp, async () => {
    await page.mouse.move(400, 400);
    for (let step = 0; step < 120; step += 1) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(16);
    }
  });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  report.add({
    name: `marks: long tasks (> 50 ms) while scrolling a ${TWEETS}-tweet timeline (${TWEETS / 10} marked)`,
    value: longTasks.length,
    unit: 'tasks',
    goal: 'none from the extension',
    note: `longest ${Math.max(0, ...longTasks).toFixed(0)} ms (any cause: the page does nothing on scroll); the extension's own time over 120 wheel steps ${ms.toFixed(1)} ms`,
  });
  await page.close();
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function benchNavigations(report: BenchReport, session: ExtensionSession): Promise<void> {
  const { page, cdp } = await openPage(session);
  await page.goto('https://x.com/app');
  const navigate = async (count: number) => {
    for (let step = 0; step < count; step += 1) {
      await page.evaluate(() => (window as unknown as { go: () => void }).go());
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
    }
  };
  await navigate(100);
  const after100 = await heapMB(cdp);
  await navigate(NAVIGATIONS - 100);
  const after1000 = await heapMB(cdp);
  const marks = await markCount(cdp);
  report.add({
    name: `marks: page JS heap after ${NAVIGATIONS} in-app navigations (after 100 → after ${NAVIGATIONS})`,
    value: Number(after1000.toFixed(2)),
    unit: 'MB',
    goal: 'flat',
    note: `${after100.toFixed(2)} → ${after1000.toFixed(2)} MB after a GC each; ${marks} marks on the last page`,
  });
  await page.close();
}

export async function benchMarks(report: BenchReport): Promise<void> {
  const digests = library();
  const tweets = linkedTweets(digests);
  const repos = linkedRepos(digests);
  const server = await new FixtureServer().start();
  server.publish(digests);
  for (let run = 0; run < 5; run += 1)
    server.page(`https://github.com/search?q=bench&run=${run}`, searchPage(repos, LINKS));
  server.page(
    FLOOR_PAGE,
    searchPage(repos, LINKS).replace('</body>', `<script src="${FLOOR_PAGE}.js"></script></body>`),
  );
  server.page(CONTENT_FLOOR_PAGE, searchPage(repos, LINKS));
  server.set(`${FLOOR_PAGE}.js`, {
    body: FLOOR_SOURCE,
    headers: { 'content-type': 'text/javascript', 'cache-control': 'no-store' },
  });
  server.page('https://x.com/bench/timeline', timelinePage(tweets, TWEETS));
  server.page('https://x.com/app', appPage(tweets));
  const session = await launchExtension({ server });
  try {
    const deadline = Date.now() + 30_000;
    while ((await session.send('listDigests')).digests.length < digests.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    await benchMarking(report, session);
    await benchScrolling(report, session);
    await benchNavigations(report, session);
  } finally {
    await session.close();
    await server.stop();
  }
}
