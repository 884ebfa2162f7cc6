/**
 * Which of the sidebar's three looks fits the page: read from the site's own theme markers (elsewhere, the page's
 * background), falling back to the system's colour scheme. Pure functions of a Document and a `matchMedia`, so they
 * run in tests without a browser.
 */
import type { SiteId } from '../schema';

export type SidebarTheme = 'light' | 'dim' | 'dark';

export type MatchMedia = (query: string) => { matches: boolean };

export const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemTheme(matchMedia: MatchMedia | undefined): SidebarTheme {
  return matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

/** `rgb(21, 32, 43)` / `rgba(0, 0, 0, 0)` → channels and alpha; undefined when it is not an rgb() colour. */
export function parseRgb(color: string): { r: number; g: number; b: number; a: number } | undefined {
  const found = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    color.trim(),
  );
  if (!found) return undefined;
  const [, r, g, b, alpha] = found;
  const a = alpha === undefined ? 1 : alpha.endsWith('%') ? Number.parseFloat(alpha) / 100 : Number(alpha);
  return { r: Number(r), g: Number(g), b: Number(b), a };
}

/** A background colour's look: light, dim (dark blue-grey, X's "Dim") or dark (near black, X's "Lights out"). */
export function themeOfBackground(color: string): SidebarTheme | undefined {
  const rgb = parseRgb(color);
  if (!rgb || rgb.a === 0) return undefined;
  const luminance = (0.2126 * rgb.r + 0.7152 * rgb.g + 0.0722 * rgb.b) / 255;
  if (luminance >= 0.5) return 'light';
  return Math.max(rgb.r, rgb.g, rgb.b) > 12 ? 'dim' : 'dark';
}

/**
 * The page's painted background: X paints its theme so (white, #15202b Dim, black Lights out), and so does any
 * other site with a dark look of its own.
 */
function backgroundTheme(doc: Document): SidebarTheme | undefined {
  const view = doc.defaultView;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = view?.getComputedStyle(element).backgroundColor || element.style.backgroundColor;
    const theme = themeOfBackground(color);
    if (theme) return theme;
  }
  return undefined;
}

/** A GitHub theme name (`light`, `dark`, `dark_dimmed`, `dark_high_contrast`, …) as one of the sidebar's looks. */
function githubThemeName(name: string | null, fallback: SidebarTheme): SidebarTheme {
  if (!name) return fallback;
  if (name === 'dark_dimmed') return 'dim';
  if (name.startsWith('dark')) return 'dark';
  if (name.startsWith('light')) return 'light';
  return fallback;
}

/** GitHub: `data-color-mode` is light, dark or auto (follow the system), each mode naming its theme. */
function githubTheme(doc: Document, matchMedia: MatchMedia | undefined): SidebarTheme | undefined {
  const root = doc.documentElement;
  const mode = root.getAttribute('data-color-mode');
  if (mode !== 'light' && mode !== 'dark' && mode !== 'auto') return undefined;
  const dark = mode === 'dark' || (mode === 'auto' && systemTheme(matchMedia) === 'dark');
  return dark
    ? githubThemeName(root.getAttribute('data-dark-theme'), 'dark')
    : githubThemeName(root.getAttribute('data-light-theme'), 'light');
}

/** Hugging Face toggles a `dark` class on `<html>`. */
function huggingfaceTheme(doc: Document): SidebarTheme {
  return doc.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

export function detectTheme(site: SiteId | null, doc: Document, matchMedia?: MatchMedia): SidebarTheme {
  switch (site) {
    case 'github':
      return githubTheme(doc, matchMedia) ?? systemTheme(matchMedia);
    case 'huggingface':
      return huggingfaceTheme(doc);
    default:
      // X, and any other site (all sites on): its own background, else the system's (a page that paints none).
      return backgroundTheme(doc) ?? systemTheme(matchMedia);
  }
}

/** What to observe so the sidebar follows a theme switch without reloading. */
export const THEME_ATTRIBUTES = ['class', 'style', 'data-color-mode', 'data-dark-theme', 'data-light-theme'];
