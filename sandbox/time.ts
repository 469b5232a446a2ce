/**
 * Date and time-zone helpers for the Graph sandbox.
 *
 * Graph carries local times as `dateTimeTimeZone` ({ dateTime, timeZone }): a wall-clock time without an
 * offset plus a zone name that may be IANA ("Europe/Paris") or Windows ("Romance Standard Time"). Outlook
 * and Exchange answer in Windows names unless asked otherwise, and clients send both, so the sandbox has to
 * understand both. All maths is done with luxon; this module only translates names and string forms.
 */
import { DateTime, IANAZone } from 'luxon';

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
 * Windows time-zone names → IANA, after CLDR's windowsZones.xml "001" (default territory) rows. Only the
 * names' spelling matters to clients, so the lookup is case-insensitive. Aliases that ICU renamed (Kiev,
 * Calcutta...) use the current IANA spelling; both are accepted by luxon.
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Aleutian Standard Time': 'America/Adak',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Marquesas Standard Time': 'Pacific/Marquesas',
  'Alaskan Standard Time': 'America/Anchorage',
  'UTC-09': 'Etc/GMT+9',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'UTC-08': 'Etc/GMT+8',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Mountain Standard Time': 'America/Denver',
  'Yukon Standard Time': 'America/Whitehorse',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Easter Island Standard Time': 'Pacific/Easter',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'Eastern Standard Time': 'America/New_York',
  'Haiti Standard Time': 'America/Port-au-Prince',
  'Cuba Standard Time': 'America/Havana',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'Turks And Caicos Standard Time': 'America/Grand_Turk',
  'Paraguay Standard Time': 'America/Asuncion',
  'Atlantic Standard Time': 'America/Halifax',
  'Venezuela Standard Time': 'America/Caracas',
  'Central Brazilian Standard Time': 'America/Cuiaba',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'Tocantins Standard Time': 'America/Araguaina',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Greenland Standard Time': 'America/Nuuk',
  'Montevideo Standard Time': 'America/Montevideo',
  'Magallanes Standard Time': 'America/Punta_Arenas',
  'Saint Pierre Standard Time': 'America/Miquelon',
  'Bahia Standard Time': 'America/Bahia',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Sao Tome Standard Time': 'Africa/Sao_Tome',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Jordan Standard Time': 'Asia/Amman',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Syria Standard Time': 'Asia/Damascus',
  'West Bank Standard Time': 'Asia/Hebron',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kyiv',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Sudan Standard Time': 'Africa/Juba',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Sudan Standard Time': 'Africa/Khartoum',
  'Libya Standard Time': 'Africa/Tripoli',
  'Namibia Standard Time': 'Africa/Windhoek',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Belarus Standard Time': 'Europe/Minsk',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Volgograd Standard Time': 'Europe/Volgograd',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Astrakhan Standard Time': 'Europe/Astrakhan',
  'Azerbaijan Standard Time': 'Asia/Baku',
  'Russia Time Zone 3': 'Europe/Samara',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'Saratov Standard Time': 'Europe/Saratov',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'West Asia Standard Time': 'Asia/Tashkent',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'Pakistan Standard Time': 'Asia/Karachi',
  'Qyzylorda Standard Time': 'Asia/Qyzylorda',
  'India Standard Time': 'Asia/Kolkata',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Central Asia Standard Time': 'Asia/Bishkek',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Omsk Standard Time': 'Asia/Omsk',
  'Myanmar Standard Time': 'Asia/Yangon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Altai Standard Time': 'Asia/Barnaul',
  'W. Mongolia Standard Time': 'Asia/Hovd',
  'North Asia Standard Time': 'Asia/Krasnoyarsk',
  'N. Central Asia Standard Time': 'Asia/Novosibirsk',
  'Tomsk Standard Time': 'Asia/Tomsk',
  'China Standard Time': 'Asia/Shanghai',
  'North Asia East Standard Time': 'Asia/Irkutsk',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Ulaanbaatar Standard Time': 'Asia/Ulaanbaatar',
  'Aus Central W. Standard Time': 'Australia/Eucla',
  'Transbaikal Standard Time': 'Asia/Chita',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'North Korea Standard Time': 'Asia/Pyongyang',
  'Korea Standard Time': 'Asia/Seoul',
  'Yakutsk Standard Time': 'Asia/Yakutsk',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'West Pacific Standard Time': 'Pacific/Port_Moresby',
  'Tasmania Standard Time': 'Australia/Hobart',
  'Vladivostok Standard Time': 'Asia/Vladivostok',
  'Lord Howe Standard Time': 'Australia/Lord_Howe',
  'Bougainville Standard Time': 'Pacific/Bougainville',
  'Russia Time Zone 10': 'Asia/Srednekolymsk',
  'Magadan Standard Time': 'Asia/Magadan',
  'Norfolk Standard Time': 'Pacific/Norfolk',
  'Sakhalin Standard Time': 'Asia/Sakhalin',
  'Central Pacific Standard Time': 'Pacific/Guadalcanal',
  'Russia Time Zone 11': 'Asia/Kamchatka',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'UTC+12': 'Etc/GMT-12',
  'Fiji Standard Time': 'Pacific/Fiji',
  'Chatham Islands Standard Time': 'Pacific/Chatham',
  'UTC+13': 'Etc/GMT-13',
  'Tonga Standard Time': 'Pacific/Tongatapu',
  'Samoa Standard Time': 'Pacific/Apia',
  'Line Islands Standard Time': 'Pacific/Kiritimati',
};

const WINDOWS_LOWER = new Map<string, string>(
  Object.entries(WINDOWS_TO_IANA).map(([windows, iana]) => [windows.toLowerCase(), iana]),
);

/**
 * The IANA zone a Graph time-zone name stands for, or null when the name is unknown.
 * Windows names first (so "UTC" maps to Etc/UTC), then IANA names as ICU knows them. Empty strings and
 * offsets such as "+02:00" are not zone names in Graph, so they are refused even though luxon parses some.
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
  // IANA names contain a slash (Europe/Paris) or are one of the few single-word zones ICU knows (GMT).
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed) && IANAZone.isValidZone(trimmed)) {
    return new IANAZone(trimmed).name;
  }
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

/** Parse Graph's dateTimeTimeZone into a luxon DateTime in that zone (IANA or Windows name). */
export function parseGraphDateTime(dt: { dateTime: string; timeZone: string }): DateTime {
  const zone = requireZone(dt.timeZone);
  const { offset, ...fields } = parseGraphWallClock(dt.dateTime);
  const parsed =
    offset === undefined
      ? DateTime.fromObject(fields, { zone })
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
