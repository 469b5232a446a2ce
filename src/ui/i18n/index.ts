import i18next, { type i18n as I18n, type Resource, type ResourceNamespaceMap } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../domain/types';

/**
 * One i18next instance per page, and one way for a catalogue to join it. Every catalogue is a
 * module that lives with its owner (src/ui's shared components: `common`, `outcomes`, `realContact`;
 * the tab: `tab`, `wizard`, `bulk`; the add-in: `addin`; the meeting guide: `meeting`) and has the
 * same shape:
 *
 * ```ts
 * const en = { title: 'Hello {{name}}' };
 * const fr: typeof en = { title: 'Bonjour {{name}}' };        // same keys, or the type check fails
 * export const X_NAMESPACE = 'x';
 * export const X_STRINGS = registerStrings(X_NAMESPACE, { en, fr });
 * declare module 'i18next' { interface ResourceNamespaceMap { x: typeof en } }
 * ```
 *
 * The `ResourceNamespaceMap` line types `t`: `useTranslation(X_NAMESPACE).t('titel')` is a type
 * error (test/unit/i18n/types.test.ts). Registering happens when the module is imported — before or
 * after `initI18n` — so a component imports its namespace's constant from the catalogue, and the
 * catalogue module is listed in package.json "sideEffects" (test/unit/build/side-effects.test.ts).
 *
 * Placeholders are i18next's own `{{name}}`, everywhere (the mailbox texts in src/domain too), and
 * only that: test/unit/i18n/catalogues.test.ts fails on a `{name}`.
 */
export type StringsOf<NS extends keyof ResourceNamespaceMap> = Readonly<Record<Lang, ResourceNamespaceMap[NS]>>;

/** Any namespace's strings, as the registry stores them. */
export type Catalogue = Readonly<Record<Lang, Readonly<Record<string, unknown>>>>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
  }
}

const pending = new Map<string, Catalogue>();

let instance: I18n | undefined;

const addToInstance = (i: I18n, ns: string, catalogue: Catalogue): void => {
  for (const lang of ['fr', 'en'] as const) i.addResourceBundle(lang, ns, catalogue[lang], true, true);
};

/** Adds (or replaces) a namespace's strings in both languages; returns them, for tests and plain-text uses. */
export const registerStrings = <NS extends keyof ResourceNamespaceMap>(ns: NS, catalogue: StringsOf<NS>): StringsOf<NS> => {
  pending.set(ns, catalogue as Catalogue);
  if (instance) addToInstance(instance, ns, catalogue as Catalogue);
  return catalogue;
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

/** The namespaces registered so far (for the catalogue tests). */
export const registeredStrings = (): ReadonlyMap<string, Catalogue> => pending;

/** For tests: forget the instance so each test starts in the language it asks for. */
export const resetI18nForTests = (): void => {
  instance = undefined;
};
