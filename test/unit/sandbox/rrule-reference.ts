/**
 * The independent reference for Graph recurrence: rrule (RFC 5545) plus Intl for zones, and fast-check
 * generators of random Graph series. Shared by the unit property test and the sandbox's HTTP test.
 *
 * Three things are mapped explicitly, each a documented Exchange behaviour that RFC 5545 spells differently:
 * - the interval counts from the first occurrence (Graph's "first Thursday of every other month starting
 *   August 29 … first occurrence in September"): rrule first finds the first fitting date with interval 1,
 *   then expands from there;
 * - absoluteMonthly/Yearly on a day a month lacks falls on the month's last day (EWS DayOfMonth):
 *   BYMONTHDAY=28..d with BYSETPOS=-1;
 * - relative patterns count instances over the union of allowed days: BYDAY + BYSETPOS.
 *
 * rrule runs in its floating mode (UTC fields read as wall-clock time, as its README recommends) and the
 * wall-clock → instant step uses Intl.DateTimeFormat, not luxon, so the reference shares no code with the
 * module under test. rrule 2.8.1's own `tzid` option is not used for that step: it computes the zone
 * offset at the wrong instant (dateInTimeZone applies the offset of the wall-clock-read-as-UTC instant),
 * which is off by an hour exactly in the hours around a DST change these tests are about.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Frequency, RRule, type Options, type Weekday } from 'rrule';
import {
  DAYS_OF_WEEK,
  validateRecurrence,
  type DayOfWeek,
  type GraphRecurrence,
  type RecurrencePatternType,
  type WeekIndex,
} from '../../../sandbox/recurrence';

const RRULE_DAYS: Record<DayOfWeek, Weekday> = {
  sunday: RRule.SU,
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
};
const SETPOS: Record<WeekIndex, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

// --- wall clock → instant with Intl only --------------------------------------------------------------
const formatters = new Map<string, Intl.DateTimeFormat>();
export function offsetMinutes(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return (asUtc - Math.floor(ms / 1000) * 1000) / 60_000;
}
/** Ambiguous wall times take standard time (the later instant); skipped ones move forward by the gap. */
export function wallToInstant(zone: string, wallMs: number): number {
  const before = offsetMinutes(zone, wallMs - 86_400_000);
  const after = offsetMinutes(zone, wallMs + 86_400_000);
  const valid = [...new Set([before, after])]
    .map((o) => wallMs - o * 60_000)
    .filter((i) => offsetMinutes(zone, i) * 60_000 === wallMs - i);
  if (valid.length > 0) return Math.max(...valid);
  return wallMs - before * 60_000;
}

// --- the reference expansion --------------------------------------------------------------------------
export interface Case {
  zone: 'Europe/Paris' | 'America/New_York';
  zoneName: string;
  useRecurrenceZone: boolean;
  date: { y: number; m: number; d: number };
  hour: number;
  minute: number;
  durationMinutes: number;
  recurrence: GraphRecurrence;
}

function clampedDays(dayOfMonth: number): { bymonthday: number | number[]; bysetpos?: number } {
  if (dayOfMonth <= 28) return { bymonthday: dayOfMonth };
  const days: number[] = [];
  for (let d = 28; d <= dayOfMonth; d += 1) days.push(d);
  return { bymonthday: days, bysetpos: -1 };
}

function ruleOptions(r: GraphRecurrence): Partial<Options> {
  const p = r.pattern;
  const byweekday = p.daysOfWeek.map((d) => RRULE_DAYS[d]);
  const wkst = RRULE_DAYS[p.firstDayOfWeek];
  switch (p.type) {
    case 'daily':
      return { freq: Frequency.DAILY };
    case 'weekly':
      return { freq: Frequency.WEEKLY, byweekday, wkst };
    case 'absoluteMonthly':
      return { freq: Frequency.MONTHLY, ...clampedDays(p.dayOfMonth) };
    case 'relativeMonthly':
      return { freq: Frequency.MONTHLY, byweekday, bysetpos: SETPOS[p.index] };
    case 'absoluteYearly':
      return { freq: Frequency.YEARLY, bymonth: p.month, ...clampedDays(p.dayOfMonth) };
    case 'relativeYearly':
      return { freq: Frequency.YEARLY, bymonth: p.month, byweekday, bysetpos: SETPOS[p.index] };
  }
}

export function reference(c: Case): Array<{ start: number; originalDate: string }> {
  const r = c.recurrence;
  const base = ruleOptions(r);
  const dtstart = new Date(Date.UTC(c.date.y, c.date.m - 1, c.date.d, c.hour, c.minute));
  const first = new RRule({ ...base, interval: 1, dtstart, count: 1 }).all()[0];
  if (first === undefined) return [];
  const options: Partial<Options> = { ...base, interval: r.pattern.interval, dtstart: first };
  if (r.range.type === 'numbered') options.count = r.range.numberOfOccurrences;
  else {
    const [y, m, d] = r.range.endDate.split('-').map(Number) as [number, number, number];
    options.until = new Date(Date.UTC(y, m - 1, d, 23, 59, 59));
  }
  return new RRule(options).all().map((wall) => ({
    start: wallToInstant(c.zone, wall.getTime()),
    originalDate: wall.toISOString().slice(0, 10),
  }));
}

