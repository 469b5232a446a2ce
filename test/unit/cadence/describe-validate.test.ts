import {
  CADENCE_PRESETS,
  describeRecurrence,
  validateCadence,
  validateWorkingHours,
  type Cadence,
  type Recurrence,
} from '../../../src/domain/cadence';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, type IanaTimeZone, type Weekday } from '../../../src/domain/types';

const tz = ianaTimeZone('Europe/Paris');
const numbered = (n: number) => ({ type: 'numbered' as const, startDate: isoDate('2026-07-14'), numberOfOccurrences: n, recurrenceTimeZone: tz });
const relMonthly = (interval: number, index: 'first' | 'second' | 'third' | 'fourth' | 'last', days: Weekday[], n: number): Recurrence => ({
  pattern: { type: 'relativeMonthly', interval, daysOfWeek: days, index },
  range: numbered(n),
});

describe('describeRecurrence', () => {
  it('says a relative-monthly series as a person would, in French and English', () => {
    const r = relMonthly(6, 'second', ['tuesday'], 4);
    expect(describeRecurrence(r, 'fr')).toBe('Tous les 6 mois, le 2e mardi, 4 fois');
    expect(describeRecurrence(r, 'en')).toBe('Every 6 months on the second Tuesday, 4 times');
  });

  it('says months, years, first and last naturally', () => {
    expect(describeRecurrence(relMonthly(1, 'first', ['monday'], 2), 'fr')).toBe('Tous les mois, le 1er lundi, 2 fois');
    expect(describeRecurrence(relMonthly(1, 'first', ['monday'], 2), 'en')).toBe('Every month on the first Monday, twice');
    expect(describeRecurrence(relMonthly(12, 'last', ['friday'], 1), 'en')).toBe('Every year on the last Friday, once');
    expect(describeRecurrence(relMonthly(36, 'fourth', ['thursday'], 3), 'fr')).toBe('Tous les 3 ans, le 4e jeudi, 3 fois');
    expect(describeRecurrence(relMonthly(18, 'third', ['wednesday'], 2), 'en')).toBe('Every 18 months on the third Wednesday, twice');
  });

  it('describes the other pattern types and end dates', () => {
    const until = { type: 'endDate' as const, startDate: isoDate('2026-01-01'), endDate: isoDate('2027-03-01'), recurrenceTimeZone: tz };
    expect(describeRecurrence({ pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'] }, range: until }, 'fr'))
      .toBe("Toutes les 2 semaines, le lundi et le jeudi, jusqu'au 1er mars 2027");
    expect(describeRecurrence({ pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday', 'friday'] }, range: numbered(6) }, 'en'))
      .toBe('Every week on Monday, Wednesday and Friday, 6 times');
    expect(describeRecurrence({ pattern: { type: 'daily', interval: 1 }, range: until }, 'en')).toBe('Every day, until 1 March 2027');
    expect(describeRecurrence({ pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 22 }, range: numbered(5) }, 'en'))
      .toBe('Every month on the 22nd, 5 times');
    expect(describeRecurrence({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 1, month: 8 }, range: numbered(3) }, 'fr'))
      .toBe('Tous les ans, le 1er août, 3 fois');
    expect(describeRecurrence({ pattern: { type: 'relativeYearly', interval: 1, index: 'second', daysOfWeek: ['tuesday'], month: 4 }, range: numbered(2) }, 'fr'))
      .toBe("Tous les ans, le 2e mardi d'avril, 2 fois");
    expect(describeRecurrence({ pattern: { type: 'relativeYearly', interval: 2, index: 'first', daysOfWeek: ['monday'], month: 3 }, range: numbered(2) }, 'en'))
      .toBe('Every 2 years on the first Monday of March, twice');
  });
});

const codes = (c: Cadence) => validateCadence(c).map((p) => `${p.field}:${p.code}`);
const custom = (c: Omit<Cadence, 'preset'>): Cadence => ({ preset: 'custom', ...c });

describe('validateCadence', () => {
  it('accepts the presets', () => {
    for (const preset of Object.values(CADENCE_PRESETS)) expect(validateCadence(preset)).toEqual([]);
  });

  it('reports every problem at once, each with a French and an English message', () => {
    const problems = validateCadence(custom({ early: [2, 2, 0.5, 130], steady: { everyMonths: 0, fromMonth: 3, untilMonth: 12 }, kinds: ['call', 'call'] }));
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'early.1:cadence.notIncreasing',
      'early.2:cadence.monthNotWhole',
      'early.3:cadence.tooFar',
      'steady.everyMonths:cadence.monthNotWhole',
      'kinds.1:cadence.kindRepeated',
    ]);
    for (const p of problems) {
      expect(p.message.fr).not.toBe('');
      expect(p.message.en).not.toBe('');
      expect(p.message.fr).not.toBe(p.message.en);
    }
  });

  it('checks the steady part against the early one and the ten-year limit', () => {
    expect(codes(custom({ early: [6], steady: { everyMonths: 6, fromMonth: 6, untilMonth: 24 } }))).toEqual(['steady.fromMonth:cadence.notIncreasing']);
    expect(codes(custom({ early: [], steady: { everyMonths: 6, fromMonth: 12, untilMonth: 6 } }))).toEqual(['steady.untilMonth:cadence.notIncreasing']);
    expect(codes(custom({ early: [], steady: { everyMonths: 12, fromMonth: 12, untilMonth: 132 } }))).toEqual(['steady.untilMonth:cadence.tooFar']);
  });

  it('wants between one and forty touchpoints', () => {
    expect(codes(custom({ early: [] }))).toEqual(['early:cadence.empty']);
    expect(codes(custom({ early: [1], steady: { everyMonths: 2, fromMonth: 2, untilMonth: 80 } }))).toEqual(['steady.everyMonths:cadence.tooMany']);
    expect(validateCadence(custom({ early: [], steady: { everyMonths: 3, fromMonth: 3, untilMonth: 120 } }))).toEqual([]);
    const tooMany = validateCadence(custom({ early: [1], steady: { everyMonths: 2, fromMonth: 2, untilMonth: 80 } }))[0]!;
    expect(tooMany.message.fr).toContain('41 rappels');
  });

  it('wants known, distinct kinds', () => {
    expect(codes(custom({ early: [1], kinds: [] }))).toEqual(['kinds:cadence.kindsEmpty']);
    expect(codes(custom({ early: [1], kinds: ['call', 'dinner' as never] }))).toEqual(['kinds.1:cadence.kindUnknown']);
  });
});

describe('validateWorkingHours', () => {
  it('accepts Graph-style times and refuses empty days, inverted hours and unknown zones', () => {
    expect(validateWorkingHours({ ...DEFAULT_WORKING_HOURS, startTime: '08:00:00.0000000', endTime: '17:00:00.0000000' })).toEqual([]);
    const problems = validateWorkingHours({ daysOfWeek: [], startTime: '18:00', endTime: '09:00', timeZone: 'Europe/Lutece' as IanaTimeZone });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'timeZone:workingHours.timeZoneInvalid',
      'daysOfWeek:workingHours.daysInvalid',
      'endTime:workingHours.hoursInvalid',
    ]);
  });
});
