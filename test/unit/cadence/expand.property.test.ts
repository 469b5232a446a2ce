import fc from 'fast-check';
import { DateTime } from 'luxon';
import { RRule, type Weekday as RRuleWeekday } from 'rrule';
import {
  CADENCE_MAX_MONTHS,
  CADENCE_MAX_TOUCHPOINTS,
  CADENCE_PRESETS,
  DEFAULT_KINDS,
  MAX_MONTHLY_INTERVAL,
  expandCadence,
  validateCadence,
  type Cadence,
  type TouchpointKind,
  type TouchpointSeries,
} from '../../../src/domain/cadence';
import { WEEKDAYS, ianaTimeZone, isoDate, type Weekday, type WorkingHours } from '../../../src/domain/types';
import { runs } from '../support/fast-check';

/*
 * The cadence's promises, for any last working day from 2025 to 2035, any preset or custom cadence,
 * working hours of any shape, in Paris and New York (so across both zones' DST changes).
 */

const lastWorkingDay = fc
  .integer({ min: 0, max: DateTime.fromISO('2035-12-31').diff(DateTime.fromISO('2025-01-01'), 'days').days })
  .map((n) => DateTime.fromISO('2025-01-01').plus({ days: n }).toISODate()!);

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const workingHours: fc.Arbitrary<WorkingHours> = fc
  .record({
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    start: fc.integer({ min: 5 * 4, max: 14 * 4 }).map((q) => q * 15),
    length: fc.integer({ min: 2, max: 40 }).map((q) => q * 15),
    zone: fc.constantFrom('Europe/Paris', 'America/New_York'),
  })
  .map(({ days, start, length, zone }) => ({
    daysOfWeek: days as Weekday[],
    startTime: hhmm(start),
    endTime: hhmm(Math.min(start + length, 23 * 60 + 45)),
    timeZone: ianaTimeZone(zone),
  }));

const kinds: fc.Arbitrary<readonly TouchpointKind[] | undefined> = fc.option(
  fc.shuffledSubarray([...DEFAULT_KINDS], { minLength: 1 }),
  { nil: undefined },
);

const customCadence: fc.Arbitrary<Cadence> = fc
  .record({
    early: fc.uniqueArray(fc.integer({ min: 1, max: 36 }), { maxLength: 5 }).map((a) => [...a].sort((x, y) => x - y)),
    steady: fc.option(
      fc.record({ everyMonths: fc.integer({ min: 1, max: 40 }), gap: fc.integer({ min: 1, max: 12 }), span: fc.integer({ min: 0, max: 119 }) }),
      { nil: undefined },
    ),
    kinds,
  })
  .map(({ early, steady, kinds: k }) => {
    const last = early[early.length - 1] ?? 0;
    const fromMonth = last + (steady?.gap ?? 1);
    const s = steady
      ? {
          everyMonths: steady.everyMonths,
          fromMonth,
          untilMonth: Math.min(CADENCE_MAX_MONTHS, fromMonth + steady.span, fromMonth + steady.everyMonths * (CADENCE_MAX_TOUCHPOINTS - early.length - 1)),
        }
      : undefined;
    return { preset: 'custom' as const, early: early.length === 0 && !s ? [1] : early, ...(s ? { steady: s } : {}), ...(k ? { kinds: k } : {}) };
  })
  .filter((c) => validateCadence(c).length === 0);

const cadence: fc.Arbitrary<Cadence> = fc.oneof(
  fc.constantFrom(CADENCE_PRESETS.gentle, CADENCE_PRESETS.quarterly, CADENCE_PRESETS.yearly),
  customCadence,
);

const minuteOf = (localDateTime: string) => Number(localDateTime.slice(11, 13)) * 60 + Number(localDateTime.slice(14, 16));
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

const RRULE_DAYS: Readonly<Record<Weekday, RRuleWeekday>> = {
  monday: RRule.MO, tuesday: RRule.TU, wednesday: RRule.WE, thursday: RRule.TH,
  friday: RRule.FR, saturday: RRule.SA, sunday: RRule.SU,
};
const N = { first: 1, second: 2, third: 3, fourth: 4 } as const;

/** The series' dates as an independent implementation (rrule, BYDAY=+nXX) expands its rule. */
const rruleDates = (s: TouchpointSeries): string[] => {
  const { pattern, range } = s.recurrence;
  if (pattern.type !== 'relativeMonthly' || range.type !== 'numbered') throw new Error(`unexpected ${pattern.type}/${range.type}`);
  if (pattern.index === 'last') throw new Error('last is never used');
  const nth = N[pattern.index];
  const start = DateTime.fromISO(range.startDate, { zone: 'utc' });
  const rule = new RRule({
    freq: RRule.MONTHLY,
    interval: pattern.interval,
    byweekday: pattern.daysOfWeek.map((d) => RRULE_DAYS[d].nth(nth)),
    dtstart: new Date(Date.UTC(start.year, start.month - 1, start.day)),
    count: range.numberOfOccurrences,
  });
  return rule.all().map((d) => d.toISOString().slice(0, 10));
};

