/**
 * Graph's patternedRecurrence for the sandbox: validation as Graph validates it, and expansion of a series
 * into occurrences the way Exchange expands it.
 *
 * Sources (looked up, not guessed): Microsoft Graph "recurrencePattern resource type", "recurrenceRange
 * resource type" and the article "Schedule repeating appointments as recurring events in Outlook"; the
 * Exchange Web Services reference for AbsoluteMonthlyRecurrence (DayOfMonth). Choices the docs leave open
 * are marked CHOICE below.
 *
 * Calendar-date arithmetic uses day numbers (days since 1970-01-01, proleptic Gregorian) because it is
 * exact and fast; luxon is used only to turn a date plus the series' wall-clock time into an instant in the
 * series' time zone, which is where DST matters.
 */
import type { DateTime } from 'luxon';
import { parseGraphDateTime, parseGraphWallClock, resolveZone, wallClockIn } from './time';

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';
export type RecurrencePatternType =
  | 'daily'
  | 'weekly'
  | 'absoluteMonthly'
  | 'relativeMonthly'
  | 'absoluteYearly'
  | 'relativeYearly';
export type RecurrenceRangeType = 'endDate' | 'noEnd' | 'numbered';

export interface GraphRecurrencePattern {
  type: RecurrencePatternType;
  interval: number;
  /** 1..12 for yearly patterns, 0 otherwise (Graph's echoed default). */
  month: number;
  /** 1..31 for absolute patterns, 0 otherwise. */
  dayOfMonth: number;
  daysOfWeek: DayOfWeek[];
  firstDayOfWeek: DayOfWeek;
  index: WeekIndex;
}

export interface GraphRecurrenceRange {
  type: RecurrenceRangeType;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD; "0001-01-01" (Graph's echoed default) unless type is endDate. */
  endDate: string;
  /** > 0 for numbered, 0 otherwise. */
  numberOfOccurrences: number;
  /** The zone name as sent (IANA or Windows), "" when absent: the event's start zone applies. */
  recurrenceTimeZone: string;
}

/** A validated recurrence with every property present, in the form Graph echoes it back. */
export interface GraphRecurrence {
  pattern: GraphRecurrencePattern;
  range: GraphRecurrenceRange;
}

export type RecurrenceValidation = { ok: true; recurrence: GraphRecurrence } | { ok: false; message: string; code?: string };

export const DAYS_OF_WEEK: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const WEEK_INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];
const PATTERN_TYPES: readonly RecurrencePatternType[] = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
];
const RANGE_TYPES: readonly RecurrenceRangeType[] = ['endDate', 'noEnd', 'numbered'];

/** The date Graph writes for "no date" in an echoed range (endDate of a noEnd or numbered range). */
export const GRAPH_NO_DATE = '0001-01-01';

