/**
 * Date and time-zone helpers for the Graph sandbox.
 *
 * Graph carries local times as `dateTimeTimeZone` ({ dateTime, timeZone }): a wall-clock time without an
 * offset plus a zone name that may be IANA ("Europe/Paris") or Windows ("Romance Standard Time"). Outlook
 * and Exchange answer in Windows names unless asked otherwise, and clients send both, so the sandbox has to
 * understand both. All maths is done with luxon; this module only translates names and string forms.
 */
import { DateTime, IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP, findIana } from 'windows-iana';

/**
 * Base of the errors the calendar modules throw for a bad request: the server answers them with `status`
 * and Graph's error envelope { error: { code, message } }.
 */
export class CalendarRequestError extends Error {
  readonly status: number = 400;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarRequestError';
  }
}

/** Thrown when a request names a time zone the sandbox does not know. */
export class TimeZoneError extends CalendarRequestError {
  constructor(readonly zoneName: string) {
    // Graph's code and wording for an unsupported zone on events.
    super(
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zoneName}'.`,
    );
    this.name = 'TimeZoneError';
  }
}

/** Thrown when a dateTime string is not a date-time Graph would accept. */
export class DateTimeFormatError extends CalendarRequestError {
  constructor(readonly value: string) {
    super('ErrorInvalidRequest', `Cannot convert the literal '${value}' to the expected type 'Edm.DateTimeOffset'.`);
    this.name = 'DateTimeFormatError';
  }
}

/**
 * The IANA names dateTimeTimeZone accepts besides Windows names: the "Additional time zones" list of
 * https://learn.microsoft.com/graph/api/resources/datetimetimezone, in its order. Any other IANA name
 * (Europe/Madrid, America/Toronto...) is refused like an unknown name: that is what "Methods such as create
 * or update might not support all dateTimeTimeZone time zones" leaves a client to expect, and the harsher
 * reading. CHOICE: where the page gives two spellings ("Europe/Kyiv (Kiev)", "Asia/Toshkent (Tashkent)",
 * "Asia/Astana (Almaty)", "Asia/Yangon (Rangoon)") both are accepted; the value maps each to a zone ICU knows.
 */
const GRAPH_IANA: ReadonlyMap<string, string> = new Map(
  ([
    'Etc/GMT+12', 'Etc/GMT+11', 'Pacific/Honolulu', 'America/Anchorage', 'America/Santa_Isabel', 'America/Los_Angeles',
    'America/Phoenix', 'America/Chihuahua', 'America/Denver', 'America/Guatemala', 'America/Chicago', 'America/Mexico_City',
    'America/Regina', 'America/Bogota', 'America/New_York', 'America/Indiana/Indianapolis', 'America/Caracas',
    'America/Asuncion', 'America/Halifax', 'America/Cuiaba', 'America/La_Paz', 'America/Santiago', 'America/St_Johns',
    'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'America/Cayenne', 'America/Godthab', 'America/Montevideo',
    'America/Bahia', 'Etc/GMT+2', 'Atlantic/Azores', 'Atlantic/Cape_Verde', 'Africa/Casablanca', 'Etc/GMT', 'Europe/London',
    'Atlantic/Reykjavik', 'Europe/Berlin', 'Europe/Budapest', 'Europe/Paris', 'Europe/Warsaw', 'Africa/Lagos',
    'Africa/Windhoek', 'Europe/Bucharest', 'Asia/Beirut', 'Africa/Cairo', 'Asia/Damascus', 'Africa/Johannesburg',
    'Europe/Kyiv', 'Europe/Kiev', 'Europe/Istanbul', 'Asia/Jerusalem', 'Asia/Amman', 'Asia/Baghdad', 'Europe/Kaliningrad',
    'Asia/Riyadh', 'Africa/Nairobi', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Baku', 'Europe/Moscow', 'Indian/Mauritius',
    'Asia/Tbilisi', 'Asia/Yerevan', 'Asia/Kabul', 'Asia/Karachi', ['Asia/Toshkent', 'Asia/Tashkent'], 'Asia/Tashkent',
    'Asia/Kolkata', 'Asia/Colombo', 'Asia/Kathmandu', ['Asia/Astana', 'Asia/Almaty'], 'Asia/Almaty', 'Asia/Dhaka',
    'Asia/Yekaterinburg', 'Asia/Yangon', 'Asia/Rangoon', 'Asia/Bangkok', 'Asia/Novosibirsk', 'Asia/Shanghai',
    'Asia/Krasnoyarsk', 'Asia/Singapore', 'Australia/Perth', 'Asia/Taipei', 'Asia/Ulaanbaatar', 'Asia/Irkutsk', 'Asia/Tokyo',
    'Asia/Seoul', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Brisbane', 'Australia/Sydney', 'Pacific/Port_Moresby',
    'Australia/Hobart', 'Asia/Yakutsk', 'Pacific/Guadalcanal', 'Asia/Vladivostok', 'Pacific/Auckland', 'Etc/GMT-12',
    'Pacific/Fiji', 'Asia/Magadan', 'Pacific/Tongatapu', 'Pacific/Apia', 'Pacific/Kiritimati',
  ] as Array<string | [string, string]>).map((entry): [string, string] => (typeof entry === 'string' ? [entry.toLowerCase(), entry] : [entry[0].toLowerCase(), entry[1]])),
);