describe('expandCadence, for any input', () => {
  it('keeps every promise of the cadence', () => {
    fc.assert(
      fc.property(lastWorkingDay, cadence, workingHours, (lwd, c, wh) => {
        const plan = expandCadence({ cadence: c, lastWorkingDay: isoDate(lwd), workingHours: wh });
        const rotation = c.kinds ?? DEFAULT_KINDS;
        const dayStart = minutesOf(wh.startTime);
        const dayEnd = minutesOf(wh.endTime);
        const lunchFits = dayStart <= 12 * 60 + 30 && dayEnd >= 13 * 60 + 30;
        const expectedCount = c.early.length + (c.steady ? Math.floor((c.steady.untilMonth - c.steady.fromMonth) / c.steady.everyMonths) + 1 : 0);
        expect(plan.touchpoints).toHaveLength(expectedCount);

        // One expect per run, not eleven per touchpoint: jest builds a fresh matcher object for every
        // expect() call (each matcher, negated and async variants), which was a third of this file's
        // time (node --cpu-prof). Each promise is the same comparison the matcher made; a broken one is
        // listed with its touchpoint, so a failure names every broken promise, not only the first.
        const broken: string[] = [];
        let previous = -Infinity;
        plan.touchpoints.forEach((t, i) => {
          const promise = (kept: boolean, what: string) => {
            if (!kept) broken.push(`touchpoint ${i} (${t.kind}, ${t.start} to ${t.end}, ${t.startUtc}): ${what}`);
          };
          const start = DateTime.fromISO(t.start, { zone: wh.timeZone });
          promise(wh.daysOfWeek.includes(WEEKDAYS[start.weekday - 1]!), 'on a working day');
          promise(t.start.slice(0, 10) > lwd, 'after the last day');
          promise(t.end.slice(0, 10) === t.start.slice(0, 10), 'ends the day it starts');
          promise(minuteOf(t.start) >= dayStart, 'starts inside working hours');
          promise(minuteOf(t.end) <= dayEnd, 'ends inside working hours');
          promise(minuteOf(t.end) > minuteOf(t.start), 'ends after it starts');
          promise(Object.is(Date.parse(t.startUtc), start.toMillis()), 'startUtc is the wall-clock start in the zone');
          const instant = Date.parse(t.startUtc);
          promise(instant > previous, 'strictly after the one before');
          previous = instant;
          promise(t.index === i, `index ${t.index}`);
          promise(t.kind === rotation[i % rotation.length], 'kinds rotate in time order');
          if (t.kind === 'lunch' && lunchFits) promise(t.start.slice(11, 16) === '12:30', 'lunch at 12:30');
        });
        expect(broken).toEqual([]);

        // each kind keeps one wall-clock time whatever the season
        for (const k of rotation) {
          expect(new Set(plan.touchpoints.filter((t) => t.kind === k).map((t) => t.start.slice(11)))).toHaveProperty('size', plan.touchpoints.some((t) => t.kind === k) ? 1 : 0);
        }

        // series: what Outlook will expand is what we show
        for (const s of plan.series) {
          expect(s.occurrences.length).toBeGreaterThanOrEqual(2);
          expect(s.recurrence.pattern).toMatchObject({ type: 'relativeMonthly' });
          expect(['first', 'second', 'third', 'fourth']).toContain((s.recurrence.pattern as { index: string }).index);
          // an interval Outlook's own editor can show, and the rotation kept: every K-th steady touchpoint
          expect((s.recurrence.pattern as { interval: number }).interval).toBeLessThanOrEqual(MAX_MONTHLY_INTERVAL);
          expect((s.recurrence.pattern as { interval: number }).interval).toBe((c.steady?.everyMonths ?? 0) * rotation.length);
          expect(s.recurrence.range).toMatchObject({ recurrenceTimeZone: wh.timeZone, numberOfOccurrences: s.occurrences.length, startDate: s.occurrences[0]!.start.slice(0, 10) });
          expect(s.occurrences.map((t) => t.start.slice(0, 10))).toEqual(rruleDates(s));
          expect(s.occurrences.every((t) => t.seriesKey === s.key && t.kind === s.kind)).toBe(true);
        }
        const inSeries = plan.series.flatMap((s) => s.occurrences);
        expect(new Set([...plan.singles, ...inSeries])).toEqual(new Set(plan.touchpoints));
        expect(plan.singles.length + inSeries.length).toBe(plan.touchpoints.length);
      }),
      { numRuns: runs(150) },
    );
  });
});
