import { defineBackground } from 'wxt/utils/define-background';
import { startAllSites } from '../lib/all-sites/start-all-sites';
import { startBackground } from '../lib/background/start-background';
import { loadSettings } from '../lib/settings';

export default defineBackground(() => {
  startBackground();
  startAllSites({ settings: loadSettings });
});
