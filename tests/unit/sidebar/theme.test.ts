// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { detectTheme, type MatchMedia, parseRgb, themeOfBackground } from '../../../lib/sidebar/theme';

const systemDark: MatchMedia = (query) => ({ matches: query === '(prefers-color-scheme: dark)' });
const systemLight: MatchMedia = () => ({ matches: false });

afterEach(() => {
  const root = document.documentElement;
  for (const name of [...root.getAttributeNames()]) if (name !== 'lang') root.removeAttribute(name);
  document.body.removeAttribute('style');
});

describe('parseRgb / themeOfBackground', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(247, 249, 249)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgba(0, 0, 0, 1)', 'dark'],
    ['rgb(0 0 0 / 100%)', 'dark'],
    ['rgba(0, 0, 0, 0)', undefined],
    ['transparent', undefined],
    ['', undefined],
  ])('%s → %s', (color, theme) => {
    expect(themeOfBackground(color)).toBe(theme);
  });

  it('reads channels and alpha', () => {
    expect(parseRgb('rgba(21, 32, 43, 0.5)')).toEqual({ r: 21, g: 32, b: 43, a: 0.5 });
  });
});

describe('detectTheme on X: the body background', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
  ])('body %s → %s, whatever the system says', (color, theme) => {
    document.body.style.backgroundColor = color;
    expect(detectTheme('x', document, systemDark)).toBe(theme);
    expect(detectTheme('x', document, systemLight)).toBe(theme);
  });

  it('falls back to the system before X has painted its body', () => {
    expect(detectTheme('x', document, systemDark)).toBe('dark');
    expect(detectTheme('x', document, systemLight)).toBe('light');
  });
});

describe('detectTheme on GitHub: data-color-mode and prefers-color-scheme', () => {
  const github = (mode: string, light = 'light', dark = 'dark') => {
    document.documentElement.setAttribute('data-color-mode', mode);
    document.documentElement.setAttribute('data-light-theme', light);
    document.documentElement.setAttribute('data-dark-theme', dark);
  };

  it.each([
    ['light', systemDark, 'light'],
    ['dark', systemLight, 'dark'],
    ['auto', systemLight, 'light'],
    ['auto', systemDark, 'dark'],
  ] as const)('mode %s → %s', (mode, media, theme) => {
    github(mode);
    expect(detectTheme('github', document, media)).toBe(theme === 'light' ? 'light' : 'dark');
  });

  it('maps dark_dimmed to dim and dark_high_contrast to dark', () => {
    github('auto', 'light', 'dark_dimmed');
    expect(detectTheme('github', document, systemDark)).toBe('dim');
    github('dark', 'light', 'dark_high_contrast');
    expect(detectTheme('github', document, systemLight)).toBe('dark');
  });

  it('follows the system without data-color-mode', () => {
    expect(detectTheme('github', document, systemDark)).toBe('dark');
    expect(detectTheme('github', document, systemLight)).toBe('light');
  });
});

describe('detectTheme on Hugging Face: html.dark', () => {
  it('is dark with the class and light without it', () => {
    expect(detectTheme('huggingface', document, systemDark)).toBe('light');
    document.documentElement.classList.add('dark');
    expect(detectTheme('huggingface', document, systemLight)).toBe('dark');
  });
});

it('follows an unknown site’s own background, else the system (a page that paints none)', () => {
  expect(detectTheme(null, document, systemDark)).toBe('dark');
  expect(detectTheme(null, document, systemLight)).toBe('light');
  // Any other site with a dark look of its own is dark whatever the system says (the card was white beside it).
  document.body.style.backgroundColor = 'rgb(13, 17, 23)';
  expect(detectTheme(null, document, systemLight)).toBe('dim');
  document.body.style.backgroundColor = 'rgb(0, 0, 0)';
  expect(detectTheme(null, document, systemLight)).toBe('dark');
  document.body.style.backgroundColor = 'rgb(255, 255, 255)';
  expect(detectTheme(null, document, systemDark)).toBe('light');
  document.body.style.backgroundColor = '';
});
