/**
 * The all-sites option's Chromium side, shared by tests/e2e/all-sites and update: the build that has the access at
 * install (WXT_GRANT_ALL_SITES=1, test use only; made next to EXTENSION_DIR's, in all-sites-granted, unless
 * ALL_SITES_EXTENSION_DIR names one) and the options page's switch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { extensionDir, projectRoot } from './harness';

let grantedBuild: string | undefined;

/** The extension folder built with WXT_GRANT_ALL_SITES=1 (built next to the ordinary one when not given, once). */
export function grantedExtensionDir(): string {
  grantedBuild ??= buildGranted();
  return grantedBuild;
}

function buildGranted(): string {
  const given = process.env.ALL_SITES_EXTENSION_DIR;
  if (given) return resolve(projectRoot, given);
  const ordinary = extensionDir();
  const outDir = join(dirname(ordinary), 'all-sites-granted');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: projectRoot,
    env: { ...process.env, WXT_GRANT_ALL_SITES: '1', WXT_OUT_DIR: outDir },
    stdio: 'ignore',
  });
  const built = join(outDir, 'chrome-mv3');
  if (!existsSync(join(built, 'manifest.json')))
    throw new Error(`The all-sites build did not land in ${built}`);
  return built;
}

/** Tick or untick 在所有网站上显示 in the options page, and wait until it shows so. */
export async function setAllSites(options: Page, on: boolean): Promise<void> {
  const toggle = options.locator('input[name="all-sites"]');
  await toggle.waitFor();
  if ((await toggle.isChecked()) !== on) await toggle.click();
  await expect.poll(() => toggle.isChecked()).toBe(on);
}
