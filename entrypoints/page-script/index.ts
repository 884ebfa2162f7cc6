/**
 * The lean page script, on every page of the served sites (declared in wxt.config.ts, at document_start): the
 * page's identity keys, the lookup, location watching and the lookup gate, and finding and asking about the marked
 * links (≤ 14 kB, held by tests/e2e/budget.e2e.test.ts). The card's UI (Preact, the card, its CSS) and the marks'
 * drawing are a separate chunk the background injects only after a lookup or a mark matched (entrypoints/page-ui).
 * Each capability starts here beside the others.
 */
import type { UnlistedScriptDefinition } from 'wxt';
import { startMarks } from '../../components/marks/start-marks';
import { siteOf } from '../../lib/links';
import { createPageScriptContext, endOrphans, runHere, runsAlready } from './lifetime';
import { startPageCard } from './page-card';

// The definition defineUnlistedScript would return, without its 60 bytes of argument checks (issue 12: ≤ 14 kB).
export default {
  main() {
    // Injected where a copy runs already (the all-sites grant reaches the tabs already open): that one looks again.
    if (runsAlready()) return;
    // Injected into an open tab after an update or a reload: the old version's orphaned copy goes first.
    endOrphans();
    const ctx = createPageScriptContext();
    const site = siteOf(location.href);
    // The marks wait for the HTML to be parsed; the card's lookup goes at once.
    const card = startPageCard(ctx, site, startMarks(ctx, site));
    runHere({ lifetime: ctx, lookAgain: card.lookAgain });
  },
} satisfies UnlistedScriptDefinition;
