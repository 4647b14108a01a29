/** The console's languages: Simplified Chinese (the default) and English. */
export const LANGS = ['zh-CN', 'en'] as const;
/** One of the console's languages. */
export type Lang = (typeof LANGS)[number];
/** The language a new browser starts in. */
export const DEFAULT_LANG: Lang = 'zh-CN';
/** The only thing the console keeps in localStorage: the language chosen last. */
export const LANG_KEY = 'aftercare.lang';

/** The language remembered in this browser, else the default. */
export function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'en' || v === 'zh-CN' ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}
