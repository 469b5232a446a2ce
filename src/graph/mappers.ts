import type * as MG from '@microsoft/microsoft-graph-types';
import type { Recurrence, RecurrencePattern, RecurrenceRange } from '../domain/cadence/model';
import type { IanaTimeZone, IsoDate, LocalDateTime, Weekday } from '../domain/types';
import { readTags, tagProperties, transactionIdFor, type ExtendedProperty, type Tags } from './tags';
import { seriesZone, toWindowsZone } from './timezones';

/** An event the app wants in the mailbox, in domain terms (no Graph wire details). */
export interface EventDraft {
  readonly subject: string;
  readonly bodyHtml: string;
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly timeZone: IanaTimeZone;
  readonly attendees?: ReadonlyArray<{ readonly email: string; readonly name: string }>;
  /** Teams meeting (join link made by Exchange). */
  readonly teams?: boolean;
  readonly location?: string;
  readonly categories: readonly string[];
  readonly showAs: 'free' | 'busy';
  readonly isReminderOn: boolean;
  readonly reminderMinutesBeforeStart?: number;
  readonly recurrence?: Recurrence;
  /** Only the manager sees it (prep notes). */
  readonly private?: boolean;
  readonly tags: Tags;
}

/** A contact the app keeps for a leaver, in domain terms. */
export interface ContactDraft {
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly emails: ReadonlyArray<{ readonly address: string; readonly name: string }>;
  readonly mobilePhone?: string;
  readonly businessHomePage?: string;
  readonly companyName?: string;
  readonly jobTitle?: string;
  readonly personalNotes: string;
  readonly categories: readonly string[];
  readonly tags: Tags;
  /** More single-value extended properties beside the tags (the consent record: contacts.ts). */
  readonly extraProperties?: readonly ExtendedProperty[];
}

/** What the app reads back about one of its events. */
export interface EventInfo {
  readonly id: string;
  readonly subject: string;
  readonly webLink?: string;
  readonly joinUrl?: string;
  readonly start?: string;
  readonly end?: string;
  readonly timeZone?: string;
  readonly type?: string;
  readonly isCancelled: boolean;
  readonly categories: readonly string[];
  readonly recurrence?: Recurrence;
  /**
   * Set when the event is a series whose zone could not be told from recurrenceTimeZone nor
   * originalStartTimeZone ("", "Customized Time Zone", "tzone://Microsoft/Custom") and no mailbox zone
   * was given: `recurrence` is then absent rather than guessed. Holds the names Graph gave, for errors.
   */
  readonly recurrenceZoneUnresolved?: string;
  /** Whether Exchange made the event an online meeting (it may refuse: see the receipt). */
  readonly isOnlineMeeting?: boolean;
  readonly attendees: readonly string[];
  readonly planId?: string;
  readonly role?: string;
  readonly kind?: string;
  readonly lang?: string;
  readonly transactionId?: string;
  readonly seriesMasterId?: string;
}

export interface ContactInfo {
  readonly id: string;
  readonly displayName: string;
  readonly emails: readonly string[];
  readonly mobilePhone?: string;
  readonly businessHomePage?: string;
  readonly companyName?: string;
  readonly jobTitle?: string;
  readonly personalNotes: string;
  readonly categories: readonly string[];
  readonly planId?: string;
  readonly role?: string;
}

const opt = <K extends string, V>(key: K, value: V | undefined | null): Partial<Record<K, V>> =>
  value === undefined || value === null || value === '' ? {} : ({ [key]: value } as Record<K, V>);

/** Domain recurrence → Graph patternedRecurrence, with only the properties the pattern type uses. */
export const toGraphRecurrence = (r: Recurrence): MG.PatternedRecurrence => {
  const p: RecurrencePattern = r.pattern;
  let pattern: MG.RecurrencePattern;
  switch (p.type) {
    case 'daily':
      pattern = { type: 'daily', interval: p.interval };
      break;
    case 'weekly':
      pattern = { type: 'weekly', interval: p.interval, daysOfWeek: [...p.daysOfWeek], ...opt('firstDayOfWeek', p.firstDayOfWeek) };
      break;
    case 'absoluteMonthly':
      pattern = { type: 'absoluteMonthly', interval: p.interval, dayOfMonth: p.dayOfMonth };
      break;
    case 'relativeMonthly':
      pattern = { type: 'relativeMonthly', interval: p.interval, daysOfWeek: [...p.daysOfWeek], index: p.index };
      break;
    case 'absoluteYearly':
      pattern = { type: 'absoluteYearly', interval: p.interval, dayOfMonth: p.dayOfMonth, month: p.month };
      break;
    case 'relativeYearly':
      pattern = { type: 'relativeYearly', interval: p.interval, daysOfWeek: [...p.daysOfWeek], index: p.index, month: p.month };
      break;
  }
  const g: RecurrenceRange = r.range;
  const range: MG.RecurrenceRange =
    g.type === 'numbered'
      ? { type: 'numbered', startDate: g.startDate, numberOfOccurrences: g.numberOfOccurrences, recurrenceTimeZone: toWindowsZone(g.recurrenceTimeZone) }
      : { type: 'endDate', startDate: g.startDate, endDate: g.endDate, recurrenceTimeZone: toWindowsZone(g.recurrenceTimeZone) };
  return { pattern, range };
};

