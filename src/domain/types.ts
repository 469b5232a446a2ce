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
/** What a plan id may hold: a UUID (36) fits; it goes into tags, transactionIds and OData filters. */
const PLAN_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A value refused by a branded constructor: a programming or data error, never the user's (their input
 * is checked by validatePlan with a message in their language). A TypeError, as a wrong type would be.
 */
export class BrandError extends TypeError {
  override readonly name = 'BrandError';
  constructor(
    readonly brand: 'IsoDate' | 'LocalDateTime' | 'IanaTimeZone' | 'Minutes' | 'PlanId',
    readonly value: unknown,
  ) {
    super(`not a valid ${brand}: ${JSON.stringify(value)}`);
  }
}

/** Whether the runtime's time-zone database (ICU, which luxon uses too) knows the name. */
const knownZone = (s: string): boolean => {
  try {
    return s !== '' && new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
};

export const isoDate = (s: string): IsoDate => {
  if (!ISO_DATE.test(s)) throw new BrandError('IsoDate', s);
  return s as IsoDate;
};
export const localDateTime = (s: string): LocalDateTime => {
  if (!LOCAL_DATE_TIME.test(s)) throw new BrandError('LocalDateTime', s);
  return (s.length === 16 ? `${s}:00` : s) as LocalDateTime;
};
export const ianaTimeZone = (s: string): IanaTimeZone => {
  if (!knownZone(s)) throw new BrandError('IanaTimeZone', s);
  return s as IanaTimeZone;
};
export const minutes = (n: number): Minutes => {
  if (!Number.isInteger(n) || n < 0) throw new BrandError('Minutes', n);
  return n as Minutes;
};
export const planId = (s: string): PlanId => {
  if (!PLAN_ID.test(s)) throw new BrandError('PlanId', s);
  return s as PlanId;
};

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
  timeZone: ianaTimeZone('Europe/Paris'),
};
