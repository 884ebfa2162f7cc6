import { defineBackground } from 'wxt/utils/define-background';
import { hasAllSitesAccess, startAllSites } from '../lib/all-sites/start-all-sites';
import { startBackground } from '../lib/background/start-background';
import { loadSettings } from '../lib/settings';

export default defineBackground(() => {
  // First: its permission listeners re-apply the registration before the background's tell open pages to look again,
  // so their lookups read the new state.
  const allSites = startAllSites({ settings: loadSettings });
  // The pages off the served sites are answered as the registration stands ('on': ticked and granted), without a
  // permissions check per lookup; a registration that failed falls back to asking the browser.
  startBackground({
    allSitesAccess: () => allSites.applied().then((state) => state === 'on', hasAllSitesAccess),
  });
});
