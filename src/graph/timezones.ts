import { findIana, findWindows } from 'windows-iana';
import { AppError } from '../domain/errors';
import type { IanaTimeZone } from '../domain/types';

/**
 * Time-zone names between Graph and the app, both ways, through CLDR's windowsZones mapping (the
 * `windows-iana` package, pinned) rather than a hand-kept list.
 *
 * - Outlook answers in Windows names ("India Standard Time"), and mailbox settings may hold either kind:
 *   "specify it in the Windows or IANA time zone format"
 *   (https://learn.microsoft.com/graph/api/user-update-mailboxsettings).
 * - `dateTimeTimeZone.timeZone` accepts "any of the time zones currently supported by Windows" plus a listed
 *   set of IANA names only (https://learn.microsoft.com/graph/api/resources/datetimetimezone); any other
 *   name is refused with 400 TimeZoneNotSupportedException (microsoftgraph/microsoft-graph-docs issue 4758).
 *   So the app always SENDS Windows names, which every zone it works in has.
 * - Series touched in Outlook read back `recurrenceTimeZone` "" or "Customized Time Zone"
 *   (microsoft-graph-docs issue 6578, microsoft-graph-docs-contrib issue 5828), and `originalStartTimeZone`
 *   "tzone://Microsoft/Custom" for a legacy custom zone (event resource,
 *   https://learn.microsoft.com/graph/api/resources/event). Those name no zone: `resolveZone` returns
 *   undefined for them and the caller picks the next source (see `seriesZone`).
 *
 * Never silently UTC: a name that maps to nothing is `undefined` here, and `requireIanaZone` /
 * `toWindowsZone` turn that into an AppError, because a guessed zone books reminders at the wrong hour and
 * computes end dates that can delete a series' history.
 */

/** Canonical IANA spelling as this runtime's ICU knows it (Europe/Kyiv → Europe/Kiev on older ICU), or undefined. */
const canonicalIana = (name: string): string | undefined => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch (e) {
    if (e instanceof RangeError) return undefined; // not a zone ICU knows
    throw e;
  }
};

/**
 * IANA names Graph's dateTimeTimeZone page lists. When CLDR gives several IANA names for one Windows
 * zone (Asia/Calcutta, Asia/Kolkata), the one Graph also accepts is preferred, so a name the app shows or
 * stores is one Graph would take back.
 */
const GRAPH_LISTED_IANA = new Set([
  'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix', 'America/Denver', 'America/Chicago',
  'America/Mexico_City', 'America/Regina', 'America/Bogota', 'America/New_York', 'America/Indiana/Indianapolis',
  'America/Caracas', 'America/Halifax', 'America/Santiago', 'America/St_Johns', 'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires', 'America/Godthab', 'America/Montevideo', 'Atlantic/Azores', 'Africa/Casablanca',
  'Europe/London', 'Atlantic/Reykjavik', 'Europe/Berlin', 'Europe/Budapest', 'Europe/Paris', 'Europe/Warsaw', 'Africa/Lagos',
  'Europe/Bucharest', 'Africa/Cairo', 'Africa/Johannesburg', 'Europe/Kyiv', 'Europe/Istanbul', 'Asia/Jerusalem', 'Europe/Moscow',
  'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Yangon', 'Asia/Bangkok', 'Asia/Shanghai',
  'Asia/Singapore', 'Australia/Perth', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney', 'Pacific/Auckland',
]);

/** The IANA zone a Graph zone name (Windows or IANA) stands for, or undefined when it names none. */
export const resolveZone = (name: string | null | undefined): IanaTimeZone | undefined => {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return undefined;
  // Windows' "UTC" and IANA's "UTC" are the same zone; keep the short name luxon and the domain use.
  if (trimmed.toUpperCase() === 'UTC') return 'UTC' as IanaTimeZone;
  const candidates = findIana(trimmed);
  if (candidates.length > 0) {
    const listed = candidates.find((z) => GRAPH_LISTED_IANA.has(z));
    return (listed ?? candidates[0]) as IanaTimeZone;
  }
  // An IANA name (mailbox settings may hold one): accepted when ICU knows it. Windows-looking names that
  // CLDR does not list ("Customized Time Zone") and Outlook's tzone:// markers fall through to undefined.
  if (trimmed.includes('/') && !trimmed.includes(':') && canonicalIana(trimmed) !== undefined) return trimmed as IanaTimeZone;
  return undefined;
};

/** Like `resolveZone`, but an unknown name is an error naming `what`, never UTC. */
export const requireIanaZone = (name: string | null | undefined, what: string): IanaTimeZone => {
  const zone = resolveZone(name);
  if (zone === undefined) throw new AppError({ code: 'unexpected', detail: `${what}: time zone ${JSON.stringify(name ?? null)} is not one the app can map` });
  return zone;
};

/**
 * The Windows name to send Graph for an IANA zone (Europe/Paris → Romance Standard Time). A Windows name
 * passes through. Throws for a zone CLDR has no Windows name for, rather than sending one Graph refuses.
 */
export const toWindowsZone = (zone: string): string => {
  if (findIana(zone).length > 0) return zone; // already a Windows name
  const direct = findWindows(zone);
  const windows = direct.length > 0 ? direct : findWindows(canonicalIana(zone) ?? '');
  if (windows.length === 0) throw new AppError({ code: 'unexpected', detail: `time zone ${JSON.stringify(zone)} has no Windows name Graph accepts` });
  return windows[0]!;
};

/**
 * The zone a series' dates (range.startDate/endDate, an occurrence's day) are counted in. Graph's own
 * rule is "recurrenceTimeZone; if not specified, the time zone of the event"
 * (https://learn.microsoft.com/graph/api/resources/recurrencerange), and a maintainer-less thread settles
 * on originalStartTimeZone as "the time zone of the event" (microsoft-graph-docs issue 6208). When both
 * name no zone (custom zones made in Outlook) the mailbox's zone is the user's own calendar zone.
 * start.timeZone is NOT used: it is whatever zone the request preferred (Prefer: outlook.timezone).
 */
export const seriesZone = (
  sources: { readonly recurrenceTimeZone?: string | null; readonly originalStartTimeZone?: string | null },
  mailboxZone?: IanaTimeZone,
): IanaTimeZone | undefined => resolveZone(sources.recurrenceTimeZone) ?? resolveZone(sources.originalStartTimeZone) ?? mailboxZone;
