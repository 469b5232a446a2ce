import { DateTime } from 'luxon';
import { AppError } from '../errors';
import { WEEKDAYS, isoDate, localDateTime, type Weekday, type WorkingHours } from '../types';
import type { CadencePlan, ExpandCadenceInput, Touchpoint, TouchpointKind, TouchpointSeries } from './model';
import { DEFAULT_KINDS, TOUCHPOINT_SLOTS } from './presets';
import { cadenceMonths, minutesOfDay, validateCadence, validateWorkingHours } from './validate';

/** Outlook's recurrence editor takes "every 1 to 99 months". */
export const MAX_MONTHLY_INTERVAL = 99;

type Index = 'first' | 'second' | 'third' | 'fourth';
const INDEXES: readonly Index[] = ['first', 'second', 'third', 'fourth'];

/*
 * Why the steady part becomes one series per kind.
 *
 * Outlook stores a recurring event as one event: one subject, one time of day, one body. Our
 * timeline rotates kinds (call, email, lunch, call...) and each kind has its own time (lunch at
 * lunch time), so a single series "every 6 months" cannot carry it. But the rotation is periodic:
 * with K kinds, the touchpoints of one kind come back every K steps, i.e. every everyMonths × K
 * months. So the steady part is split into K interleaved series, one per kind, each a plain
 * "every N months" rule that Outlook stores natively, and together they reproduce the rotation.
 *
 * The rule is relativeMonthly ("the 2nd Tuesday every 18 months") rather than absoluteMonthly
 * ("the 14th"), because a fixed day of the month falls on weekends and outside working days,
 * while a fixed weekday of a working day stays one for ever. The index is capped at 'fourth':
 * every month has a 4th of each weekday, not every month has a 5th, and 'last' would not be the
 * same week as the first occurrence. Later occurrences are computed from the rule itself (n-th
 * weekday of every interval-th month), so what we show is exactly what Outlook will expand,
 * rather than the nominal "last day + N months" dates that drift a few days from it.
 */

interface Slot {
  readonly startMinute: number;
  readonly minutes: number;
}

/**
 * The slot of a kind inside the manager's day. A slot the working hours do not contain is moved
 * inside them (the nearest edge), and shortened only when the whole day is shorter than it.
 */
export const slotFor = (kind: TouchpointKind, wh: WorkingHours): Slot => {
  const wanted = TOUCHPOINT_SLOTS[kind];
  const dayStart = minutesOfDay(wh.startTime) ?? 0;
  const dayEnd = minutesOfDay(wh.endTime) ?? 24 * 60;
  const minutes = Math.min(wanted.minutes, dayEnd - dayStart);
  const preferred = minutesOfDay(wanted.start) ?? dayStart;
  const startMinute = Math.min(Math.max(preferred, dayStart), dayEnd - minutes);
  return { startMinute, minutes };
};

const weekdayOf = (d: DateTime): Weekday => WEEKDAYS[d.weekday - 1] as Weekday;

/** The day itself when it is a working day, else the next one (at most six days on). */
const onOrAfterWorkingDay = (d: DateTime, days: ReadonlySet<Weekday>): DateTime => {
  for (let i = 0; i < 7; i += 1) {
    const candidate = d.plus({ days: i });
    if (days.has(weekdayOf(candidate))) return candidate;
  }
  // validateWorkingHours guarantees at least one working day.
  throw new AppError({ code: 'validation', detail: 'working hours have no working day' });
};

/** The n-th (1-4) given weekday (luxon 1 = Monday) of the month of `month`. */
const nthWeekdayOfMonth = (month: DateTime, weekday: number, n: number): DateTime => {
  const first = month.startOf('month');
  const shift = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: shift + 7 * (n - 1) });
};

const toTouchpoint = (
  day: DateTime,
  kind: TouchpointKind,
  slot: Slot,
  wh: WorkingHours,
  index: number,
  monthOffset: number,
  seriesKey?: string,
): Touchpoint => {
  // Built from wall-clock fields in the zone, so 11:00 stays 11:00 on both sides of a DST change.
  const at = (minute: number) =>
    DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 },
      { zone: wh.timeZone },
    );
  const start = at(slot.startMinute);
  const end = at(slot.startMinute + slot.minutes);
  const wall = (d: DateTime) => localDateTime(d.toFormat("yyyy-MM-dd'T'HH:mm:ss"));
  return {
    index,
    kind,
    monthOffset,
    start: wall(start),
    end: wall(end),
    timeZone: wh.timeZone,
    startUtc: start.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
    ...(seriesKey === undefined ? {} : { seriesKey }),
  };
};

