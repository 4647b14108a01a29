// i18next set-up: every user-visible string comes from a namespace here. A workspace adds
// its own namespace by adding a key to both zh-CN.ts and en.ts.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zh from './zh-CN';
import { LANG_KEY, storedLang, type Lang } from './langs';

/** The resources of both languages, by namespace. */
export const resources = { 'zh-CN': zh, en } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLang(),
  fallbackLng: false,
  ns: Object.keys(zh),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the language and remembers it in this browser. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this tab.
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