/** Which pattern properties each type uses (the article's "Relevant properties" tables). */
const USES: Record<RecurrencePatternType, { daysOfWeek: boolean; dayOfMonth: boolean; month: boolean; index: boolean }> = {
  daily: { daysOfWeek: false, dayOfMonth: false, month: false, index: false },
  weekly: { daysOfWeek: true, dayOfMonth: false, month: false, index: false },
  absoluteMonthly: { daysOfWeek: false, dayOfMonth: true, month: false, index: false },
  relativeMonthly: { daysOfWeek: true, dayOfMonth: false, month: false, index: true },
  absoluteYearly: { daysOfWeek: false, dayOfMonth: true, month: true, index: false },
  relativeYearly: { daysOfWeek: true, dayOfMonth: false, month: true, index: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Graph's enum members are case-insensitive on input (the docs' own examples send "Thursday"). */
function enumValue<T extends string>(values: readonly T[], raw: unknown): T | undefined {
  if (typeof raw !== 'string') return undefined;
  const lower = raw.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD, else undefined. */
export function parseIsoDate(value: string): number | undefined {
  const m = DATE_RE.exec(value);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

const absent = (v: unknown): boolean => v === undefined || v === null;

/**
 * Validate a patternedRecurrence as Graph does.
 *
 * CHOICE (docs/graph-fidelity.md, "Calendar windows and recurrence"): the docs disagree about properties a pattern type does not use.
 * Graph's own responses echo every property with defaults (month 0, dayOfMonth 0, index "first",
 * firstDayOfWeek "sunday", daysOfWeek []) and clients send those back, so those defaults are accepted.
 * A property foreign to the type with a meaningful value (absoluteMonthly with daysOfWeek ["monday"], daily
 * with dayOfMonth 15) contradicts the pattern and is rejected with a 400.
 * firstDayOfWeek is accepted with any valid value on every type: mailboxes whose week starts on Monday
 * echo "monday" on daily and monthly series too, and the value changes nothing for those types. For weekly
 * it may be omitted (the recurrencePattern page calls it required for weekly, the recurring-events
 * article calls it optional with default sunday; clients follow the article, so the default applies).
 * relativeMonthly/Yearly accept several daysOfWeek, counted over their union ("the second Thursday or
 * Friday"), as both Graph pages describe, although EWS refuses most such sets.
 * Range properties that the range type ignores (endDate on numbered, numberOfOccurrences on endDate) are
 * checked for form only, as the recurring-events article says ("ignored, but still validated").
 */
export function validateRecurrence(value: unknown): RecurrenceValidation {
  const fail = (message: string): RecurrenceValidation => ({ ok: false, message });
  if (!isRecord(value)) return fail('The recurrence must be an object with a pattern and a range.');
  const { pattern: rawPattern, range: rawRange } = value;
  if (!isRecord(rawPattern)) return fail("The recurrence property 'pattern' is required.");
  if (!isRecord(rawRange)) return fail("The recurrence property 'range' is required.");

  // --- pattern ---
  const type = enumValue(PATTERN_TYPES, rawPattern.type);
  if (type === undefined) {
    return fail(
      absent(rawPattern.type)
        ? "The recurrence pattern property 'type' is required."
        : `'${String(rawPattern.type)}' is not a valid recurrence pattern type.`,
    );
  }
  const uses = USES[type];

  const interval = rawPattern.interval;
  if (absent(interval)) return fail(`The recurrence pattern property 'interval' is required for pattern type '${type}'.`);
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1 || interval > 99) {
    return fail("The recurrence pattern property 'interval' must be an integer from 1 to 99.");
  }

  // daysOfWeek: values are validated whatever the type (a set list of values).
  let daysOfWeek: DayOfWeek[] = [];
  if (!absent(rawPattern.daysOfWeek)) {
    if (!Array.isArray(rawPattern.daysOfWeek)) return fail("The recurrence pattern property 'daysOfWeek' must be an array.");
    for (const raw of rawPattern.daysOfWeek as unknown[]) {
      const day = enumValue(DAYS_OF_WEEK, raw);
      if (day === undefined) return fail(`'${String(raw)}' is not a valid value for 'daysOfWeek'.`);
      if (!daysOfWeek.includes(day)) daysOfWeek.push(day);
    }
  }
  if (uses.daysOfWeek && daysOfWeek.length === 0) {
    return fail(`The recurrence pattern property 'daysOfWeek' is required for pattern type '${type}'.`);
  }
  if (!uses.daysOfWeek && daysOfWeek.length > 0) {
    return fail(`The recurrence pattern property 'daysOfWeek' is not valid for pattern type '${type}'.`);
  }
  // Keep Sunday-first order, as Graph echoes them.
  daysOfWeek = DAYS_OF_WEEK.filter((d) => daysOfWeek.includes(d));

  const dayOfMonth = rawPattern.dayOfMonth;
  if (!absent(dayOfMonth) && (typeof dayOfMonth !== 'number' || !Number.isInteger(dayOfMonth))) {
    return fail("The recurrence pattern property 'dayOfMonth' must be an integer.");
  }
  const dom = typeof dayOfMonth === 'number' ? dayOfMonth : 0;
  if (uses.dayOfMonth) {
    if (dom === 0) return fail(`The recurrence pattern property 'dayOfMonth' is required for pattern type '${type}'.`);
    if (dom < 1 || dom > 31) return fail("The recurrence pattern property 'dayOfMonth' must be from 1 to 31.");
  } else if (dom !== 0) {
    return fail(`The recurrence pattern property 'dayOfMonth' is not valid for pattern type '${type}'.`);
  }

  const month = rawPattern.month;
  if (!absent(month) && (typeof month !== 'number' || !Number.isInteger(month))) {
    return fail("The recurrence pattern property 'month' must be an integer.");
  }
  const mon = typeof month === 'number' ? month : 0;
  if (uses.month) {
    if (mon === 0) return fail(`The recurrence pattern property 'month' is required for pattern type '${type}'.`);
    if (mon < 1 || mon > 12) return fail("The recurrence pattern property 'month' must be from 1 to 12.");
  } else if (mon !== 0) {
    return fail(`The recurrence pattern property 'month' is not valid for pattern type '${type}'.`);
  }

  let index: WeekIndex = 'first';
  if (!absent(rawPattern.index)) {
    const parsed = enumValue(WEEK_INDEXES, rawPattern.index);
    if (parsed === undefined) return fail(`'${String(rawPattern.index)}' is not a valid value for 'index'.`);
    if (!uses.index && parsed !== 'first') {
      return fail(`The recurrence pattern property 'index' is not valid for pattern type '${type}'.`);
    }
    index = parsed;
  }

  let firstDayOfWeek: DayOfWeek = 'sunday';
  if (!absent(rawPattern.firstDayOfWeek)) {
    const parsed = enumValue(DAYS_OF_WEEK, rawPattern.firstDayOfWeek);
    if (parsed === undefined) {
      return fail(`'${String(rawPattern.firstDayOfWeek)}' is not a valid value for 'firstDayOfWeek'.`);
    }
    firstDayOfWeek = parsed;
  }

  // --- range ---
  const rangeType = enumValue(RANGE_TYPES, rawRange.type);
  if (rangeType === undefined) {
    return fail(
      absent(rawRange.type)
        ? "The recurrence range property 'type' is required."
        : `'${String(rawRange.type)}' is not a valid recurrence range type.`,
    );
  }
  if (typeof rawRange.startDate !== 'string' || rawRange.startDate === '') {
    return fail("The recurrence range property 'startDate' is required.");
  }
  const start = parseIsoDate(rawRange.startDate);
  if (start === undefined) return fail(`'${rawRange.startDate}' is not a valid value for 'startDate'.`);

  let endDate = GRAPH_NO_DATE;
  if (!absent(rawRange.endDate)) {
    if (typeof rawRange.endDate !== 'string' || (rawRange.endDate !== GRAPH_NO_DATE && parseIsoDate(rawRange.endDate) === undefined)) {
      return fail(`'${String(rawRange.endDate)}' is not a valid value for 'endDate'.`);
    }
  }
  if (rangeType === 'endDate') {
    if (typeof rawRange.endDate !== 'string' || rawRange.endDate === GRAPH_NO_DATE) {
      return fail("The recurrence range property 'endDate' is required for range type 'endDate'.");
    }
    const end = parseIsoDate(rawRange.endDate);
    if (end === undefined || end < start) {
      return fail("The recurrence range 'endDate' must be on or after its 'startDate'.");
    }
    endDate = rawRange.endDate;
  }

  const count = rawRange.numberOfOccurrences;
  if (!absent(count) && (typeof count !== 'number' || !Number.isInteger(count) || count < 0)) {
    return fail("The recurrence range property 'numberOfOccurrences' must be a non-negative integer.");
  }
  let numberOfOccurrences = 0;
  if (rangeType === 'numbered') {
    if (typeof count !== 'number' || count <= 0) {
      return fail("The recurrence range property 'numberOfOccurrences' must be greater than 0 for range type 'numbered'.");
    }
    numberOfOccurrences = count;
  }

  let recurrenceTimeZone = '';
  if (!absent(rawRange.recurrenceTimeZone)) {
    if (typeof rawRange.recurrenceTimeZone !== 'string') {
      return fail("The recurrence range property 'recurrenceTimeZone' must be a string.");
    }
    if (rawRange.recurrenceTimeZone !== '' && resolveZone(rawRange.recurrenceTimeZone) === null) {
      // Graph's code and wording for a zone it does not take (time.ts), in the range as anywhere else.
      return {
        ok: false,
        code: 'TimeZoneNotSupportedException',
        message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${rawRange.recurrenceTimeZone}'.`,
      };
    }
    recurrenceTimeZone = rawRange.recurrenceTimeZone;
  }

  return {
    ok: true,
    recurrence: {
      pattern: {
        type,
        interval,
        month: mon,
        dayOfMonth: dom,
        daysOfWeek,
        firstDayOfWeek,
        index,
      },
      range: {
        type: rangeType,
        startDate: rawRange.startDate,
        endDate,
        numberOfOccurrences,
        recurrenceTimeZone,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Civil-date arithmetic on day numbers.

const MS_PER_DAY = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function civil(dayNum: number): { year: number; month: number; day: number } {
  const d = new Date(dayNum * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(dayNum: number): number {
  return new Date(dayNum * MS_PER_DAY).getUTCDay();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(dayNum: number): string {
  const { year, month, day } = civil(dayNum);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * CHOICE, from the EWS reference for AbsoluteMonthlyRecurrence/DayOfMonth: "If for a particular month this
 * value is larger than the number of days in the month, the last day of the month is assumed". Outlook
 * does the same ("the occurrence will fall on the last day of the month"). So the 31st becomes the 30th,
 * 29th or 28th in shorter months instead of being skipped (which is what RFC 5545 BYMONTHDAY=31 does);
 * absoluteYearly on 29 February falls on the 28th in common years by the same rule.
 */
function absoluteDay(year: number, month: number, dayOfMonth: number): number {
  return dayNumber(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/**
 * The index-th day of a month among the allowed weekdays. With several days the instances are counted
 * over the union ("first Thursday or Friday" is whichever comes first), as the article describes.
 */
function relativeDay(year: number, month: number, days: readonly number[], index: WeekIndex): number {
  const first = dayNumber(year, month, 1);
  const length = daysInMonth(year, month);
  const matching: number[] = [];
  for (let i = 0; i < length; i += 1) {
    if (days.includes(weekday(first + i))) matching.push(first + i);
  }
  const position = index === 'last' ? matching.length - 1 : WEEK_INDEXES.indexOf(index);
  const found = matching[position];
  // Every weekday occurs at least four times a month, so positions 0..3 and "last" always exist.
  if (found === undefined) throw new Error(`No ${index} day in ${year}-${month}`);
  return found;
}

/**
 * Candidate dates of one period (a day, a week, a month or a year counted from the anchor period), in order.
 * `period` is an absolute period number: day number, week-start day number, month index (year*12+month-1)
 * or year.
 */
function periodDates(p: GraphRecurrencePattern, period: number): number[] {
  const days = p.daysOfWeek.map((d) => DAYS_OF_WEEK.indexOf(d));
  switch (p.type) {
    case 'daily':
      return [period];
    case 'weekly': {
      const out: number[] = [];
      for (let i = 0; i < 7; i += 1) if (days.includes(weekday(period + i))) out.push(period + i);
      return out;
    }
    case 'absoluteMonthly':
      return [absoluteDay(Math.floor(period / 12), (period % 12) + 1, p.dayOfMonth)];
    case 'relativeMonthly':
      return [relativeDay(Math.floor(period / 12), (period % 12) + 1, days, p.index)];
    case 'absoluteYearly':
      return [absoluteDay(period, p.month, p.dayOfMonth)];
    case 'relativeYearly':
      return [relativeDay(period, p.month, days, p.index)];
  }
}

/** The period containing a day, and the step between periods, in period units. */
function periodOf(p: GraphRecurrencePattern, dayNum: number): number {
  switch (p.type) {
    case 'daily':
      return dayNum;
    case 'weekly': {
      const fdow = DAYS_OF_WEEK.indexOf(p.firstDayOfWeek);
      return dayNum - ((weekday(dayNum) - fdow + 7) % 7);
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      const { year, month } = civil(dayNum);
      return year * 12 + month - 1;
    }
    case 'absoluteYearly':
    case 'relativeYearly':
      return civil(dayNum).year;
  }
}

function periodStep(p: GraphRecurrencePattern): number {
  return p.type === 'weekly' ? 7 * p.interval : p.interval;
}

/** Upper bounds so a hostile or mistaken request cannot spin the server. */
export const MAX_OCCURRENCES = 5_000;
const MAX_PERIODS = 200_000;

export interface ExpandInput {
  recurrence: GraphRecurrence;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  window: { start: DateTime; end: DateTime };
  /** originalDate (YYYY-MM-DD) of occurrences deleted from the series. */
  cancelledDates?: string[];
}

export interface Occurrence {
  start: DateTime;
  end: DateTime;
  /** YYYY-MM-DD in the series' zone: the date the pattern put this occurrence on. */
  originalDate: string;
}

/**
 * The series' occurrences that overlap the window, in order.
 *
 * - Each occurrence starts at the series start's wall-clock time in the recurrence's zone
 *   (range.recurrenceTimeZone, else the start's zone), so a 09:00 meeting stays at 09:00 across DST; its
 *   length is the series' length. A wall time that DST skips moves forward (02:30 → 03:30), an ambiguous
 *   one takes the standard-time offset, which is what luxon and Windows both do.
 * - CHOICE, from the article's example ("first Thursday of every other month starting August 29, 2017 …
 *   the first occurrence of this series will be in September"): the first occurrence is the first date on
 *   or after range.startDate that fits the pattern, and the interval counts from that occurrence's period
 *   (day, week, month, year) — not from the period of startDate as RFC 5545 would. So startDate itself is
 *   an occurrence only if it fits the pattern.
 * - numbered counts occurrences from the first one, deleted occurrences included (Exchange keeps the
 *   pattern's count; deleting one does not add one at the end); endDate is inclusive, in the series' zone;
 *   noEnd is bounded by the window.
 */
export function expandSeries(input: ExpandInput): Occurrence[] {
  const { recurrence, window } = input;
  const { pattern, range } = recurrence;
  const seriesStart = parseGraphDateTime(input.start);
  const seriesEnd = parseGraphDateTime(input.end);
  const zoneName = range.recurrenceTimeZone !== '' ? range.recurrenceTimeZone : input.start.timeZone;
  const zone = resolveZone(zoneName) ?? seriesStart.zoneName ?? 'UTC';
  // The time of day every occurrence starts at. When the start is written in the series' own zone, take
  // the fields as written: a series set at 02:30 stays at 02:30 even if its first day is the one DST skips.
  const written = parseGraphWallClock(input.start.dateTime);
  const local =
    written.offset === undefined && resolveZone(input.start.timeZone) === zone ? written : seriesStart.setZone(zone);
  const durationMs = Math.max(0, seriesEnd.toMillis() - seriesStart.toMillis());
  const cancelled = new Set(input.cancelledDates ?? []);

  const startDay = parseIsoDate(range.startDate);
  if (startDay === undefined) return [];
  const endDay = range.type === 'endDate' ? parseIsoDate(range.endDate) : undefined;
  const maxCount = range.type === 'numbered' ? range.numberOfOccurrences : Infinity;

  const at = (dayNum: number): DateTime => {
    const { year, month, day } = civil(dayNum);
    return wallClockIn({ year, month, day, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond }, zone);
  };

  // The first occurrence: first fitting date on or after startDate, ignoring the interval.
  let first: number | undefined;
  for (let period = periodOf(pattern, startDay), i = 0; first === undefined && i < 60; i += 1) {
    first = periodDates(pattern, period).find((d) => d >= startDay);
    period = pattern.type === 'weekly' ? period + 7 : period + 1;
  }
  if (first === undefined) return [];

  const step = periodStep(pattern);
  const anchor = periodOf(pattern, first);
  // Day numbers bounding the window, widened by two days each side (any zone offset fits in that) and by
  // the series' length on the left, so occurrences that straddle the window's edge are still examined.
  const windowFirstDay = Math.floor(window.start.toMillis() / MS_PER_DAY) - 2 - Math.ceil(durationMs / MS_PER_DAY);
  const windowLastDay = Math.floor(window.end.toMillis() / MS_PER_DAY) + 2;

  let skipPeriods = 0;
  if (maxCount === Infinity) {
    // Without a count, periods entirely before the window cannot matter: jump over them.
    const windowPeriod = periodOf(pattern, Math.max(windowFirstDay, first));
    skipPeriods = Math.max(0, Math.floor((windowPeriod - anchor) / step) - 1);
  }

  const out: Occurrence[] = [];
  let count = 0;
  for (let k = skipPeriods; k < skipPeriods + MAX_PERIODS; k += 1) {
    const dates = periodDates(pattern, anchor + k * step);
    let done = false;
    for (const d of dates) {
      if (d < first) continue;
      if (endDay !== undefined && d > endDay) {
        done = true;
        break;
      }
      if (count >= maxCount || d > windowLastDay) {
        done = true;
        break;
      }
      count += 1;
      if (d < windowFirstDay) continue;
      const occurrenceStart = at(d);
      const occurrenceEnd = occurrenceStart.plus({ milliseconds: durationMs });
      const overlaps =
        occurrenceStart < window.end &&
        (occurrenceEnd > window.start || (durationMs === 0 && occurrenceStart >= window.start));
      const originalDate = isoDate(d);
      if (overlaps && !cancelled.has(originalDate)) {
        out.push({ start: occurrenceStart, end: occurrenceEnd, originalDate });
        if (out.length >= MAX_OCCURRENCES) return out;
      }
    }
    if (done) break;
  }
  return out;
}