// --- generators ---------------------------------------------------------------------------------------
export const ZONES = [
  { zone: 'Europe/Paris', names: ['Europe/Paris', 'Romance Standard Time'] },
  { zone: 'America/New_York', names: ['America/New_York', 'Eastern Standard Time'] },
] as const;

/** DST change days 2026–2028 in both zones (last Sundays of March/October; 2nd Sunday of March, 1st of November). */
const DST_DAYS = [
  '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29',
  '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07', '2028-03-12', '2028-11-05',
];

const SPAN_DAYS: Record<RecurrencePatternType, number> = {
  daily: 90,
  weekly: 200,
  absoluteMonthly: 1_000,
  relativeMonthly: 1_000,
  absoluteYearly: 4_000,
  relativeYearly: 4_000,
};

const dayArb = fc.constantFrom<DayOfWeek>(...DAYS_OF_WEEK);
const daysArb = fc.uniqueArray(dayArb, { minLength: 1, maxLength: 4 });
const indexArb = fc.constantFrom<WeekIndex>('first', 'second', 'third', 'fourth', 'last');
const typeArb = fc.constantFrom<RecurrencePatternType>(
  'daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly',
);

const dateArb = fc.oneof(
  fc.record({ dst: fc.constantFrom(...DST_DAYS), shift: fc.integer({ min: -40, max: 3 }) }).map(({ dst, shift }) => {
    const d = DateTime.fromISO(dst, { zone: 'UTC' }).plus({ days: shift });
    return { y: d.year, m: d.month, d: d.day };
  }),
  fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => ({
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
  })),
);

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zoneIdx: fc.integer({ min: 0, max: 1 }),
    windowsName: fc.boolean(),
    useRecurrenceZone: fc.boolean(),
    date: dateArb,
    // Hours 0–3 are over-weighted: that is where the DST changes are (02:00 in both zones).
    hour: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })),
    minute: fc.constantFrom(0, 15, 30, 45),
    durationMinutes: fc.integer({ min: 15, max: 180 }),
    type: typeArb,
    interval: fc.integer({ min: 1, max: 4 }),
    days: daysArb,
    firstDayOfWeek: dayArb,
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
    index: indexArb,
    numbered: fc.boolean(),
    count: fc.integer({ min: 1, max: 30 }),
    // Fraction of a type-dependent span, so daily series stay short and yearly ones see several years.
    span: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((g) => {
    const z = ZONES[g.zoneIdx] ?? ZONES[0];
    const startDate = DateTime.utc(g.date.y, g.date.m, g.date.d).toISODate() ?? '';
    const uses = (t: RecurrencePatternType[]): boolean => t.includes(g.type);
    const raw = {
      pattern: {
        type: g.type,
        interval: g.interval,
        ...(uses(['weekly', 'relativeMonthly', 'relativeYearly']) ? { daysOfWeek: g.days } : {}),
        ...(uses(['weekly']) ? { firstDayOfWeek: g.firstDayOfWeek } : {}),
        ...(uses(['absoluteMonthly', 'absoluteYearly']) ? { dayOfMonth: g.dayOfMonth } : {}),
        ...(uses(['absoluteYearly', 'relativeYearly']) ? { month: g.month } : {}),
        ...(uses(['relativeMonthly', 'relativeYearly']) ? { index: g.index } : {}),
      },
      range: g.numbered
        ? { type: 'numbered', startDate, numberOfOccurrences: g.count }
        : {
            type: 'endDate',
            startDate,
            endDate: DateTime.utc(g.date.y, g.date.m, g.date.d)
              .plus({ days: Math.floor(g.span * SPAN_DAYS[g.type]) })
              .toISODate(),
          },
    };
    const zoneName = g.windowsName ? z.names[1] : z.names[0];
    if (g.useRecurrenceZone) Object.assign(raw.range, { recurrenceTimeZone: zoneName });
    const validated = validateRecurrence(raw);
    if (!validated.ok) throw new Error(`generator made an invalid recurrence: ${validated.message}`);
    return {
      zone: z.zone,
      zoneName,
      useRecurrenceZone: g.useRecurrenceZone,
      date: g.date,
      hour: g.hour,
      minute: g.minute,
      durationMinutes: g.durationMinutes,
      recurrence: validated.recurrence,
    };
  });

/** Graph's local form of an instant in a zone, computed with Intl: "2026-12-01T10:00:00.0000000". */
export function graphLocal(zone: string, ms: number): string {
  const wall = ms + offsetMinutes(zone, ms) * 60_000;
  return `${new Date(wall).toISOString().slice(0, 19)}.0000000`;
}

/** The event's start and end as a client would POST them (end written in UTC: the length is elapsed time). */
export function eventTimes(c: Case): { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } } {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const startLocal = `${c.date.y}-${pad(c.date.m)}-${pad(c.date.d)}T${pad(c.hour)}:${pad(c.minute)}:00.0000000`;
  const startMs = wallToInstant(c.zone, Date.UTC(c.date.y, c.date.m - 1, c.date.d, c.hour, c.minute));
  // The event's start zone: the zone's own name when recurrenceTimeZone names it, else the generated name.
  const startZone = c.useRecurrenceZone ? c.zone : c.zoneName;
  return {
    start: { dateTime: startLocal, timeZone: startZone },
    end: { dateTime: new Date(startMs + c.durationMinutes * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
  };
}
