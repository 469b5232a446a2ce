import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../domain/types';

/** The UI language as the domain knows it. */
export const useLang = (): Lang => {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLang(lang) ? lang : 'en';
};
