import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { Recurrence, RecurrencePattern } from '../cadence/model';
import { AppError } from '../errors';
import type { IanaTimeZone, LocalDateTime, Weekday } from '../types';
import { ICAL } from './design';

/**
 * The reconnect reminders as an iCalendar file (RFC 5545) for phones and calendars other than Outlook,
 * written by ical.js (every text escaped and folded by the library).
 *
 * Time zones — decided, RFC 5545 in hand:
 * - Each reminder keeps its wall-clock time in the manager's zone: DTSTART and DTEND carry `TZID=<IANA name>`,
 *   and the file carries one VTIMEZONE per zone used, as section 3.2.19 requires ("An individual VTIMEZONE
 *   calendar component MUST be specified for each unique TZID parameter value"). UTC would be simpler but
 *   wrong for series: section 3.3.10 expands an RRULE from a UTC DTSTART in UTC, so a reminder at 10:00 in
 *   Paris in January would ring at 11:00 from April to October. With a TZID the recurrence is expanded in
 *   local time (section 3.3.10, "the recurrence is defined in the time zone of DTSTART") across DST changes.
 * - The VTIMEZONE blocks come from timezones-ical-library (the IANA tz database compiled into VTIMEZONE
 *   components with their current DST rules as RRULEs), parsed into ical.js's model: no hand-written rules.
 * - UNTIL is in UTC, as section 3.3.10 requires when DTSTART has a TZID: the end of the series' last day in
 *   its zone.
 * - A zone the library does not know (none of those Graph hands out, in practice) falls back to UTC
 *   instants (`Z`), which section 3.3.5 allows without any VTIMEZONE: the right instant, at the cost of
 *   the DST drift above for a series.
 * DTSTAMP is UTC, as section 3.8.7.2 requires.
 */

export interface ReminderInput {
  /** Stable across exports, so that importing again updates rather than duplicates (RFC 5545 section 3.8.4.7). */
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  /** Wall clock in `timeZone`. */
  readonly start: LocalDateTime;
  readonly end: LocalDateTime;
  readonly timeZone: IanaTimeZone;
  /** For a series: Outlook's recurrence, written as an RRULE. */
  readonly recurrence?: Recurrence;
  /** A display alarm this many minutes before the start. */
  readonly alarmMinutesBefore?: number;
  readonly categories?: readonly string[];
}

export interface CalendarInput {
  readonly events: readonly ReminderInput[];
  /** When the file is written (DTSTAMP): passed in, the domain never reads the clock. */
  readonly stamp: Date;
  /** Shown by calendars that name an imported calendar (X-WR-CALNAME). */
  readonly name?: string;
}

export const ICS_PRODID = '-//Au revoir//Reconnect reminders//EN';

const BYDAY: Readonly<Record<Weekday, string>> = {
  monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU',
};
const SETPOS = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;

interface RecurData {
  freq: string;
  interval: number;
  byday?: string[];
  bymonthday?: number[];
  bymonth?: number[];
  bysetpos?: number[];
  wkst?: number;
  count?: number;
  until?: InstanceType<typeof ICAL.Time>;
}

/** ical.js numbers weekdays from Sunday = 1 (ICAL.Time.SUNDAY). */
const ICAL_WEEKDAY: Readonly<Record<Weekday, number>> = {
  sunday: 1, monday: 2, tuesday: 3, wednesday: 4, thursday: 5, friday: 6, saturday: 7,
};

/**
 * A day of month past the 28th means "that day, or the month's last when it is shorter" in Outlook
 * (EWS AbsoluteMonthlyRecurrence: "the last day of the month is assumed"; sandbox/recurrence.ts), while
 * RFC 5545 skips months without it. The set {28..d} with BYSETPOS=-1 picks min(d, last day): the same days.
 */
const monthDay = (d: number): Pick<RecurData, 'bymonthday' | 'bysetpos'> =>
  d <= 28 ? { bymonthday: [d] } : { bymonthday: Array.from({ length: d - 27 }, (_, i) => 28 + i), bysetpos: [-1] };

/** Outlook's recurrence pattern as RRULE parts (RFC 5545 section 3.3.10). */
export const rrulePattern = (p: RecurrencePattern): RecurData => {
  switch (p.type) {
    case 'daily':
      return { freq: 'DAILY', interval: p.interval };
    case 'weekly':
      return {
        freq: 'WEEKLY',
        interval: p.interval,
        byday: p.daysOfWeek.map((d) => BYDAY[d]),
        ...(p.firstDayOfWeek ? { wkst: ICAL_WEEKDAY[p.firstDayOfWeek] } : {}),
      };
    case 'absoluteMonthly':
      return { freq: 'MONTHLY', interval: p.interval, ...monthDay(p.dayOfMonth) };
    case 'relativeMonthly':
      // Outlook's index counts among the listed weekdays together (sandbox/recurrence.ts): BYSETPOS does that.
      return { freq: 'MONTHLY', interval: p.interval, byday: p.daysOfWeek.map((d) => BYDAY[d]), bysetpos: [SETPOS[p.index]] };
    case 'absoluteYearly':
      return { freq: 'YEARLY', interval: p.interval, bymonth: [p.month], ...monthDay(p.dayOfMonth) };
    case 'relativeYearly':
      return { freq: 'YEARLY', interval: p.interval, bymonth: [p.month], byday: p.daysOfWeek.map((d) => BYDAY[d]), bysetpos: [SETPOS[p.index]] };
  }
};

