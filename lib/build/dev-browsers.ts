import { existsSync } from 'node:fs';

const GOOGLE_CHROME = [
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
];
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox';
const DEBIAN_FIREFOX_ESR = '/usr/bin/firefox-esr';

/**
 * The browsers `npm run dev` (WXT's web-ext runner) opens. web-ext finds Google Chrome (or CHROME_PATH) and a
 * `firefox` on PATH by itself; where they are missing, it opens Debian's Chromium and Firefox ESR instead.
 */
export function devBrowserBinaries(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): Record<string, string> {
  const binaries: Record<string, string> = {};
  if (!env.CHROME_PATH && !GOOGLE_CHROME.some(exists) && exists(DEBIAN_CHROMIUM))
    binaries.chrome = DEBIAN_CHROMIUM;
  if (!exists(FIREFOX) && exists(DEBIAN_FIREFOX_ESR)) binaries.firefox = DEBIAN_FIREFOX_ESR;
  return binaries;
}
