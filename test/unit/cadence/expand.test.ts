import { DateTime } from 'luxon';
import {
  CADENCE_PRESETS,
  MAX_MONTHLY_INTERVAL,
  expandCadence,
  type Cadence,
  type CadencePlan,
  type Touchpoint,
} from '../../../src/domain/cadence';
import { AppError } from '../../../src/domain/errors';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, type WorkingHours } from '../../../src/domain/types';

const paris: WorkingHours = DEFAULT_WORKING_HOURS;
const custom = (early: number[], steady?: Cadence['steady'], kinds?: Cadence['kinds']): Cadence => ({
  preset: 'custom',
  early,
  ...(steady ? { steady } : {}),
  ...(kinds ? { kinds } : {}),
});
const expand = (cadence: Cadence, lastWorkingDay: string, workingHours: WorkingHours = paris): CadencePlan =>
  expandCadence({ cadence, lastWorkingDay: isoDate(lastWorkingDay), workingHours });
const day = (t: Touchpoint) => t.start.slice(0, 10);
const time = (t: Touchpoint) => t.start.slice(11, 16);
const weekday = (t: Touchpoint) => DateTime.fromISO(t.start, { zone: t.timeZone }).weekdayLong?.toLowerCase();

describe('presets', () => {
  it('gentle reaches out after 1 and 3 months, then every 6 months until 2 years', () => {
    const plan = expand(CADENCE_PRESETS.gentle, '2026-03-13');
    expect(plan.touchpoints.map((t) => t.monthOffset)).toEqual([1, 3, 6, 12, 18, 24]);
  });

  it('quarterly is every 3 months for 2 years, yearly every year for 5 years', () => {
    expect(expand(CADENCE_PRESETS.quarterly, '2026-03-13').touchpoints.map((t) => t.monthOffset)).toEqual([3, 6, 9, 12, 15, 18, 21, 24]);
    expect(expand(CADENCE_PRESETS.yearly, '2026-03-13').touchpoints.map((t) => t.monthOffset)).toEqual([12, 24, 36, 48, 60]);
  });

  it('rotates call, email, lunch across the whole timeline', () => {
    const kinds = expand(CADENCE_PRESETS.gentle, '2026-03-13').touchpoints.map((t) => t.kind);
    expect(kinds).toEqual(['call', 'email', 'lunch', 'call', 'email', 'lunch']);
  });

  it('follows a custom rotation', () => {
    const kinds = expand(custom([1, 2, 3, 4, 5]), '2026-03-13').touchpoints.map((t) => t.kind);
    expect(kinds).toEqual(['call', 'email', 'lunch', 'call', 'email']);
    const lunchFirst = expand(custom([1, 2, 3], undefined, ['lunch', 'call']), '2026-03-13').touchpoints.map((t) => t.kind);
    expect(lunchFirst).toEqual(['lunch', 'call', 'lunch']);
  });
});

describe('dates', () => {
  it('puts 31 January + 1 month on the last day of February', () => {
    // 2025-02-28 is a Friday: a working day, kept as is.
    expect(day(expand(custom([1]), '2025-01-31').touchpoints[0]!)).toBe('2025-02-28');
  });

  it('uses 29 February in a leap year', () => {
    // 2024-02-29 is a Thursday.
    expect(day(expand(custom([1]), '2024-01-31').touchpoints[0]!)).toBe('2024-02-29');
    // 29 February + 12 months is 28 February 2025 (a Friday).
    expect(day(expand(custom([12]), '2024-02-29').touchpoints[0]!)).toBe('2025-02-28');
  });

  it('moves a date that falls on a weekend to the next working day', () => {
    // 2026-02-28 is a Saturday: Monday 2 March.
    expect(day(expand(custom([1]), '2026-01-31').touchpoints[0]!)).toBe('2026-03-02');
  });

  it('honours working days other than Monday to Friday', () => {
    const sundayToThursday: WorkingHours = {
      daysOfWeek: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'],
      startTime: '08:00',
      endTime: '17:00',
      timeZone: ianaTimeZone('Asia/Dubai'),
    };
    // 2026-02-27 is a Friday: not worked here, so Sunday 1 March.
    const plan = expand(custom([1]), '2026-01-27', sundayToThursday);
    expect(day(plan.touchpoints[0]!)).toBe('2026-03-01');
    const saturdayWorker: WorkingHours = { ...paris, daysOfWeek: ['saturday'] };
    const sat = expand(CADENCE_PRESETS.quarterly, '2026-01-15', saturdayWorker);
    expect(new Set(sat.touchpoints.map(weekday))).toEqual(new Set(['saturday']));
  });
});