/**
 * Windows time-zone names → IANA, from CLDR's windowsZones.xml (the `windows-iana` package, pinned): the
 * "time zones currently supported by Windows" that dateTimeTimeZone accepts
 * (https://learn.microsoft.com/graph/api/resources/datetimetimezone). CHOICE: matched case-insensitively
 * (Graph's docs do not say; Windows itself compares zone ids case-insensitively).
 */
const WINDOWS_LOWER = new Map<string, string>(
  [...new Set(WINDOWS_TO_IANA_MAP.map((row) => row.windowsName))].map((windows) => {
    // CLDR lists the old spelling first (Asia/Calcutta); the one Graph's page lists reads better in answers.
    const candidates = findIana(windows).filter((z) => IANAZone.isValidZone(z));
    const canonical = (z: string): string => new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone;
    const first = candidates[0];
    // Windows' "UTC" stays Etc/UTC (ICU counts Etc/GMT, a listed name, as the same zone).
    const listed = first === undefined || windows === 'UTC' ? undefined : candidates.find((z) => GRAPH_IANA.has(z.toLowerCase()) && canonical(z) === canonical(first));
    const iana = listed ?? first;
    if (iana === undefined) throw new Error(`windows-iana: no IANA zone ICU knows for ${windows}`);
    return [windows.toLowerCase(), iana];
  }),
);

/** Every Windows zone name the sandbox accepts, in CLDR's order (for supportedTimeZones). */
export function windowsZoneNames(): string[] {
  return [...new Set(WINDOWS_TO_IANA_MAP.map((row) => row.windowsName))];
}

/**
 * The IANA zone a Graph time-zone name stands for, or null when Graph would refuse the name.
 * Windows names first (so "UTC" maps to Etc/UTC), then the IANA names Graph lists. Empty strings, offsets
 * such as "+02:00" and IANA names outside Graph's list are refused even though luxon knows them.
 */
export function resolveZone(name: string): string | null {
  // Checking an IANA name builds an Intl formatter (~0.5 ms); calendar views resolve the same few names
  // thousands of times, so answers are memoised (the set of names a client sends is small).
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  const resolved = lookupZone(name);
  if (zoneCache.size < 1_000) zoneCache.set(name, resolved);
  return resolved;
}

const zoneCache = new Map<string, string | null>();

function lookupZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const windows = WINDOWS_LOWER.get(trimmed.toLowerCase());
  if (windows !== undefined) return windows;
  // CHOICE: IANA names are matched case-insensitively too, like Windows ids (the docs are silent).
  const iana = GRAPH_IANA.get(trimmed.toLowerCase());
  if (iana !== undefined && IANAZone.isValidZone(iana)) return new IANAZone(iana).name;
  return null;
}

