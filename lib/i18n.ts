/**
 * UI language: Chinese when the browser's UI language is Chinese (any zh-*), English otherwise. Each component area
 * keeps its own string table `{ zh: {...}, en: {...} }` and picks it with `uiLanguage()`.
 */
export type UiLanguage = 'zh' | 'en';

export function languageOf(locale: string | undefined | null): UiLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function uiLanguage(): UiLanguage {
  const fromBrowser = globalThis.chrome?.i18n?.getUILanguage?.();
  return languageOf(fromBrowser ?? globalThis.navigator?.language);
}