describe('times of day', () => {
  it('books emails at 9:30, calls at 11:00 and lunches at 12:30 in the manager’s zone', () => {
    const plan = expand(custom([1, 2, 3]), '2026-03-13');
    expect(plan.touchpoints.map((t) => [t.kind, time(t), t.end.slice(11, 16)])).toEqual([
      ['call', '11:00', '11:30'],
      ['email', '09:30', '09:45'],
      ['lunch', '12:30', '13:30'],
    ]);
  });

  it('moves slots inside working hours that leave 12:30 out', () => {
    const afternoons: WorkingHours = { ...paris, startTime: '14:00', endTime: '20:00' };
    const plan = expand(custom([1, 2, 3]), '2026-03-13', afternoons);
    expect(plan.touchpoints.map(time)).toEqual(['14:00', '14:00', '14:00']);
    const mornings: WorkingHours = { ...paris, startTime: '07:00', endTime: '12:00' };
    const am = expand(custom([1, 2, 3]), '2026-03-13', mornings);
    expect(am.touchpoints.map((t) => [time(t), t.end.slice(11, 16)])).toEqual([
      ['11:00', '11:30'],
      ['09:30', '09:45'],
      ['11:00', '12:00'],
    ]);
  });

  it('shortens a slot only when the whole working day is shorter than it', () => {
    const tiny: WorkingHours = { ...paris, startTime: '12:00', endTime: '12:45' };
    const lunch = expand(custom([1], undefined, ['lunch']), '2026-03-13', tiny).touchpoints[0]!;
    expect([time(lunch), lunch.end.slice(11, 16)]).toEqual(['12:00', '12:45']);
  });

  it('keeps the wall-clock time across DST changes and gives the right UTC instant', () => {
    // Quarterly from mid-January: touchpoints in spring, summer, autumn and winter.
    const plan = expand(custom([], { everyMonths: 3, fromMonth: 3, untilMonth: 12 }, ['call']), '2026-01-15');
    expect(plan.touchpoints.map(time)).toEqual(['11:00', '11:00', '11:00', '11:00']);
    // Paris is UTC+2 in summer and UTC+1 in winter.
    expect(plan.touchpoints.map((t) => t.startUtc.slice(11, 16))).toEqual(['09:00', '09:00', '09:00', '10:00']);
    const ny: WorkingHours = { ...paris, timeZone: ianaTimeZone('America/New_York') };
    const nyPlan = expand(custom([], { everyMonths: 3, fromMonth: 3, untilMonth: 12 }, ['call']), '2026-01-15', ny);
    expect(nyPlan.touchpoints.map(time)).toEqual(['11:00', '11:00', '11:00', '11:00']);
    // New York: EDT (UTC-4) from March to early November, EST (UTC-5) in January.
    expect(nyPlan.touchpoints.map((t) => t.startUtc.slice(11, 16))).toEqual(['15:00', '15:00', '15:00', '16:00']);
  });
});

describe('steady series', () => {
  it('splits the steady part into one relative-monthly series per kind', () => {
    const plan = expand(CADENCE_PRESETS.quarterly, '2026-01-31');
    expect(plan.series.map((s) => s.kind)).toEqual(['call', 'email', 'lunch']);
    const call = plan.series[0]!;
    expect(call.recurrence).toEqual({
      pattern: { type: 'relativeMonthly', interval: 9, daysOfWeek: ['thursday'], index: 'fourth' },
      range: { type: 'numbered', startDate: '2026-04-23', numberOfOccurrences: 3, recurrenceTimeZone: 'Europe/Paris' },
    });
    // The 4th Thursday of April 2026, January 2027 and October 2027.
    expect(call.occurrences.map(day)).toEqual(['2026-04-23', '2027-01-28', '2027-10-28']);
    expect(call.occurrences.every((t) => t.seriesKey === call.key && t.kind === 'call')).toBe(true);
  });

  it('never needs a 5th week: a first date in the 5th week steps back to the 4th', () => {
    // 31 July 2026 is a Friday in the 5th week of July.
    const plan = expand(CADENCE_PRESETS.gentle, '2026-01-31');
    const lunch = plan.series.find((s) => s.kind === 'lunch')!;
    expect(lunch.recurrence.range.startDate).toBe('2026-07-24');
    expect(lunch.recurrence.pattern).toMatchObject({ index: 'fourth', daysOfWeek: ['friday'], interval: 18 });
  });

  it('books a kind that comes back only once as a single event', () => {
    const plan = expand(CADENCE_PRESETS.gentle, '2026-03-13');
    // Steady months 6, 12, 18, 24 are lunch, call, email, lunch: only lunch repeats.
    expect(plan.series.map((s) => s.kind)).toEqual(['lunch']);
    expect(plan.singles.map((t) => [t.kind, t.monthOffset])).toEqual([
      ['call', 1], ['email', 3], ['call', 12], ['email', 18],
    ]);
    expect(plan.singles.every((t) => t.seriesKey === undefined)).toBe(true);
  });

  it('keeps the timeline in time order with singles and occurrences together', () => {
    const plan = expand(CADENCE_PRESETS.gentle, '2026-03-13');
    const instants = plan.touchpoints.map((t) => Date.parse(t.startUtc));
    expect([...instants].sort((a, b) => a - b)).toEqual(instants);
    expect(plan.touchpoints.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(plan.touchpoints.length).toBe(plan.singles.length + plan.series.reduce((n, s) => n + s.occurrences.length, 0));
  });

  it('falls back to single events when the series interval would exceed what Outlook edits', () => {
    // Every 40 months with one kind is fine; with 3 kinds it would be every 120 months.
    const oneKind = expand(custom([], { everyMonths: 40, fromMonth: 40, untilMonth: 120 }, ['call']), '2026-01-15');
    expect(oneKind.series).toHaveLength(1);
    const many = expand(custom([], { everyMonths: 34, fromMonth: 1, untilMonth: 120 }), '2026-01-15');
    expect(34 * 3).toBeGreaterThan(MAX_MONTHLY_INTERVAL);
    expect(many.series).toHaveLength(0);
    expect(many.singles).toHaveLength(4);
  });
});

describe('invalid input', () => {
  it('refuses an invalid cadence or working hours with a validation AppError', () => {
    const bad = () => expand(custom([3, 2]), '2026-01-15');
    expect(bad).toThrow(AppError);
    expect(bad).toThrow(/early\.1: cadence\.notIncreasing/);
    expect(() => expand(CADENCE_PRESETS.gentle, '2026-01-15', { ...paris, daysOfWeek: [] })).toThrow(/daysOfWeek/);
    expect(() => expand(CADENCE_PRESETS.gentle, '2026-02-30')).toThrow(/lastWorkingDay/);
  });
});
