/**
 * Renders assets/icon/digest-lens.svg to the PNG sizes the manifest uses (assets/public/icon/<size>.png), with
 * Debian's Chromium. Run by hand after changing the SVG: `npx tsx assets/icon/render-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../../tests/e2e/harness';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(new URL('./digest-lens.svg', import.meta.url), 'utf8');

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  const path = new URL(`../public/icon/${size}.png`, import.meta.url).pathname;
  await page.screenshot({ path, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`rendered ${SIZES.join(', ')} px icons`);
