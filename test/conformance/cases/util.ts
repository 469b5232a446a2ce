// Date helpers shared by the calendar cases (luxon: already a dependency of the app).
import { DateTime } from 'luxon';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The first date on or after `isoDate` that falls on `weekday` (lower-case English name). */
export function onOrAfter(isoDate: string, weekday: string): string {
  let d = DateTime.fromISO(isoDate, { zone: 'utc' });
  const want = WEEKDAYS.indexOf(weekday) + 1;
  while (d.weekday !== want) d = d.plus({ days: 1 });
  return d.toISODate()!;
}

/** "yyyy-mm-ddThh:mm" in UTC of a wall-clock time in an IANA zone. */
export function utcWall(isoLocal: string, zone: string): string {
  return DateTime.fromISO(isoLocal, { zone }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "yyyy-mm-ddThh:mm" in `zone` of a UTC wall-clock time. */
export function zoneWall(isoUtc: string, zone: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function plusDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** An attendee-less appointment (no invitation leaves the tenant) at `date` hh:mm–hh:mm in `timeZone`. */
export function appointment(date: string, from: string, to: string, timeZone: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'appointment',
    body: { contentType: 'HTML', content: 'Created by the Au revoir conformance suite; safe to delete.' },
    start: { dateTime: `${date}T${from}:00`, timeZone },
    end: { dateTime: `${date}T${to}:00`, timeZone },
    ...extra,
  };
}