const WEEKDAY_SET = new Set<string>(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const days = (d: MG.NullableOption<MG.DayOfWeek[]> | undefined): Weekday[] => (d ?? []).filter((x): x is Weekday => WEEKDAY_SET.has(x));

/**
 * Graph patternedRecurrence → domain. Graph echoes every property with defaults (month 0,
 * dayOfMonth 0, index first, firstDayOfWeek sunday); only those the type uses are read. `zone` is the
 * series' zone as the caller resolved it (`seriesZone`): recurrenceTimeZone itself may read back ""
 * or "Customized Time Zone", which are no zone at all.
 */
export const fromGraphRecurrence = (g: MG.PatternedRecurrence | null | undefined, zone: IanaTimeZone): Recurrence | undefined => {
  const p = g?.pattern;
  const r = g?.range;
  if (!p?.type || !r?.type || !r.startDate) return undefined;
  const interval = p.interval ?? 1;
  const index = (p.index ?? 'first') as 'first' | 'second' | 'third' | 'fourth' | 'last';
  let pattern: RecurrencePattern;
  switch (p.type) {
    case 'daily':
      pattern = { type: 'daily', interval };
      break;
    case 'weekly':
      pattern = { type: 'weekly', interval, daysOfWeek: days(p.daysOfWeek), ...opt('firstDayOfWeek', p.firstDayOfWeek as Weekday | undefined) };
      break;
    case 'absoluteMonthly':
      pattern = { type: 'absoluteMonthly', interval, dayOfMonth: p.dayOfMonth ?? 1 };
      break;
    case 'relativeMonthly':
      pattern = { type: 'relativeMonthly', interval, daysOfWeek: days(p.daysOfWeek), index };
      break;
    case 'absoluteYearly':
      pattern = { type: 'absoluteYearly', interval, dayOfMonth: p.dayOfMonth ?? 1, month: p.month ?? 1 };
      break;
    case 'relativeYearly':
      pattern = { type: 'relativeYearly', interval, daysOfWeek: days(p.daysOfWeek), index, month: p.month ?? 1 };
      break;
    default:
      return undefined;
  }
  const startDate = r.startDate as IsoDate;
  let range: RecurrenceRange;
  if (r.type === 'numbered') range = { type: 'numbered', startDate, numberOfOccurrences: r.numberOfOccurrences ?? 1, recurrenceTimeZone: zone };
  else if (r.type === 'endDate' && r.endDate) range = { type: 'endDate', startDate, endDate: r.endDate as IsoDate, recurrenceTimeZone: zone };
  else return undefined; // noEnd: the app never books one
  return { pattern, range };
};

export const toGraphEvent = (d: EventDraft): MG.Event => ({
  subject: d.subject,
  body: { contentType: 'html', content: d.bodyHtml },
  // Windows names: Graph accepts every Windows zone but only a listed few IANA ones (timezones.ts).
  start: { dateTime: d.start, timeZone: toWindowsZone(d.timeZone) },
  end: { dateTime: d.end, timeZone: toWindowsZone(d.timeZone) },
  attendees: (d.attendees ?? []).map((a) => ({ type: 'required', emailAddress: { address: a.email, name: a.name } })),
  ...(d.teams ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  ...(d.location ? { location: { displayName: d.location } } : {}),
  categories: [...d.categories],
  showAs: d.showAs,
  isReminderOn: d.isReminderOn,
  ...opt('reminderMinutesBeforeStart', d.reminderMinutesBeforeStart),
  ...(d.recurrence ? { recurrence: toGraphRecurrence(d.recurrence) } : {}),
  ...(d.private ? { sensitivity: 'private' as const } : {}),
  // Reconnect reminders and the prep block concern the manager alone: no invitations go out.
  responseRequested: (d.attendees ?? []).length > 0,
  transactionId: transactionIdFor(d.tags.planId, d.tags.role),
  singleValueExtendedProperties: tagProperties(d.tags),
});

export const EVENT_SELECT = [
  'id', 'subject', 'webLink', 'onlineMeeting', 'start', 'end', 'type', 'isCancelled', 'categories',
  'recurrence', 'attendees', 'transactionId', 'seriesMasterId', 'originalStartTimeZone', 'isOnlineMeeting',
].join(',');

/**
 * Graph event → what the app reads. `mailboxZone` is the last resort for a series' zone when neither
 * recurrenceTimeZone nor originalStartTimeZone names one; without it such a series comes back with
 * `recurrenceZoneUnresolved` and no `recurrence`, never with a guessed zone.
 */
export const fromGraphEventIn =
  (mailboxZone: IanaTimeZone | undefined) =>
  (e: MG.Event): EventInfo => {
    const tags = readTags(e.singleValueExtendedProperties);
    const zone = e.recurrence ? seriesZone({ recurrenceTimeZone: e.recurrence.range?.recurrenceTimeZone, originalStartTimeZone: e.originalStartTimeZone }, mailboxZone) : undefined;
    const recurrence = zone ? fromGraphRecurrence(e.recurrence, zone) : undefined;
    const unresolved = e.recurrence && !zone ? `recurrenceTimeZone ${JSON.stringify(e.recurrence.range?.recurrenceTimeZone ?? null)}, originalStartTimeZone ${JSON.stringify(e.originalStartTimeZone ?? null)}` : undefined;
    return fromGraphEventWith(e, tags, recurrence, unresolved);
  };

const fromGraphEventWith = (e: MG.Event, tags: ReturnType<typeof readTags>, recurrence: Recurrence | undefined, unresolved: string | undefined): EventInfo => {
  return {
    id: e.id ?? '',
    subject: e.subject ?? '',
    ...opt('webLink', e.webLink),
    ...opt('joinUrl', e.onlineMeeting?.joinUrl),
    ...opt('start', e.start?.dateTime),
    ...opt('end', e.end?.dateTime),
    ...opt('timeZone', e.start?.timeZone),
    ...opt('type', e.type),
    isCancelled: e.isCancelled === true,
    categories: e.categories ?? [],
    ...(recurrence ? { recurrence } : {}),
    ...(unresolved ? { recurrenceZoneUnresolved: unresolved } : {}),
    ...(typeof e.isOnlineMeeting === 'boolean' ? { isOnlineMeeting: e.isOnlineMeeting } : {}),
    attendees: (e.attendees ?? []).map((a) => a.emailAddress?.address ?? '').filter(Boolean),
    ...opt('planId', tags.planId),
    ...opt('role', tags.role),
    ...opt('kind', tags.kind),
    ...opt('lang', tags.lang),
    ...opt('transactionId', e.transactionId),
    ...opt('seriesMasterId', e.seriesMasterId),
  };
};

/** Graph event → what the app reads, without a mailbox zone to fall back on (see `fromGraphEventIn`). */
export const fromGraphEvent = (e: MG.Event): EventInfo => fromGraphEventIn(undefined)(e);

export const toGraphContact = (d: ContactDraft): MG.Contact => ({
  displayName: d.displayName,
  ...opt('givenName', d.givenName),
  ...opt('surname', d.surname),
  emailAddresses: d.emails.map((e) => ({ address: e.address, name: e.name })),
  ...opt('mobilePhone', d.mobilePhone),
  ...opt('businessHomePage', d.businessHomePage),
  ...opt('companyName', d.companyName),
  ...opt('jobTitle', d.jobTitle),
  personalNotes: d.personalNotes,
  categories: [...d.categories],
  singleValueExtendedProperties: [...tagProperties(d.tags), ...(d.extraProperties ?? [])],
});

export const CONTACT_SELECT = [
  'id', 'displayName', 'givenName', 'surname', 'emailAddresses', 'mobilePhone', 'businessHomePage',
  'companyName', 'jobTitle', 'personalNotes', 'categories',
].join(',');

export const fromGraphContact = (c: MG.Contact): ContactInfo => {
  const tags = readTags(c.singleValueExtendedProperties);
  return {
    id: c.id ?? '',
    displayName: c.displayName ?? '',
    emails: (c.emailAddresses ?? []).map((e) => e.address ?? '').filter(Boolean),
    ...opt('mobilePhone', c.mobilePhone),
    ...opt('businessHomePage', c.businessHomePage),
    ...opt('companyName', c.companyName),
    ...opt('jobTitle', c.jobTitle),
    personalNotes: c.personalNotes ?? '',
    categories: c.categories ?? [],
    ...opt('planId', tags.planId),
    ...opt('role', tags.role),
  };
};

/** Splits "Camille Dubois-Leroy" into given name and surname the way Outlook's contact card expects. */
export const splitName = (displayName: string): { givenName: string; surname?: string } => {
  const parts = displayName.trim().split(/\s+/);
  const givenName = parts.shift() ?? '';
  return parts.length ? { givenName, surname: parts.join(' ') } : { givenName };
};

/** `data:` URL for a photo, as <img src> and the UI want it. */
export const toDataUrl = (contentType: string, bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${contentType};base64,${btoa(binary)}`;
};

export const base64ToBytes = (b64: string): Uint8Array => {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
