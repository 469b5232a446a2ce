import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { registerStrings } from '../../../ui/i18n';
import type { Lang } from '../../../domain/types';
import { WIZARD_NAMESPACE, WIZARD_STRINGS } from './strings';

// Registered when the wizard's module is first imported: the page's i18n instance gets the
// namespace whether it was created before or after (registerStrings handles both).
registerStrings(WIZARD_NAMESPACE, WIZARD_STRINGS);

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
