import { DateTime, Settings } from 'luxon';
import {
  CalendarRequestError,
  DateTimeFormatError,
  formatGraphDateTime,
  parseGraphDateTime,
  parsePreferTimeZone,
  resolveZone,
  TimeZoneError,
} from '../../../sandbox/time';

describe('resolveZone', () => {
  it.each([
    ['Romance Standard Time', 'Europe/Paris'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Central Standard Time', 'America/Chicago'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['UTC', 'Etc/UTC'],
    ['romance standard time', 'Europe/Paris'],
    ['Europe/Paris', 'Europe/Paris'],
    ['America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('maps %s to %s', (name, iana) => {
    expect(resolveZone(name)).toBe(iana);
  });

  it.each(['', '   ', 'Mars/Olympus_Mons', 'Romance Time', '+02:00', 'UTC+2'])('refuses %p', (name) => {
    expect(resolveZone(name)).toBeNull();
  });
});

describe('parseGraphDateTime', () => {
  it('reads Graph local time in a Windows zone as the right instant (winter and summer)', () => {
    const winter = parseGraphDateTime({ dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'Romance Standard Time' });
    expect(winter.toUTC().toISO()).toBe('2026-12-01T09:00:00.000Z');
    expect(winter.zoneName).toBe('Europe/Paris');
    const summer = parseGraphDateTime({ dateTime: '2026-07-01T10:00:00', timeZone: 'Europe/Paris' });
    expect(summer.toUTC().toISO()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('keeps milliseconds from Graph 7-digit fractions', () => {
    const dt = parseGraphDateTime({ dateTime: '2026-12-01T10:00:00.1234567', timeZone: 'UTC' });
    expect(dt.toUTC().toISO()).toBe('2026-12-01T10:00:00.123Z');
  });

  it('reads an explicit offset as written and shows it in the named zone', () => {
    const dt = parseGraphDateTime({ dateTime: '2026-12-01T10:00:00Z', timeZone: 'Tokyo Standard Time' });
    expect(dt.toISO()).toBe('2026-12-01T19:00:00.000+09:00');
  });

  it('moves a wall time that DST skips forward, and reads an ambiguous one as standard time', () => {
    const gap = parseGraphDateTime({ dateTime: '2026-03-29T02:30:00', timeZone: 'Europe/Paris' });
    expect(gap.toUTC().toISO()).toBe('2026-03-29T01:30:00.000Z');
    const ambiguous = parseGraphDateTime({ dateTime: '2026-11-01T01:30:00', timeZone: 'Eastern Standard Time' });
    expect(ambiguous.toUTC().toISO()).toBe('2026-11-01T06:30:00.000Z');
  });

  // luxon reads a wall time in a zone by first guessing the zone's offset at the current moment: left to
  // that, a time that occurs twice came out as daylight time when the sandbox ran in summer.
  it.each(['2027-06-15T10:00:00Z', '2027-12-15T10:00:00Z'])('reads an ambiguous wall time as standard time whatever the clock says (%s)', (clock) => {
    const real = Settings.now;
    Settings.now = () => Date.parse(clock);
    try {
      const ambiguous = parseGraphDateTime({ dateTime: '2026-11-01T01:30:00', timeZone: 'Eastern Standard Time' });
      expect(ambiguous.toUTC().toISO()).toBe('2026-11-01T06:30:00.000Z');
      expect(parseGraphDateTime({ dateTime: '2026-10-25T02:30:00', timeZone: 'Europe/Paris' }).toUTC().toISO()).toBe('2026-10-25T01:30:00.000Z');
      // Times next to it are not ambiguous, and stay where they are.
      expect(parseGraphDateTime({ dateTime: '2026-11-01T00:59:00', timeZone: 'Eastern Standard Time' }).toUTC().toISO()).toBe('2026-11-01T04:59:00.000Z');
      expect(parseGraphDateTime({ dateTime: '2026-11-01T02:00:00', timeZone: 'Eastern Standard Time' }).toUTC().toISO()).toBe('2026-11-01T07:00:00.000Z');
      expect(parseGraphDateTime({ dateTime: '2026-03-29T02:30:00', timeZone: 'Europe/Paris' }).toUTC().toISO()).toBe('2026-03-29T01:30:00.000Z');
    } finally {
      Settings.now = real;
    }
  });

  it('throws a typed 400 for an unknown zone', () => {
    const attempt = (): DateTime => parseGraphDateTime({ dateTime: '2026-12-01T10:00:00', timeZone: 'Atlantis Standard Time' });
    expect(attempt).toThrow(TimeZoneError);
    try {
      attempt();
    } catch (err) {
      expect(err).toBeInstanceOf(CalendarRequestError);
      expect(err).toMatchObject({ status: 400, code: 'TimeZoneNotSupportedException' });
      expect((err as Error).message).toContain('Atlantis Standard Time');
    }
  });

  it.each(['2026-13-01T10:00:00', '2026-02-30T10:00:00', 'tomorrow', '2026-12-01 10:00'])(
    'throws a typed 400 for a malformed dateTime %p',
    (dateTime) => {
      expect(() => parseGraphDateTime({ dateTime, timeZone: 'UTC' })).toThrow(DateTimeFormatError);
    },
  );
});

describe('formatGraphDateTime', () => {
  const instant = DateTime.fromISO('2026-12-01T09:00:00Z');

  it("writes Graph's seven-digit local form and echoes the zone name asked for", () => {
    expect(formatGraphDateTime(instant, 'Romance Standard Time')).toEqual({
      dateTime: '2026-12-01T10:00:00.0000000',
      timeZone: 'Romance Standard Time',
    });
    expect(formatGraphDateTime(instant, 'Pacific Standard Time')).toEqual({
      dateTime: '2026-12-01T01:00:00.0000000',
      timeZone: 'Pacific Standard Time',
    });
    expect(formatGraphDateTime(instant, 'UTC')).toEqual({ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' });
  });

  it('round-trips through parseGraphDateTime', () => {
    const written = formatGraphDateTime(instant.plus({ milliseconds: 250 }), 'Asia/Tokyo');
    expect(written.dateTime).toBe('2026-12-01T18:00:00.2500000');
    expect(parseGraphDateTime(written).toMillis()).toBe(instant.toMillis() + 250);
  });

  it('throws for an unknown output zone', () => {
    expect(() => formatGraphDateTime(instant, 'Nowhere')).toThrow(TimeZoneError);
  });
});

describe('parsePreferTimeZone', () => {
  it.each([
    ['outlook.timezone="Europe/Paris"', 'Europe/Paris'],
    ['outlook.timezone="Pacific Standard Time"', 'Pacific Standard Time'],
    ['odata.maxpagesize=10, outlook.timezone="Romance Standard Time"', 'Romance Standard Time'],
    ['outlook.timezone="UTC", outlook.body-content-type="text"', 'UTC'],
    ['Outlook.TimeZone = "Asia/Tokyo"', 'Asia/Tokyo'],
    ['outlook.timezone=Europe/Paris', 'Europe/Paris'],
  ])('reads %p', (header, zone) => {
    expect(parsePreferTimeZone(header)).toBe(zone);
  });

  it.each([undefined, '', 'odata.maxpagesize=10', 'outlook.body-content-type="text"', 'outlook.timezone=""'])(
    'returns undefined for %p',
    (header) => {
      expect(parsePreferTimeZone(header)).toBeUndefined();
    },
  );
});
