import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '../../../domain/types';
// Importing the namespace's name from the catalogue registers the catalogue (strings.ts).
import { WIZARD_NAMESPACE } from './strings';

export type WizardT = TFunction<typeof WIZARD_NAMESPACE>;

/**
 * The wizard's translator, fixed to the UI language the tab passes in (`lang` prop) rather than
 * whatever the instance's current language is, so the wizard never shows a mix of two languages
 * while the shell switches.
 */
export const useWizardT = (lang: Lang): WizardT => {
  const { i18n } = useTranslation(WIZARD_NAMESPACE);
  return useMemo(() => i18n.getFixedT(lang, WIZARD_NAMESPACE) as WizardT, [i18n, lang]);
};
