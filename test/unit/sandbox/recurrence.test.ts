import { DateTime, Settings } from 'luxon';
import { expandSeries, MAX_OCCURRENCES, validateRecurrence, type GraphRecurrence } from '../../../sandbox/recurrence';

function valid(value: unknown): GraphRecurrence {
  const result = validateRecurrence(value);
  if (!result.ok) throw new Error(`expected valid, got: ${result.message}`);
  return result.recurrence;
}

describe('validateRecurrence: accepts', () => {
  it.each([
    ['daily', { type: 'daily', interval: 1 }],
    ['weekly (docs casing "Thursday")', { type: 'weekly', interval: 1, daysOfWeek: ['Thursday'] }],
    ['weekly with firstDayOfWeek', { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'tuesday'], firstDayOfWeek: 'monday' }],
    ['absoluteMonthly', { type: 'absoluteMonthly', interval: 3, dayOfMonth: 7 }],
    ['relativeMonthly, index omitted', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['wednesday'] }],
    ['relativeMonthly, two days', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday', 'friday'], index: 'first' }],
    ['absoluteYearly', { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 }],
    ['relativeYearly', { type: 'relativeYearly', interval: 1, daysOfWeek: ['wednesday'], index: 'last', month: 11 }],
    ['interval 99', { type: 'daily', interval: 99 }],
  ])('%s', (_label, pattern) => {
    expect(validateRecurrence({ pattern, range: { type: 'noEnd', startDate: '2026-12-01' } }).ok).toBe(true);
  });

  // What GET /me/events returns and clients PATCH back unchanged.
  it.each([
    ['daily', { type: 'daily', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: [], firstDayOfWeek: 'sunday', index: 'first' }],
    ['weekly', { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday', index: 'first' }],
    ['absoluteMonthly', { type: 'absoluteMonthly', interval: 1, month: 0, dayOfMonth: 15, daysOfWeek: [], firstDayOfWeek: 'sunday', index: 'first' }],
    ['relativeMonthly', { type: 'relativeMonthly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['friday'], firstDayOfWeek: 'sunday', index: 'last' }],
    ['absoluteYearly', { type: 'absoluteYearly', interval: 1, month: 4, dayOfMonth: 15, daysOfWeek: [], firstDayOfWeek: 'sunday', index: 'first' }],
    ['relativeYearly', { type: 'relativeYearly', interval: 1, month: 11, dayOfMonth: 0, daysOfWeek: ['wednesday'], firstDayOfWeek: 'sunday', index: 'last' }],
    ['daily, Monday-first mailbox', { type: 'daily', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: [], firstDayOfWeek: 'monday', index: 'first' }],
    ['nulls', { type: 'daily', interval: 1, month: null, dayOfMonth: null, daysOfWeek: null, firstDayOfWeek: null, index: null }],
  ])("Graph's echoed defaults on %s", (_label, pattern) => {
    const echoedRange = { type: 'numbered', startDate: '2026-12-01', endDate: '0001-01-01', numberOfOccurrences: 5, recurrenceTimeZone: 'Romance Standard Time' };
    expect(validateRecurrence({ pattern, range: echoedRange })).toMatchObject({ ok: true });
  });

  it('fills every property with Graph defaults, canonical casing and Sunday-first day order', () => {
    expect(
      valid({
        pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Friday', 'monday', 'MONDAY'] },
        range: { type: 'endDate', startDate: '2026-12-01', endDate: '2026-12-31' },
      }),
    ).toEqual({
      pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['monday', 'friday'], firstDayOfWeek: 'sunday', index: 'first' },
      range: { type: 'endDate', startDate: '2026-12-01', endDate: '2026-12-31', numberOfOccurrences: 0, recurrenceTimeZone: '' },
    });
  });

  it('accepts endDate equal to startDate (a one-day range)', () => {
    expect(validateRecurrence({ pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-12-01', endDate: '2026-12-01' } }).ok).toBe(true);
  });
});

describe('validateRecurrence: rejects', () => {
  const noEnd = { type: 'noEnd', startDate: '2026-12-01' };
  it.each([
    ['not an object', 'weekly', /pattern and a range/],
    ['no pattern', { range: noEnd }, /'pattern' is required/],
    ['no range', { pattern: { type: 'daily', interval: 1 } }, /'range' is required/],
    ['unknown type', { pattern: { type: 'hourly', interval: 1 }, range: noEnd }, /not a valid recurrence pattern type/],
    ['missing interval', { pattern: { type: 'daily' }, range: noEnd }, /'interval' is required/],
    ['interval 0', { pattern: { type: 'daily', interval: 0 }, range: noEnd }, /1 to 99/],
    ['interval 100', { pattern: { type: 'daily', interval: 100 }, range: noEnd }, /1 to 99/],
    ['interval 1.5', { pattern: { type: 'daily', interval: 1.5 }, range: noEnd }, /1 to 99/],
    ['weekly without daysOfWeek', { pattern: { type: 'weekly', interval: 1 }, range: noEnd }, /'daysOfWeek' is required for pattern type 'weekly'/],
    ['weekly with empty daysOfWeek', { pattern: { type: 'weekly', interval: 1, daysOfWeek: [] }, range: noEnd }, /'daysOfWeek' is required/],
    ['bad day name', { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['funday'] }, range: noEnd }, /'funday' is not a valid value/],
    ['bad day name on a type that ignores days', { pattern: { type: 'daily', interval: 1, daysOfWeek: ['funday'] }, range: noEnd }, /'funday'/],
    ['absoluteMonthly without dayOfMonth', { pattern: { type: 'absoluteMonthly', interval: 1 }, range: noEnd }, /'dayOfMonth' is required/],
    ['absoluteMonthly dayOfMonth 32', { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 32 }, range: noEnd }, /1 to 31/],
    ['absoluteMonthly with daysOfWeek', { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15, daysOfWeek: ['monday'] }, range: noEnd }, /'daysOfWeek' is not valid for pattern type 'absoluteMonthly'/],
    ['daily with dayOfMonth 15', { pattern: { type: 'daily', interval: 1, dayOfMonth: 15 }, range: noEnd }, /'dayOfMonth' is not valid for pattern type 'daily'/],
    ['weekly with month 3', { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], month: 3 }, range: noEnd }, /'month' is not valid/],
    ['absoluteMonthly with index last', { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 3, index: 'last' }, range: noEnd }, /'index' is not valid/],
    ['relativeMonthly without daysOfWeek', { pattern: { type: 'relativeMonthly', interval: 1, index: 'second' }, range: noEnd }, /'daysOfWeek' is required/],
    ['relativeMonthly with dayOfMonth', { pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], dayOfMonth: 4 }, range: noEnd }, /'dayOfMonth' is not valid/],
    ['relativeMonthly bad index', { pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'fifth' }, range: noEnd }, /'fifth'/],
    ['absoluteYearly without month', { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15 }, range: noEnd }, /'month' is required/],
    ['absoluteYearly month 13', { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 13 }, range: noEnd }, /1 to 12/],
    ['relativeYearly without month', { pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'] }, range: noEnd }, /'month' is required/],
    ['relativeYearly without daysOfWeek', { pattern: { type: 'relativeYearly', interval: 1, month: 5 }, range: noEnd }, /'daysOfWeek' is required/],
    ['bad firstDayOfWeek', { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'someday' }, range: noEnd }, /firstDayOfWeek/],
    ['no range type', { pattern: { type: 'daily', interval: 1 }, range: { startDate: '2026-12-01' } }, /range property 'type' is required/],
    ['bad range type', { pattern: { type: 'daily', interval: 1 }, range: { type: 'forever', startDate: '2026-12-01' } }, /not a valid recurrence range type/],
    ['no startDate', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd' } }, /'startDate' is required/],
    ['impossible startDate', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-02-30' } }, /'startDate'/],
    ['endDate range without endDate', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-12-01' } }, /'endDate' is required/],
    ['endDate range with the echoed 0001-01-01', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-12-01', endDate: '0001-01-01' } }, /'endDate' is required/],
    ['endDate before startDate', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-12-01', endDate: '2026-11-30' } }, /on or after/],
    ['numbered without count', { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-12-01' } }, /greater than 0/],
    ['numbered with 0', { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-12-01', numberOfOccurrences: 0 } }, /greater than 0/],
    ['negative count on noEnd', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-12-01', numberOfOccurrences: -1 } }, /non-negative/],
    ['unknown recurrenceTimeZone', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-12-01', recurrenceTimeZone: 'Moon Time' } }, /Moon Time/],
  ])('%s', (_label, value, message) => {
    const result = validateRecurrence(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------------------------------
const dates = (occ: ReturnType<typeof expandSeries>): string[] => occ.map((o) => o.originalDate);

function series(
  pattern: Record<string, unknown>,
  range: Record<string, unknown>,
  opts: { start?: string; end?: string; zone?: string; window?: [string, string]; cancelledDates?: string[] } = {},
): ReturnType<typeof expandSeries> {
  const zone = opts.zone ?? 'Europe/Paris';
  const startDate = String(range.startDate);
  return expandSeries({
    recurrence: valid({ pattern, range }),
    start: { dateTime: `${startDate}T${opts.start ?? '10:00:00'}`, timeZone: zone },
    end: { dateTime: `${startDate}T${opts.end ?? '11:00:00'}`, timeZone: zone },
    window: {
      start: DateTime.fromISO(opts.window?.[0] ?? '2000-01-01T00:00:00Z'),
      end: DateTime.fromISO(opts.window?.[1] ?? '2100-01-01T00:00:00Z'),
    },
    ...(opts.cancelledDates !== undefined ? { cancelledDates: opts.cancelledDates } : {}),
  });
}

describe('expandSeries', () => {
  it('daily every 3 days, numbered, counts from the start date', () => {
    expect(dates(series({ type: 'daily', interval: 3 }, { type: 'numbered', startDate: '2026-12-30', numberOfOccurrences: 4 }))).toEqual([
      '2026-12-30',
      '2027-01-02',
      '2027-01-05',
      '2027-01-08',
    ]);
  });

  it("the docs' example: every Monday from 4 Sept 2017 to 31 Dec 2017 ends on 25 Dec (endDate inclusive, but a Sunday)", () => {
    const occ = series({ type: 'weekly', interval: 1, daysOfWeek: ['Monday'] }, { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' }, { start: '13:00:00', end: '13:30:00' });
    expect(occ).toHaveLength(17);
    expect(occ[0]?.originalDate).toBe('2017-09-04');
    expect(occ.at(-1)?.originalDate).toBe('2017-12-25');
  });

  it('endDate is inclusive when the end date fits the pattern', () => {
    expect(dates(series({ type: 'daily', interval: 1 }, { type: 'endDate', startDate: '2026-12-01', endDate: '2026-12-03' }))).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
  });

  it("the docs' example: first Thursday of every other month from 29 Aug 2017 starts in September, then every 2 months", () => {
    const occ = series({ type: 'relativeMonthly', interval: 2, daysOfWeek: ['Thursday'], index: 'first' }, { type: 'numbered', startDate: '2017-08-29', numberOfOccurrences: 3 });
    expect(dates(occ)).toEqual(['2017-09-07', '2017-11-02', '2018-01-04']);
  });

  it('the start date is an occurrence only if it fits the pattern', () => {
    // 2026-12-02 is a Wednesday.
    expect(dates(series({ type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, { type: 'numbered', startDate: '2026-12-02', numberOfOccurrences: 2 }))).toEqual(['2026-12-07', '2026-12-14']);
    expect(dates(series({ type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] }, { type: 'numbered', startDate: '2026-12-02', numberOfOccurrences: 1 }))).toEqual(['2026-12-02']);
  });

  it('weekly on several days every other week, weeks starting on the chosen firstDayOfWeek', () => {
    // Start Sunday 2026-12-06. Weeks from Monday: the Sunday closes week 0 (30 Nov–6 Dec), week 2 is 14–20 Dec.
    const mondayWeeks = series({ type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'], firstDayOfWeek: 'monday' }, { type: 'numbered', startDate: '2026-12-06', numberOfOccurrences: 4 });
    expect(dates(mondayWeeks)).toEqual(['2026-12-06', '2026-12-14', '2026-12-20', '2026-12-28']);
    // Weeks from Sunday: the Sunday opens week 0 with its Monday, then two weeks later.
    const sundayWeeks = series({ type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'], firstDayOfWeek: 'sunday' }, { type: 'numbered', startDate: '2026-12-06', numberOfOccurrences: 4 });
    expect(dates(sundayWeeks)).toEqual(['2026-12-06', '2026-12-07', '2026-12-20', '2026-12-21']);
  });

  it('absoluteMonthly on the 31st falls on the last day of shorter months (EWS DayOfMonth rule)', () => {
    expect(dates(series({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 5 }))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
  });

  it('absoluteYearly on 29 February falls on the 28th in common years', () => {
    expect(dates(series({ type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 3 }))).toEqual([
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
    ]);
  });

  it.each([
    ['first', '2027-01-04'],
    ['second', '2027-01-11'],
    ['third', '2027-01-18'],
    ['fourth', '2027-01-25'],
    ['last', '2027-01-25'],
  ])('relativeMonthly %s Monday of January 2027 is %s', (index, date) => {
    expect(dates(series({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index }, { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 1 }))).toEqual([date]);
  });

  it('relativeMonthly last Friday in a month with five Fridays, and "first Thursday or Friday"', () => {
    expect(dates(series({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 2 }))).toEqual(['2027-01-29', '2027-02-26']);
    // January 2027 starts on a Friday; February 2027 on a Monday (first Thursday the 4th).
    expect(dates(series({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday', 'friday'], index: 'first' }, { type: 'numbered', startDate: '2027-01-01', numberOfOccurrences: 2 }))).toEqual(['2027-01-01', '2027-02-04']);
  });

  it("relativeYearly: last Wednesday of November, the docs' example", () => {
    expect(dates(series({ type: 'relativeYearly', interval: 1, daysOfWeek: ['wednesday'], index: 'last', month: 11 }, { type: 'numbered', startDate: '2026-12-01', numberOfOccurrences: 2 }))).toEqual(['2027-11-24', '2028-11-29']);
  });

  it('absoluteYearly every 2 years from the first occurrence', () => {
    expect(dates(series({ type: 'absoluteYearly', interval: 2, dayOfMonth: 15, month: 4 }, { type: 'numbered', startDate: '2026-12-01', numberOfOccurrences: 3 }))).toEqual(['2027-04-15', '2029-04-15', '2031-04-15']);
  });

  it('keeps 09:00 Paris wall-clock across the October change and the series length', () => {
    const occ = series({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, { type: 'numbered', startDate: '2026-10-16', numberOfOccurrences: 3 }, { start: '09:00:00', end: '09:45:00' });
    expect(occ.map((o) => o.start.toUTC().toISO())).toEqual(['2026-10-16T07:00:00.000Z', '2026-10-23T07:00:00.000Z', '2026-10-30T08:00:00.000Z']);
    expect(occ.map((o) => o.start.setZone('Europe/Paris').toFormat('HH:mm'))).toEqual(['09:00', '09:00', '09:00']);
    for (const o of occ) expect(o.end.diff(o.start, 'minutes').minutes).toBe(45);
  });

  it('keeps 02:30 for a series started on the day DST skips 02:30; only that day moves to 03:30', () => {
    const occ = series({ type: 'daily', interval: 1 }, { type: 'numbered', startDate: '2026-03-29', numberOfOccurrences: 2 }, { start: '02:30:00', end: '03:00:00' });
    expect(occ.map((o) => o.start.toISO())).toEqual(['2026-03-29T03:30:00.000+02:00', '2026-03-30T02:30:00.000+02:00']);
  });

  // fast-check found it when the clock was in summer (luxon's first guess of an offset is the zone's offset now).
  it.each(['2027-06-15T10:00:00Z', '2027-12-15T10:00:00Z'])('an occurrence at a wall time that occurs twice is at standard time, whatever the clock says (%s)', (clock) => {
    const real = Settings.now;
    Settings.now = () => Date.parse(clock);
    try {
      // 01:00 on the 1st, monthly from 29 March 2026 in New York: 1 November 01:00 happens twice (EDT, then EST).
      const occ = series({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 1 }, { type: 'numbered', startDate: '2026-03-29', numberOfOccurrences: 8 }, { start: '01:00:00', end: '01:15:00', zone: 'America/New_York' });
      expect(occ.map((o) => o.start.toUTC().toISO()).slice(-2)).toEqual(['2026-10-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z']);
      for (const o of occ) expect(o.end.diff(o.start, 'minutes').minutes).toBe(15);
    } finally {
      Settings.now = real;
    }
  });

  it('uses recurrenceTimeZone for the wall-clock time when it differs from the start zone', () => {
    const occ = expandSeries({
      recurrence: valid({ pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-10-30', numberOfOccurrences: 3, recurrenceTimeZone: 'Eastern Standard Time' } }),
      // 14:00 UTC = 10:00 in New York on 30 Oct (EDT); New York leaves DST on 1 Nov.
      start: { dateTime: '2026-10-30T14:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-10-30T15:00:00', timeZone: 'UTC' },
      window: { start: DateTime.fromISO('2026-10-01T00:00:00Z'), end: DateTime.fromISO('2026-12-01T00:00:00Z') },
    });
    expect(occ.map((o) => o.start.toUTC().toISO())).toEqual(['2026-10-30T14:00:00.000Z', '2026-10-31T14:00:00.000Z', '2026-11-01T15:00:00.000Z']);
  });

  it('returns only occurrences overlapping the window, including one that started before it', () => {
    const occ = series({ type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2026-12-01' }, { window: ['2026-12-05T09:30:00Z', '2026-12-07T09:00:00Z'] });
    // 10:00–11:00 Paris = 09:00–10:00 UTC: the 5th overlaps by its end; the 7th starts exactly at the window end.
    expect(dates(occ)).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('noEnd far from the start date jumps ahead and still lands on the pattern', () => {
    const occ = series({ type: 'weekly', interval: 3, daysOfWeek: ['tuesday'] }, { type: 'noEnd', startDate: '2026-12-01' }, { window: ['2090-01-01T00:00:00Z', '2090-03-01T00:00:00Z'] });
    expect(occ.length).toBeGreaterThanOrEqual(2);
    for (const o of occ) {
      const weeks = DateTime.fromISO(o.originalDate).diff(DateTime.fromISO('2026-12-01'), 'weeks').weeks;
      expect(weeks % 3).toBe(0);
    }
    // Proof of the jump without a clock: a daily series walked period by period would stop at its bound of
    // 200,000 periods (about 547 years) and find nothing in 2700; jumping over the past finds every day.
    const far = series({ type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2026-12-01' }, { window: ['2700-06-01T00:00:00Z', '2700-06-04T00:00:00Z'] });
    expect(dates(far)).toEqual(['2700-06-01', '2700-06-02', '2700-06-03']);
  });

  it('a numbered series ends at its count even with a wide window, and a cancelled occurrence is gone but still counted', () => {
    const occ = series({ type: 'daily', interval: 1 }, { type: 'numbered', startDate: '2026-12-01', numberOfOccurrences: 3 }, { cancelledDates: ['2026-12-02'] });
    expect(dates(occ)).toEqual(['2026-12-01', '2026-12-03']);
  });

  it('caps a huge expansion instead of running away', () => {
    const occ = series({ type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2000-01-01' }, { window: ['2000-01-01T00:00:00Z', '2090-01-01T00:00:00Z'] });
    expect(occ).toHaveLength(MAX_OCCURRENCES);
  });
});
