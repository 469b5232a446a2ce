import { DateTime } from 'luxon';
import type { Lang, Weekday } from '../types';
import type { Recurrence, RecurrencePattern, RecurrenceRange } from './model';

type Index = 'first' | 'second' | 'third' | 'fourth' | 'last';

const WEEKDAY_NAMES: Readonly<Record<Lang, Readonly<Record<Weekday, string>>>> = {
  fr: { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' },
  en: { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' },
};

const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const INDEX_NAMES: Readonly<Record<Lang, Readonly<Record<Index, string>>>> = {
  fr: { first: '1er', second: '2e', third: '3e', fourth: '4e', last: 'dernier' },
  en: { first: 'first', second: 'second', third: 'third', fourth: 'fourth', last: 'last' },
};

const monthName = (lang: Lang, month: number): string => MONTH_NAMES[lang][month - 1] ?? String(month);

/** "de mars", but "d'avril", "d'août", "d'octobre". */
const frOfMonth = (month: number): string => {
  const name = monthName('fr', month);
  return /^[aeiouyéèâ]/i.test(name) ? `d'${name}` : `de ${name}`;
};

const enOrdinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
};
const frDayOfMonth = (n: number): string => (n === 1 ? '1er' : String(n));

const list = (lang: Lang, items: readonly string[], conj: { fr: string; en: string }): string => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conj[lang]} ${items[items.length - 1] ?? ''}`;
};

const days = (lang: Lang, ds: readonly Weekday[], conj: { fr: string; en: string }) =>
  list(lang, ds.map((d) => WEEKDAY_NAMES[lang][d]), conj);

/** "Tous les 6 mois" / "Every 6 months"; whole years are said in years. */
const everyMonths = (lang: Lang, interval: number): string => {
  if (lang === 'fr') {
    if (interval === 1) return 'Tous les mois';
    if (interval === 12) return 'Tous les ans';
    if (interval % 12 === 0) return `Tous les ${interval / 12} ans`;
    return `Tous les ${interval} mois`;
  }
  if (interval === 1) return 'Every month';
  if (interval === 12) return 'Every year';
  if (interval % 12 === 0) return `Every ${interval / 12} years`;
  return `Every ${interval} months`;
};

const describePattern = (p: RecurrencePattern, lang: Lang): string => {
  const fr = lang === 'fr';
  switch (p.type) {
    case 'daily':
      if (fr) return p.interval === 1 ? 'Tous les jours' : `Tous les ${p.interval} jours`;
      return p.interval === 1 ? 'Every day' : `Every ${p.interval} days`;
    case 'weekly': {
      const on = days(lang, p.daysOfWeek, { fr: 'et', en: 'and' });
      // "le lundi et le jeudi": French repeats the article before each day.
      const frOn = list('fr', p.daysOfWeek.map((d) => `le ${WEEKDAY_NAMES.fr[d]}`), { fr: 'et', en: 'and' });
      if (fr) return `${p.interval === 1 ? 'Toutes les semaines' : `Toutes les ${p.interval} semaines`}, ${frOn}`;
      return `${p.interval === 1 ? 'Every week' : `Every ${p.interval} weeks`} on ${on}`;
    }
    case 'absoluteMonthly':
      return fr
        ? `${everyMonths(lang, p.interval)}, le ${frDayOfMonth(p.dayOfMonth)}`
        : `${everyMonths(lang, p.interval)} on the ${enOrdinal(p.dayOfMonth)}`;
    case 'relativeMonthly': {
      const on = days(lang, p.daysOfWeek, { fr: 'ou', en: 'or' });
      return fr
        ? `${everyMonths(lang, p.interval)}, le ${INDEX_NAMES.fr[p.index]} ${on}`
        : `${everyMonths(lang, p.interval)} on the ${INDEX_NAMES.en[p.index]} ${on}`;
    }
    case 'absoluteYearly': {
      const every = everyMonths(lang, 12 * p.interval);
      return fr
        ? `${every}, le ${frDayOfMonth(p.dayOfMonth)} ${monthName('fr', p.month)}`
        : `${every} on ${p.dayOfMonth} ${monthName('en', p.month)}`;
    }
    case 'relativeYearly': {
      const every = everyMonths(lang, 12 * p.interval);
      const on = days(lang, p.daysOfWeek, { fr: 'ou', en: 'or' });
      return fr
        ? `${every}, le ${INDEX_NAMES.fr[p.index]} ${on} ${frOfMonth(p.month)}`
        : `${every} on the ${INDEX_NAMES.en[p.index]} ${on} of ${monthName('en', p.month)}`;
    }
  }
};

const describeRange = (r: RecurrenceRange, lang: Lang): string => {
  if (r.type === 'numbered') {
    const n = r.numberOfOccurrences;
    if (lang === 'fr') return `${n} fois`;
    return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
  }
  const end = DateTime.fromISO(r.endDate);
  if (!end.isValid) return lang === 'fr' ? `jusqu'au ${r.endDate}` : `until ${r.endDate}`;
  return lang === 'fr'
    ? `jusqu'au ${frDayOfMonth(end.day)} ${monthName('fr', end.month)} ${end.year}`
    : `until ${end.day} ${monthName('en', end.month)} ${end.year}`;
};

/**
 * A short sentence for a recurrence, as a person would say it:
 * "Tous les 6 mois, le 2e mardi, 4 fois" / "Every 6 months on the second Tuesday, 4 times".
 */
export const describeRecurrence = (recurrence: Recurrence, lang: Lang): string =>
  `${describePattern(recurrence.pattern, lang)}, ${describeRange(recurrence.range, lang)}`;