/**
 * Lays a cadence out on the manager's calendar. Pure: the last working day and the working hours
 * come in; every date computation goes through luxon in the manager's time zone.
 * Throws an AppError('validation') when the cadence or the working hours are invalid.
 */
export const expandCadence = ({ cadence, lastWorkingDay, workingHours: wh }: ExpandCadenceInput): CadencePlan => {
  const problems = [...validateCadence(cadence), ...validateWorkingHours(wh)].map((p) => `${p.field}: ${p.code}`);
  const lastDay = DateTime.fromISO(lastWorkingDay, { zone: wh.timeZone });
  if (!lastDay.isValid) problems.push(`lastWorkingDay: ${lastWorkingDay}`);
  if (problems.length > 0) {
    throw new AppError({ code: 'validation', detail: `cannot expand cadence: ${problems.join(', ')}` });
  }

  const kinds = cadence.kinds ?? DEFAULT_KINDS;
  const k = kinds.length;
  const workingDays = new Set(wh.daysOfWeek);
  const kindAt = (position: number) => kinds[position % k] as TouchpointKind;
  // luxon clamps: 31 January + 1 month is the last day of February (28th or 29th).
  const nominal = (months: number) => onOrAfterWorkingDay(lastDay.plus({ months }), workingDays);
  const { early, steady } = cadenceMonths(cadence);
  const everyMonths = cadence.steady?.everyMonths ?? 0;

  const singles: Touchpoint[] = [];
  const series: TouchpointSeries[] = [];
  const all: Touchpoint[] = [];

  early.forEach((months, i) => {
    const kind = kindAt(i);
    all.push(toTouchpoint(nominal(months), kind, slotFor(kind, wh), wh, i, months));
  });

  // Steady touchpoint j is position early.length + j of the timeline; those sharing j mod K share a kind.
  for (let lane = 0; lane < Math.min(k, steady.length); lane += 1) {
    const position = early.length + lane;
    const kind = kindAt(position);
    const slot = slotFor(kind, wh);
    const members: number[] = [];
    for (let j = lane; j < steady.length; j += k) members.push(j);
    const firstMonths = steady[lane] as number;

    const interval = everyMonths * k;
    // A lone touchpoint needs no series; nor does a rule Outlook's own recurrence editor could not
    // show or edit (it takes 1-99 months), which only very sparse custom cadences reach.
    if (members.length === 1 || interval > MAX_MONTHLY_INTERVAL) {
      for (const j of members) {
        const months = steady[j] as number;
        all.push(toTouchpoint(nominal(months), kind, slot, wh, early.length + j, months));
      }
      continue;
    }

    let first = nominal(firstMonths);
    // A 5th week exists only in some months: step back to the 4th same weekday, still a working day.
    if (Math.ceil(first.day / 7) > INDEXES.length) first = first.minus({ weeks: 1 });
    const n = Math.ceil(first.day / 7);
    const key = `steady-${kind}`;
    const occurrences = members.map((j, m) => {
      const day = nthWeekdayOfMonth(first.startOf('month').plus({ months: interval * m }), first.weekday, n);
      return toTouchpoint(day, kind, slot, wh, early.length + j, steady[j] as number, key);
    });
    series.push({
      key,
      kind,
      recurrence: {
        pattern: { type: 'relativeMonthly', interval, daysOfWeek: [weekdayOf(first)], index: INDEXES[n - 1] as Index },
        range: {
          type: 'numbered',
          startDate: isoDate(first.toISODate() ?? ''),
          numberOfOccurrences: occurrences.length,
          recurrenceTimeZone: wh.timeZone,
        },
      },
      occurrences,
    });
    all.push(...occurrences);
  }

  // Position order is time order: nominal months are at least a month apart and a date moves at
  // most six days forward (to a working day, which may cross into the next month: then it is in
  // the 1st week) or one week back (5th week to 4th, staying on day 22 or later); so two
  // touchpoints never swap, and series, which all advance by the same interval, keep their order.
  // The property test checks it for thousands of cadences, zones and working hours.
  all.sort((a, b) => a.index - b.index);
  for (const t of all) if (t.seriesKey === undefined) singles.push(t);
  return { touchpoints: all, singles, series };
};
