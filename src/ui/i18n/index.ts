import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../domain/types';
import { common } from './common';
import { tab } from './tab';

/**
 * One i18next instance per page. Each owner keeps its strings in its own namespace and file:
 * `common` (shared components) and `tab` (Teams tab screens) live here; the wizard registers
 * `wizard`, the add-in `addin`, through `registerStrings` — before or after `initI18n`.
 */
export type Catalogue = Readonly<Record<Lang, Readonly<Record<string, unknown>>>>;

const pending = new Map<string, Catalogue>([
  ['common', common],
  ['tab', tab],
]);

let instance: I18n | undefined;

const addToInstance = (i: I18n, ns: string, catalogue: Catalogue): void => {
  for (const lang of ['fr', 'en'] as const) i.addResourceBundle(lang, ns, catalogue[lang], true, true);
};

/** Adds (or replaces) a namespace's strings in both languages. */
export const registerStrings = (ns: string, catalogue: Catalogue): void => {
  pending.set(ns, catalogue);
  if (instance) addToInstance(instance, ns, catalogue);
};

/**
 * Creates the page's i18n instance in `lang` (or switches an existing one to it). Synchronous:
 * every catalogue is bundled, so the first render already has its strings.
 */
export const initI18n = (lang: Lang): I18n => {
  if (instance) {
    if (instance.language !== lang) void instance.changeLanguage(lang);
    return instance;
  }
  const resources: Resource = { fr: {}, en: {} };
  for (const [ns, catalogue] of pending) {
    resources.fr![ns] = catalogue.fr as Record<string, string>;
    resources.en![ns] = catalogue.en as Record<string, string>;
  }
  const i = i18next.createInstance();
  void i.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['fr', 'en'],
    ns: [...pending.keys()],
    defaultNS: 'common',
    resources,
    initAsync: false,
    // React escapes what it renders; double escaping would show `&amp;` to users.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = i;
  return i;
};

/** For tests: forget the instance so each test starts in the language it asks for. */
export const resetI18nForTests = (): void => {
  instance = undefined;
};