const utcTime = (dt: DateTime): InstanceType<typeof ICAL.Time> => {
  // A zone neither the tz library nor Intl knows has no instant at all: better no file than a wrong one.
  if (!dt.isValid) throw new AppError({ code: 'validation', detail: `export: no instant for ${dt.invalidExplanation ?? 'a date'}` });
  const u = dt.toUTC();
  return ICAL.Time.fromData({ year: u.year, month: u.month, day: u.day, hour: u.hour, minute: u.minute, second: u.second, isDate: false }, ICAL.Timezone.utcTimezone);
};

const localTime = (local: LocalDateTime): InstanceType<typeof ICAL.Time> => {
  const d = DateTime.fromISO(local, { zone: 'UTC' });
  return ICAL.Time.fromData({ year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second, isDate: false });
};

/** The VTIMEZONE for an IANA zone and the TZID it names, or undefined when the library has none. */
let known: ReadonlySet<string> | undefined;
const vtimezone = (zone: string): { component: InstanceType<typeof ICAL.Component>; tzid: string } | undefined => {
  // Asked first: the library logs to the console for a zone it does not know.
  const list = tzlib_get_timezones();
  known ??= new Set(Array.isArray(list) ? list : []);
  if (!known.has(zone)) return undefined;
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || typeof block[0] !== 'string' || !block[0].startsWith('BEGIN:VTIMEZONE')) return undefined;
  const component = ICAL.Component.fromString(block[0]);
  const tzid = component.getFirstPropertyValue('tzid');
  return typeof tzid === 'string' && tzid ? { component, tzid } : undefined;
};

/** The reminders as an `.ics` file (text with CRLF line ends, folded at 75 octets by ical.js). */
export const writeCalendar = (input: CalendarInput): string => {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', ICS_PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  if (input.name) cal.addPropertyWithValue('x-wr-calname', input.name);

  const zones = new Map<string, { component: InstanceType<typeof ICAL.Component>; tzid: string } | undefined>();
  for (const e of input.events) if (!zones.has(e.timeZone)) zones.set(e.timeZone, vtimezone(e.timeZone));
  for (const z of new Set([...zones.values()].filter((v) => v !== undefined))) cal.addSubcomponent(z.component);

  const stamp = utcTime(DateTime.fromJSDate(input.stamp));
  for (const e of input.events) {
    const zone = zones.get(e.timeZone);
    const ev = new ICAL.Component('vevent', cal);
    ev.addPropertyWithValue('uid', e.uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    const at = (name: 'dtstart' | 'dtend', local: LocalDateTime): void => {
      if (zone) {
        const prop = ev.addPropertyWithValue(name, localTime(local));
        prop.setParameter('tzid', zone.tzid);
      } else {
        ev.addPropertyWithValue(name, utcTime(DateTime.fromISO(local, { zone: e.timeZone })));
      }
    };
    at('dtstart', e.start);
    at('dtend', e.end);
    if (e.recurrence) {
      const { range } = e.recurrence;
      const end =
        range.type === 'numbered'
          ? { count: range.numberOfOccurrences }
          : { until: utcTime(DateTime.fromISO(range.endDate, { zone: range.recurrenceTimeZone }).endOf('day').set({ millisecond: 0 })) };
      ev.addPropertyWithValue('rrule', ICAL.Recur.fromData({ ...rrulePattern(e.recurrence.pattern), ...end }));
    }
    ev.addPropertyWithValue('summary', e.summary);
    ev.addPropertyWithValue('description', e.description);
    if (e.categories && e.categories.length > 0) {
      const cats = new ICAL.Property('categories', ev);
      cats.setValues([...e.categories]);
      ev.addProperty(cats);
    }
    // Reminders are nudges shown as free in Outlook; TRANSP keeps them out of free/busy elsewhere too.
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    if (e.alarmMinutesBefore !== undefined) {
      const alarm = new ICAL.Component('valarm', ev);
      alarm.addPropertyWithValue('action', 'DISPLAY');
      alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-60 * e.alarmMinutesBefore));
      // RFC 5545 section 3.6.6: a DISPLAY alarm MUST carry a DESCRIPTION.
      alarm.addPropertyWithValue('description', e.summary);
      ev.addSubcomponent(alarm);
    }
    cal.addSubcomponent(ev);
  }
  return `${cal.toString()}\r\n`;
};
