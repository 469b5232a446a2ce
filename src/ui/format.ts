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

/** The region a reader of a language is assumed in, for phone numbers: as `localeFor` (France, Britain). */
export const regionFor = (lang: Lang): string => (lang === 'fr' ? 'FR' : 'GB');

const DAY_MS = 86_400_000;
/** The calendar day of an instant in a zone, as a day number (days since 1970-01-01). */
const dayNumber = (date: Date, timeZone?: string): number => {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS);
};

/**
 * How far a date is from `now`, in calendar days of `timeZone`, as people say it: "today", "yesterday",
 * "in 3 days", "2 weeks ago", "in 5 months", "3 years ago" / « aujourd’hui », « hier », « dans 2 semaines »,
 * « il y a 3 mois ». Intl.RelativeTimeFormat writes the words; the clock comes in as `now`.
 */
export const formatRelative = (isoOrDate: string | Date, now: Date, lang: Lang, timeZone?: string): string => {
  const at = typeof isoOrDate === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T12:00:00Z` : isoOrDate) : isoOrDate;
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  const abs = Math.abs(days);
  if (abs < 7) return rtf.format(days, 'day');
  if (abs < 28) return rtf.format(Math.round(days / 7), 'week');
  if (abs < 365) return rtf.format(Math.max(1, Math.round(abs / 30.4375)) * Math.sign(days), 'month');
  return rtf.format(Math.round(days / 365.25), 'year');
};

/** A date with how far it is: "12 Jan 2027 (3 months ago)" / « 12 janv. 2027 (il y a 3 mois) ». */
export const formatWhen = (iso: string, lang: Lang, now: Date, timeZone?: string): string =>
  `${formatDate(iso, lang, timeZone)} (${formatRelative(iso, now, lang, timeZone)})`;
