/**
 * Shared vocabulary of the domain. Branded strings keep an ISO date from being passed where a
 * time zone or an e-mail address is expected; the constructors are the only way in.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** The two languages of the product, for the UI and, separately, for the agenda. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const isLang = (v: unknown): v is Lang => v === 'fr' || v === 'en';

/** A message in both languages. Every text the domain shows to a person comes as one of these. */
export type Localized = Readonly<Record<Lang, string>>;

/** Calendar date without time, `YYYY-MM-DD`. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** Wall-clock date and time without offset, `YYYY-MM-DDTHH:mm:ss`, meaningful with a time zone. */
export type LocalDateTime = Brand<string, 'LocalDateTime'>;
/** An IANA time zone name such as `Europe/Paris`. */
export type IanaTimeZone = Brand<string, 'IanaTimeZone'>;
/** Whole minutes (durations, agenda timings). */
export type Minutes = Brand<number, 'Minutes'>;
/** Stable identifier of a plan; tags every object booked for it. */
export type PlanId = Brand<string, 'PlanId'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export const isoDate = (s: string): IsoDate => {
  if (!ISO_DATE.test(s)) throw new TypeError(`not an ISO date: ${s}`);
  return s as IsoDate;
};
export const localDateTime = (s: string): LocalDateTime => {
  if (!LOCAL_DATE_TIME.test(s)) throw new TypeError(`not a local date-time: ${s}`);
  return (s.length === 16 ? `${s}:00` : s) as LocalDateTime;
};
export const ianaTimeZone = (s: string): IanaTimeZone => s as IanaTimeZone;
export const minutes = (n: number): Minutes => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number of minutes: ${n}`);
  return n as Minutes;
};
export const planId = (s: string): PlanId => s as PlanId;

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
/** ISO order: index 0 is Monday (luxon's weekday 1). */
export const WEEKDAYS: readonly Weekday[] = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/** The manager's working hours, as Outlook's mailbox settings give them. */
export interface WorkingHours {
  readonly daysOfWeek: readonly Weekday[];
  /** `HH:mm`, wall clock in `timeZone`. */
  readonly startTime: string;
  /** `HH:mm`, wall clock in `timeZone`; after startTime. */
  readonly endTime: string;
  readonly timeZone: IanaTimeZone;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '09:00',
  endTime: '18:00',
  timeZone: 'Europe/Paris' as IanaTimeZone,
};
