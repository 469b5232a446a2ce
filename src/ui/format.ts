import type { Lang } from '../domain/types';

/** Dates as people read them in each language; `timeZone` defaults to the browser's. */
/** The locale a language is written in here: French as in France, English as in Britain (day before month). */
export const localeFor = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const locale = localeFor;

export const formatDate = (isoOrDate: string | Date, lang: Lang, timeZone?: string): string => {
  // A bare `YYYY-MM-DD` is a calendar date: read it as such, not as midnight UTC.
  if (typeof isoOrDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) {
    const [y, m, d] = isoOrDate.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  const date = typeof isoOrDate === 'string' ? new Date(isoOrDate) : isoOrDate;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(date);
};

export const formatDateTime = (iso: string, lang: Lang, timeZone?: string): string =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
