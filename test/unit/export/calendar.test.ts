import { CADENCE_PRESETS, expandCadence, type Cadence, type Recurrence } from '../../../src/domain/cadence';
import { writeCalendar, type ReminderInput } from '../../../src/domain/export';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, type IanaTimeZone, type WorkingHours } from '../../../src/domain/types';
import { AppError } from '../../../src/domain/errors';
import { parseAll, parseEvents, rawLines } from './parse';

const STAMP = new Date('2026-12-01T09:30:00Z');
const paris = ianaTimeZone('Europe/Paris');
const TRICKY = 'Appel, Zoé; « ça va ? »\nMobile : +33 6 12 34 56 78 \\ 👋🏽';

const single = (over: Partial<ReminderInput> = {}): ReminderInput => ({
  uid: 'plan-1.touchpoint-0@au-revoir',
  summary: 'Appel · Zoé, Fabrikam',
  description: TRICKY,
  start: localDateTime('2027-01-12T10:00:00'),
  end: localDateTime('2027-01-12T10:30:00'),
  timeZone: paris,
  alarmMinutesBefore: 15,
  categories: ['Au revoir'],
  ...over,
});

const iso = (d: Date): string => d.toISOString();

describe('the reminders .ics read back by node-ical', () => {
  it('a single reminder keeps its zone, instant, texts, alarm and transparency', () => {
    const text = writeCalendar({ events: [single()], stamp: STAMP, name: 'Au revoir · Zoé' });
    const [e] = parseEvents(text);
    expect(e!.uid).toBe('plan-1.touchpoint-0@au-revoir');
    expect(e!.summary).toBe('Appel · Zoé, Fabrikam');
    expect(e!.description).toBe(TRICKY);
    expect(e!.start.tz).toBe('Europe/Paris');
    expect(iso(e!.start)).toBe('2027-01-12T09:00:00.000Z');
    expect(iso(e!.end)).toBe('2027-01-12T09:30:00.000Z');
    expect(e!.transparency).toBe('TRANSPARENT');
    expect(e!.categories).toEqual(['Au revoir']);
    expect(iso(e!['dtstamp'] as Date)).toBe('2026-12-01T09:30:00.000Z');
    const alarm = Object.values(e!['alarms'] as Record<string, unknown> ?? {})[0] ?? (e!['alarms'] as unknown[])[0];
    expect(alarm).toMatchObject({ action: 'DISPLAY' });
    expect(text).toMatch(/\r\nTRIGGER:-PT15M\r\n/);
    const cal = parseAll(text).find((c) => c.type === 'VCALENDAR');
    expect(cal).toBeDefined();
  });

  it('names the zone once, as a VTIMEZONE (RFC 5545 section 3.2.19), and writes RFC-shaped lines', () => {
    const text = writeCalendar({ events: [single(), single({ uid: 'b' })], stamp: STAMP });
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text).toContain('TZID:Europe/Paris');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270112T100000');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toMatch(/\r\nVERSION:2\.0\r\n/);
    expect(text).toMatch(/\r\nPRODID:/);
    for (const line of rawLines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('a zone the tz library does not name falls back to UTC instants; one nobody knows is refused, never guessed', () => {
    // timezones-ical-library 2.3.2 names every zone Intl knows here; a fixed offset (luxon's 'UTC+3') it does not.
    const text = writeCalendar({ events: [single({ timeZone: 'UTC+3' as IanaTimeZone })], stamp: STAMP });
    expect(text).not.toContain('VTIMEZONE');
    expect(text).toContain('DTSTART:20270112T070000Z');
    expect(iso(parseEvents(text)[0]!.start)).toBe('2027-01-12T07:00:00.000Z');
    expect(() => writeCalendar({ events: [single({ timeZone: 'Mars/Olympus_Mons' as IanaTimeZone })], stamp: STAMP })).toThrow(AppError);
  });

  const expectSeries = (cadence: Cadence, lastWorkingDay: string, wh: WorkingHours = DEFAULT_WORKING_HOURS): void => {
    const plan = expandCadence({ cadence, lastWorkingDay: isoDate(lastWorkingDay), workingHours: wh });
    expect(plan.series.length).toBeGreaterThan(0);
    const events = plan.series.map((s, i) => single({
      uid: `s${i}`,
      start: s.occurrences[0]!.start,
      end: s.occurrences[0]!.end,
      timeZone: s.occurrences[0]!.timeZone,
      recurrence: s.recurrence,
    }));
    const parsed = parseEvents(writeCalendar({ events, stamp: STAMP }));
    plan.series.forEach((s, i) => {
      const e = parsed.find((p) => p.uid === `s${i}`)!;
      expect(e.rrule).toBeDefined();
      // node-ical expands the RRULE (rrule-temporal) in the event's zone: the same instants the plan booked.
      expect(e.rrule!.all().map(iso)).toEqual(s.occurrences.map((o) => new Date(o.startUtc).toISOString()));
    });
  };

  it.each(['gentle', 'quarterly', 'yearly'] as const)('the %s preset: every occurrence of each series, as the cadence placed it', (preset) => {
    expectSeries(CADENCE_PRESETS[preset], '2026-03-13');
  });

  it('keeps 10:00 local across daylight saving time, in Paris and New York', () => {
    expectSeries({ preset: 'custom', early: [], steady: { everyMonths: 1, fromMonth: 1, untilMonth: 14 } }, '2027-01-29');
    expectSeries(
      { preset: 'custom', early: [], steady: { everyMonths: 2, fromMonth: 2, untilMonth: 26 } },
      '2026-10-30',
      { ...DEFAULT_WORKING_HOURS, timeZone: ianaTimeZone('America/New_York') },
    );
  });

  const rruleOf = (recurrence: Recurrence, start = '2027-01-31T10:00:00'): { text: string; all: string[] } => {
    const text = writeCalendar({ events: [single({ uid: 'r', start: localDateTime(start), end: localDateTime(start.replace('T10', 'T11')), recurrence })], stamp: STAMP });
    const e = parseEvents(text)[0]!;
    return { text: rawLines(text.replace(/\r\n /g, '')).filter((l) => l.startsWith('RRULE:')).pop()!, all: e.rrule!.all().map(iso) };
  };

  it('absoluteMonthly on the 31st falls on the last day of shorter months, as Outlook does', () => {
    const r = rruleOf({
      pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
      range: { type: 'numbered', startDate: isoDate('2027-01-31'), numberOfOccurrences: 4, recurrenceTimeZone: paris },
    });
    expect(r.text).toContain('COUNT=4');
    expect(r.text).toContain('BYSETPOS=-1');
    expect(r.all).toEqual(['2027-01-31T09:00:00.000Z', '2027-02-28T09:00:00.000Z', '2027-03-31T08:00:00.000Z', '2027-04-30T08:00:00.000Z']);
  });

  it('an end date is inclusive in the series zone, written as a UTC UNTIL (RFC 5545 section 3.3.10)', () => {
    const r = rruleOf({
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['friday'], index: 'last', month: 1 },
      range: { type: 'endDate', startDate: isoDate('2027-01-29'), endDate: isoDate('2029-01-26'), recurrenceTimeZone: paris },
    }, '2027-01-29T10:00:00');
    expect(r.text).toMatch(/UNTIL=20290126T225959Z/);
    expect(r.text).toContain('FREQ=YEARLY');
    expect(r.all).toEqual(['2027-01-29T09:00:00.000Z', '2028-01-28T09:00:00.000Z', '2029-01-26T09:00:00.000Z']);
  });

  it('weekly and daily patterns keep their days and week start', () => {
    const weekly = rruleOf({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate: isoDate('2027-02-01'), numberOfOccurrences: 4, recurrenceTimeZone: paris },
    }, '2027-02-01T10:00:00');
    // RFC 5545's default week start is Monday; Outlook's is Sunday, and with INTERVAL=2 it changes which weeks count.
    expect(weekly.text).toContain('WKST=SU');
    expect(weekly.all).toEqual(['2027-02-01T09:00:00.000Z', '2027-02-04T09:00:00.000Z', '2027-02-15T09:00:00.000Z', '2027-02-18T09:00:00.000Z']);
    const daily = rruleOf({
      pattern: { type: 'daily', interval: 3 },
      range: { type: 'numbered', startDate: isoDate('2027-03-27'), numberOfOccurrences: 2, recurrenceTimeZone: paris },
    }, '2027-03-27T10:00:00');
    expect(daily.all).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-30T08:00:00.000Z']);
  });
});