/** Like resolveZone but throws Graph's 400 for an unknown name. */
export function requireZone(name: string): string {
  const zone = resolveZone(name);
  if (zone === null) throw new TimeZoneError(name);
  return zone;
}

/**
 * Graph's local dateTime: "2026-12-01T10:00:00", optionally with up to 7 fraction digits
 * ("…:00.0000000", the form Graph writes). A trailing "Z" or offset is tolerated the way Graph does:
 * the instant is taken as written and then shown in the zone asked for.
 */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** "Z" or "+02:00" when the string carried one, else undefined (the usual Graph form). */
  offset: string | undefined;
}

/**
 * The wall-clock fields of a Graph dateTime as written, before any zone is applied. A series keeps the
 * time the user typed (02:30) even on the day DST skips it, so recurrence needs the fields, not an instant.
 */
export function parseGraphWallClock(dateTime: string): WallClock {
  const match = LOCAL_DATE_TIME.exec(dateTime.trim());
  if (match === null) throw new DateTimeFormatError(dateTime);
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? '0'),
    minute: Number(mi ?? '0'),
    second: Number(s ?? '0'),
    // Graph writes 100-ns ticks; luxon keeps milliseconds, which is all a calendar needs.
    millisecond: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
    offset,
  };
}

type WallClockFields = Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'>;

/**
 * The instant a wall-clock time stands for in an IANA zone. A time DST skips moves forward (02:30 → 03:30);
 * CHOICE: a time that occurs twice, when clocks go back, is read as standard time (the later of the two;
 * Graph's docs do not say). luxon alone picks between the two from its first guess of the offset, the
 * zone's offset at the current moment, so the answer would depend on the season the sandbox runs in.
 */
export function wallClockIn(fields: WallClockFields, zone: string): DateTime {
  const guess = DateTime.fromObject(fields, { zone });
  return guess.getPossibleOffsets().reduce((later, dt) => (dt.toMillis() > later.toMillis() ? dt : later), guess);
}

/** Parse Graph's dateTimeTimeZone into a luxon DateTime in that zone (IANA or Windows name). */
export function parseGraphDateTime(dt: { dateTime: string; timeZone: string }): DateTime {
  const zone = requireZone(dt.timeZone);
  const { offset, ...fields } = parseGraphWallClock(dt.dateTime);
  const parsed =
    offset === undefined
      ? wallClockIn(fields, zone)
      : DateTime.fromObject(fields, { zone: offset === 'Z' ? 'UTC' : `UTC${offset}` }).setZone(zone);
  if (!parsed.isValid) throw new DateTimeFormatError(dt.dateTime);
  return parsed;
}

/**
 * Graph's output form: the instant as wall-clock time in `zone`, written "yyyy-MM-ddTHH:mm:ss.0000000"
 * (seven fraction digits, no offset), with timeZone echoing the name the caller asked for (Graph answers
 * `Prefer: outlook.timezone="Romance Standard Time"` with timeZone "Romance Standard Time").
 */
export function formatGraphDateTime(instant: DateTime, zone: string): { dateTime: string; timeZone: string } {
  const local = instant.setZone(requireZone(zone));
  const ticks = `${String(local.millisecond).padStart(3, '0')}0000`;
  return { dateTime: `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.${ticks}`, timeZone: zone };
}

/**
 * The zone from a Prefer header: `outlook.timezone="Europe/Paris"`, possibly among other preferences
 * (`odata.maxpagesize=10, outlook.timezone="Pacific Standard Time"`) or several Prefer headers joined
 * with commas. Returns the name as written (it may be a Windows name); undefined when absent.
 */
export function parsePreferTimeZone(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /(?:^|[,;\s])outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s"]+))/i.exec(header);
  if (match === null) return undefined;
  const value = (match[1] ?? match[2] ?? '').trim();
  return value === '' ? undefined : value;
}
