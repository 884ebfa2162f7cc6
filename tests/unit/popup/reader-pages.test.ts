// @vitest-environment happy-dom
/**
 * The popup's and side panel's pages load the reader as one async classic script (entrypoints/reader, issue 13): it
 * runs as soon as it has arrived, without waiting for the page's HTML to finish loading or for the stylesheet, as
 * the module scripts Vite makes of a page would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const page = (name: string) => {
  const html = readFileSync(resolve(import.meta.dirname, `../../../entrypoints/${name}/index.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
};

describe.each([
  ['popup', 'popup'],
  ['sidepanel', 'panel'],
])('the %s page', (name, reader) => {
  it('runs the reader from one async script and has no module script of its own', () => {
    const document = page(name);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((script) => script.getAttribute('src'))).toEqual(['/reader.js']);
    expect(scripts[0]?.hasAttribute('async')).toBe(true);
    expect(scripts[0]?.getAttribute('type')).toBeNull();
  });

  it(`tells the reader which page it draws (${reader})`, () => {
    expect(page(name).getElementById('app')?.dataset.reader).toBe(reader);
  });
});
