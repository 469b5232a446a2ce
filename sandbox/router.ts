// Maps a Graph v1.0 path (after /v1.0) to its handler. /me is /users/{caller}; /me/calendar/events and
// /me/events are the same collection, as in Graph. Each route first checks the token's scopes against its
// page's permission table (permissions.ts): a missing scope is a 403 before anything is read.
import type { GraphRequest, GraphResponse } from './core';
import { GraphError } from './core';
import { contactExtensions, contactPhoto, deleteContact, folderRoute, getContact, listContacts, patchContact, postContact } from './contacts';
import { calendarView, cancelEvent, deleteEvent, eventExtensions, getCalendar, getEvent, instances, listEvents, patchEvent, postEvent, supportedTimeZones } from './events';
import type { RouteCtx } from './items';
import { findMeetingTimesRoute, getScheduleRoute } from './schedule';
import { categoriesRoute, mailboxSettingsRoute } from './settings';
import type { Store, UserRecord } from './store';
import { countUsers, directReports, getUser, listAllUsers, manager, photoMeta, photoValue, resolveUser } from './users';
import { parsePreferTimeZone } from './time';
import { getMessage, listMessages } from './messages';
import type { Rule } from './permissions';
import { RULES, requireScope, scopesOf } from './permissions';

export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch (err) {
        throw new GraphError(400, 'BadRequest', `Invalid path segment '${s}': ${(err as Error).message}`);
      }
    });
}

/** The user whose mailbox a path addresses (for throttling and the log): /users/{x}/... or the caller. */
export function mailboxOfPath(store: Store, callerId: string, path: string): UserRecord | undefined {
  // Only for accounting: a badly encoded path is reported by dispatch(), here it just counts as the caller's.
  const segs = path.split('/').filter((x) => x !== '');
  if (segs[1] !== undefined && /%[0-9a-f]{2}/i.test(segs[1])) {
    try {
      segs[1] = decodeURIComponent(segs[1]);
    } catch (err) {
      if (!(err instanceof URIError)) throw err;
    }
  }
  if (segs[0]?.toLowerCase() === 'users' && segs[1] !== undefined && segs[1] !== '$count') {
    return store.user(segs[1]) ?? store.user(callerId);
  }
  return store.user(callerId);
}

function methodNotAllowed(): GraphError {
  return new GraphError(405, 'Request_BadRequest', 'The HTTP method used is not allowed on this resource.');
}

function noSegment(seg: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${seg}'.`);
}

