import { describe, expect, it } from 'vitest';
import { devBrowserBinaries } from '../../../lib/build/dev-browsers';

const installed =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('the browsers npm run dev opens', () => {
  it.each([
    [
      'Debian: Chromium and Firefox ESR only',
      {},
      installed('/usr/bin/chromium', '/usr/bin/firefox-esr'),
      {
        chrome: '/usr/bin/chromium',
        firefox: '/usr/bin/firefox-esr',
      },
    ],
    [
      'Debian with firefox-esr’s /usr/bin/firefox wrapper',
      {},
      installed('/usr/bin/chromium', '/usr/bin/firefox', '/usr/bin/firefox-esr'),
      {
        chrome: '/usr/bin/chromium',
      },
    ],
    [
      'Google Chrome installed: web-ext finds it',
      {},
      installed('/usr/bin/google-chrome', '/usr/bin/chromium'),
      {},
    ],
    ['CHROME_PATH set: web-ext uses it', { CHROME_PATH: '/opt/chrome' }, installed('/usr/bin/chromium'), {}],
    ['no browser at all: web-ext says what it misses', {}, installed(), {}],
  ])('%s', (_case, env, exists, binaries) => {
    expect(devBrowserBinaries(env, exists)).toEqual(binaries);
  });
});
