/**
 * UI language: Chinese when the browser's UI language is Chinese (any zh-*), English otherwise. Each component area
 * keeps its own string table `{ zh: {...}, en: {...} }` and picks it with `uiLanguage()`.
 */
export type UiLanguage = 'zh' | 'en';

/**
 * Words written by the background for the user to read later (a sync error, a notice): kept in every language, so
 * they are shown in the language of the moment they are read, not of the moment they were written.
 */
export type LocalizedText = Record<UiLanguage, string>;

/** A message built from each language's table of words: `build` gets the words and the language it builds for. */
export function localizedFrom<Words>(
  table: Record<UiLanguage, Words>,
  build: (words: Words, language: UiLanguage) => string,
): LocalizedText {
  return { zh: build(table.zh, 'zh'), en: build(table.en, 'en') };
}

/** The words in `language`; a plain string (stored by an earlier version) as it is. */
export function textIn(text: string | LocalizedText, language: UiLanguage): string {
  return typeof text === 'string' ? text : text[language];
}

export function languageOf(locale: string | undefined | null): UiLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function uiLanguage(): UiLanguage {
  const fromBrowser = globalThis.chrome?.i18n?.getUILanguage?.();
  return languageOf(fromBrowser ?? globalThis.navigator?.language);
}