export function dispatch(store: Store, now: () => Date, graphUrl: string, req: GraphRequest): GraphResponse {
  const caller = store.user(req.callerId);
  if (!caller) throw new GraphError(401, 'InvalidAuthenticationToken', 'The user of this token no longer exists.');
  let segs = splitPath(req.path);
  if (segs[0]?.toLowerCase() === 'me') segs = ['users', caller.id, ...segs.slice(1)];
  const m = req.method.toUpperCase();
  const base = { store, now, graphUrl, req, caller, preferZone: parsePreferTimeZone(req.headers['prefer']), preferenceApplied: [] as string[] };
  const finish = (ctx: RouteCtx, res: GraphResponse): GraphResponse => {
    if (ctx.preferenceApplied.length > 0) res.headers['Preference-Applied'] = [...new Set(ctx.preferenceApplied)].join(', ');
    return res;
  };
  if (segs[0]?.toLowerCase() !== 'users') throw noSegment(segs[0] ?? '');
  const scopes = scopesOf(req);
  const gate = (rule: Rule): void => requireScope(scopes, rule);
  /** Reads need the read rule; anything else the write rule. */
  const gateRW = (read: Rule, write: Rule): void => gate(m === 'GET' ? read : write);
  if (segs.length === 1) {
    if (m !== 'GET') throw methodNotAllowed();
    gate(RULES.listUsers);
    return listAllUsers({ ...base, target: caller });
  }
  if (segs[1] === '$count' && segs.length === 2) {
    gate(RULES.listUsers);
    return countUsers({ ...base, target: caller });
  }
  const self = store.user(segs[1]!)?.id === caller.id;
  const target = resolveUser({ store }, segs[1]!);
  const ctx: RouteCtx = { ...base, target };
  const rest = segs.slice(2);
  const r0 = rest[0]?.toLowerCase();
  const is = (...methods: string[]): void => {
    if (!methods.includes(m)) throw methodNotAllowed();
  };

  if (rest.length === 0) {
    is('GET');
    gate(self ? RULES.getMe : RULES.getUser);
    return getUser(ctx);
  }
  switch (r0) {
    case 'directreports':
      is('GET');
      gate(self ? RULES.myReports : RULES.othersReports);
      return directReports(ctx);
    case 'manager':
      is('GET');
      gate(self ? RULES.myReports : RULES.othersReports);
      return manager(ctx);
    case 'photo':
      is('GET');
      gate(self ? RULES.myPhoto : RULES.othersPhoto);
      if (rest.length === 1) return photoMeta(ctx);
      if (rest[1] === '$value') return photoValue(ctx);
      throw noSegment(rest[1]!);
    case 'calendarview':
      is('GET');
      gate(RULES.readCalendar);
      return finish(ctx, calendarView(ctx));
    case 'findmeetingtimes':
      is('POST');
      gate(RULES.findMeetingTimes);
      return finish(ctx, findMeetingTimesRoute(ctx));
    case 'calendar': {
      const r1 = rest[1]?.toLowerCase();
      if (r1 === 'getschedule') {
        is('POST');
        gate(RULES.getSchedule);
        return finish(ctx, getScheduleRoute(ctx));
      }
      if (r1 === 'calendarview') {
        is('GET');
        gate(RULES.readCalendar);
        return finish(ctx, calendarView(ctx));
      }
      if (r1 === 'events') {
        gateRW(RULES.readCalendar, RULES.writeCalendar);
        return finish(ctx, eventsRoute(ctx, rest.slice(2), m));
      }
      if (rest.length === 1) {
        is('GET');
        gate(RULES.readCalendar);
        return getCalendar(ctx);
      }
      throw noSegment(rest[1] ?? '');
    }
    case 'events':
      gateRW(RULES.readCalendar, RULES.writeCalendar);
      return finish(ctx, eventsRoute(ctx, rest.slice(1), m));
    case 'contacts':
      gateRW(RULES.readContacts, RULES.writeContacts);
      return contactsRoute(ctx, rest.slice(1), m, undefined);
    case 'contactfolders': {
      gateRW(RULES.readContacts, RULES.writeContacts);
      if (rest.length <= 2) return folderRoute(ctx, rest[1]);
      if (rest[2]?.toLowerCase() === 'contacts') return contactsRoute(ctx, rest.slice(3), m, rest[1]);
      throw noSegment(rest[2]!);
    }
    case 'outlook':
      if (rest[1]?.toLowerCase() === 'mastercategories' && rest.length <= 3) {
        gateRW(RULES.readSettings, RULES.writeSettings);
        return categoriesRoute(ctx, rest[2]);
      }
      if (rest[1]?.toLowerCase().startsWith('supportedtimezones') && rest.length === 2) {
        is('GET');
        gate(RULES.getMe); // User.Read: https://learn.microsoft.com/graph/api/outlookuser-supportedtimezones
        return supportedTimeZones(ctx, rest[1]);
      }
      throw noSegment(rest[1] ?? 'outlook');
    case 'messages':
      // Read only: the app never writes mail (sandbox/messages.ts).
      is('GET');
      gate(RULES.readMail);
      if (rest.length === 1) return listMessages(ctx);
      if (rest.length === 2) return getMessage(ctx, rest[1]!);
      throw noSegment(rest[2]!);
    case 'mailfolders':
      is('GET');
      gate(RULES.readMail);
      if (rest.length === 3 && rest[2]?.toLowerCase() === 'messages') return listMessages(ctx, rest[1]!);
      throw noSegment(rest[2] ?? rest[1] ?? 'mailFolders');
    case 'mailboxsettings':
      // Get/Update mailboxSettings: MailboxSettings.Read / MailboxSettings.ReadWrite (user-get-mailboxsettings).
      gateRW(RULES.readSettings, RULES.writeSettings);
      if (rest.length <= 2) return mailboxSettingsRoute(ctx, rest[1]);
      throw noSegment(rest[2]!);
    default:
      throw noSegment(rest[0]!);
  }
}

function eventsRoute(ctx: RouteCtx, rest: string[], m: string): GraphResponse {
  if (rest.length === 0) {
    if (m === 'GET') return listEvents(ctx);
    if (m === 'POST') return postEvent(ctx);
    throw methodNotAllowed();
  }
  const id = rest[0]!;
  if (rest.length === 1) {
    if (m === 'GET') return getEvent(ctx, id);
    if (m === 'PATCH') return patchEvent(ctx, id);
    if (m === 'DELETE') return deleteEvent(ctx, id);
    throw methodNotAllowed();
  }
  const op = rest[1]!.toLowerCase();
  if (op === 'cancel' && rest.length === 2) {
    if (m !== 'POST') throw methodNotAllowed();
    return cancelEvent(ctx, id);
  }
  if (op === 'instances' && rest.length === 2) {
    if (m !== 'GET') throw methodNotAllowed();
    return instances(ctx, id);
  }
  if (op === 'extensions' && rest.length <= 3) return eventExtensions(ctx, id, rest[2]);
  throw noSegment(rest[1]!);
}

function contactsRoute(ctx: RouteCtx, rest: string[], m: string, folderId: string | undefined): GraphResponse {
  if (rest.length === 0) {
    if (m === 'GET') return listContacts(ctx, folderId);
    if (m === 'POST') return postContact(ctx, folderId);
    throw methodNotAllowed();
  }
  const id = rest[0]!;
  if (rest.length === 1) {
    if (m === 'GET') return getContact(ctx, id, folderId);
    if (m === 'PATCH') return patchContact(ctx, id, folderId);
    if (m === 'DELETE') return deleteContact(ctx, id, folderId);
    throw methodNotAllowed();
  }
  const op = rest[1]!.toLowerCase();
  if (op === 'photo') {
    if (rest.length === 2) return contactPhoto(ctx, id, false);
    if (rest[2] === '$value' && rest.length === 3) return contactPhoto(ctx, id, true);
  }
  if (op === 'extensions' && rest.length <= 3) return contactExtensions(ctx, id, rest[2]);
  throw noSegment(rest[1]!);
}
