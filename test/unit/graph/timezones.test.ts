import { AppError } from '../../../src/domain/errors';
import { ianaTimeZone } from '../../../src/domain/types';
import { requireIanaZone, resolveZone, seriesZone, toWindowsZone } from '../../../src/graph/timezones';

describe('time-zone names between Graph and the app (CLDR windowsZones via windows-iana)', () => {
  test('every Windows name Outlook uses maps to its IANA zone, not only the common ones', () => {
    expect(resolveZone('India Standard Time')).toBe('Asia/Kolkata');
    expect(resolveZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(resolveZone('Nepal Standard Time')).toBe('Asia/Kathmandu');
    expect(resolveZone('Chatham Islands Standard Time')).toBe('Pacific/Chatham');
    expect(resolveZone('Europe/Paris')).toBe('Europe/Paris');
    expect(resolveZone('UTC')).toBe('UTC');
  });

  test('names that are no zone resolve to nothing, and requiring one is an error, never UTC', () => {
    for (const name of ['', 'Customized Time Zone', 'tzone://Microsoft/Custom', 'Mars/Olympus', null, undefined]) expect(resolveZone(name)).toBeUndefined();
    expect(() => requireIanaZone('Customized Time Zone', 'mailbox')).toThrow(AppError);
  });

  test('the app sends Windows names, which Graph always accepts', () => {
    expect(toWindowsZone('Asia/Kolkata')).toBe('India Standard Time');
    expect(toWindowsZone('Asia/Calcutta')).toBe('India Standard Time');
    expect(toWindowsZone('Europe/Paris')).toBe('Romance Standard Time');
    expect(toWindowsZone('America/New_York')).toBe('Eastern Standard Time');
    expect(toWindowsZone('Romance Standard Time')).toBe('Romance Standard Time');
    expect(() => toWindowsZone('Mars/Olympus')).toThrow(AppError);
  });

  test("round trip: every Windows zone → IANA → the same zone's Windows name", () => {
    for (const windows of ['India Standard Time', 'Romance Standard Time', 'Eastern Standard Time', 'Tokyo Standard Time', 'E. South America Standard Time']) {
      expect(toWindowsZone(resolveZone(windows)!)).toBe(windows);
    }
  });

  test("a series' zone comes from recurrenceTimeZone, then originalStartTimeZone, then the mailbox", () => {
    const kolkata = ianaTimeZone('Asia/Kolkata');
    expect(seriesZone({ recurrenceTimeZone: 'Tokyo Standard Time', originalStartTimeZone: 'UTC' }, kolkata)).toBe('Asia/Tokyo');
    expect(seriesZone({ recurrenceTimeZone: '', originalStartTimeZone: 'Romance Standard Time' }, kolkata)).toBe('Europe/Paris');
    expect(seriesZone({ recurrenceTimeZone: 'Customized Time Zone', originalStartTimeZone: 'tzone://Microsoft/Custom' }, kolkata)).toBe('Asia/Kolkata');
    expect(seriesZone({ recurrenceTimeZone: 'Customized Time Zone', originalStartTimeZone: 'tzone://Microsoft/Custom' })).toBeUndefined();
  });
});
