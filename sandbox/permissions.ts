// Delegated permissions: which scopes (the token's `scp`) let a request through, and which directory
// properties a caller may read. Each rule names the Microsoft Learn page whose "Permissions" section it
// copies; where pages disagree the rule says so (CHOICE) and takes the harsher reading.
//
// The token's `scp` claim is "a space separated list of scopes ... The application should ... make
// authorization decisions based on the value of these scopes" (access token claims reference,
// https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference#payload-claims).
import { GraphError } from './core';

/**
 * Au revoir's delegated scopes, as src/graph/scopes.ts lists them (the sandbox does not import src; a unit
 * test proves the two lists are the same). A token asked for without `scopes` carries these.
 */
export const APP_SCOPES: readonly string[] = [
  'User.Read',
  'User.ReadBasic.All',
  'Calendars.ReadWrite',
  'Calendars.Read.Shared',
  'Contacts.ReadWrite',
  'MailboxSettings.ReadWrite',
];

/**
 * What the demo tenant's admin granted Au revoir beyond what it asks for at sign-in: reading leave dates
 * (User-LifeCycleInfo.Read.All needs admin consent). Entra issues "additive scopes": a token carries every
 * scope consented for the app and user, whatever the request named (Microsoft Q&A, answer confirmed with
 * the product team: https://learn.microsoft.com/answers/questions/78683). CHOICE: the demo tenant has
 * granted it, so a manager with the admin-like role sees leave dates; a token minted with `exactScopes`
 * models a tenant that did not.
 */
export const TENANT_GRANTED: readonly string[] = ['User-LifeCycleInfo.Read.All'];

type Family = 'outlook' | 'directory';

export interface Rule {
  /** Any one of these scopes is enough (the page's least and higher privileged ones). */
  readonly anyOf: readonly string[];
  readonly family: Family;
  /** The Learn page (or thread) the list comes from. */
  readonly source: string;
}

const LEARN = 'https://learn.microsoft.com/graph/api';
const DIR_READ_ALL = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const CAL_READ = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'];

export const RULES = {
  // Least User.ReadBasic.All, then User.Read.All, User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
  listUsers: { anyOf: ['User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/user-list` },
  // The signed-in user's own profile: User.Read (or anything that reads all users).
  getMe: { anyOf: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/user-get` },
  getUser: { anyOf: ['User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/user-get` },
  // CHOICE: the List directReports page gives User.Read as least privileged; the older permissions
  // reference required User.Read.All for reports and managers. Its own scenario table says User.Read reads
  // "direct reports, and manager" of the signed-in user, so /me keeps User.Read; another user's reports or
  // manager need a scope that reads other users (User.ReadBasic.All or higher).
  myReports: { anyOf: ['User.Read', 'User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/user-list-directreports` },
  othersReports: { anyOf: ['User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/user-list-directreports` },
  // Photos are part of the basic profile (permissions reference, "User.ReadBasic.All").
  myPhoto: { anyOf: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/profilephoto-get` },
  othersPhoto: { anyOf: ['User.ReadBasic.All', ...DIR_READ_ALL], family: 'directory', source: `${LEARN}/profilephoto-get` },
  // List events / calendarView / get event / instances / get calendar: least Calendars.ReadBasic, then
  // Calendars.Read, Calendars.ReadWrite.
  readCalendar: { anyOf: CAL_READ, family: 'outlook', source: `${LEARN}/user-list-events` },
  writeCalendar: { anyOf: ['Calendars.ReadWrite'], family: 'outlook', source: `${LEARN}/user-post-events` },
  // CHOICE: getSchedule's page listed Calendars.Read, Calendars.ReadWrite; its current generated table
  // puts Calendars.ReadBasic first. Harsher: Calendars.Read or Calendars.ReadWrite.
  getSchedule: { anyOf: ['Calendars.Read', 'Calendars.ReadWrite'], family: 'outlook', source: `${LEARN}/calendar-getschedule` },
  // CHOICE: findMeetingTimes' page listed Calendars.Read.Shared, Calendars.ReadWrite.Shared; its current
  // generated table says Calendars.Read, Calendars.ReadWrite. Harsher (and what the app asks for): the
  // Shared pair only.
  findMeetingTimes: { anyOf: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'], family: 'outlook', source: `${LEARN}/user-findmeetingtimes` },
  readContacts: { anyOf: ['Contacts.Read', 'Contacts.ReadWrite'], family: 'outlook', source: `${LEARN}/user-list-contacts` },
  writeContacts: { anyOf: ['Contacts.ReadWrite'], family: 'outlook', source: `${LEARN}/user-post-contacts` },
  readSettings: { anyOf: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'], family: 'outlook', source: `${LEARN}/outlookuser-list-mastercategories` },
  writeSettings: { anyOf: ['MailboxSettings.ReadWrite'], family: 'outlook', source: `${LEARN}/outlookuser-post-mastercategories` },
  // List messages / get message: least Mail.ReadBasic, then Mail.ReadWrite, Mail.Read (what Mail.ReadBasic
  // withholds, and $search, are sandbox/messages.ts's to refuse).
  readMail: { anyOf: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'], family: 'outlook', source: `${LEARN}/user-list-messages` },
} as const satisfies Record<string, Rule>;

/**
 * The 403 a missing scope gets. Outlook answers ErrorAccessDenied "Access is denied. Check credentials and
 * try again." (/me/events: OfficeDev/outlook-dev-docs#676; findMeetingTimes:
 * microsoftgraph/microsoft-graph-docs-contrib#8238; a maintainer's advice there is to check the token's
 * `scp`: microsoftgraph/msgraph-sample-pythondjangoapp#29). The directory answers Authorization_RequestDenied
 * "Insufficient privileges to complete the operation." (GET /users: microsoft-graph-docs-contrib#8159;
 * /manager: #8353).
 */
export function denied(family: Family): GraphError {
  return family === 'outlook'
    ? new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
    : new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

/** Throws the rule's 403 unless the token carries one of its scopes. `undefined`: a token without `scp`. */
export function requireScope(scopes: readonly string[] | undefined, rule: Rule): void {
  if (scopes === undefined) return;
  if (!rule.anyOf.some((s) => scopes.includes(s))) throw denied(rule.family);
}

export const has = (scopes: readonly string[] | undefined, ...any: string[]): boolean =>
  scopes === undefined || any.some((s) => scopes.includes(s));

/**
 * User.ReadBasic.All "constrains app access to a limited set of properties known as the basic profile ...
 * displayName, givenName, mail, photo, surname, userPrincipalName" (permissions reference,
 * https://learn.microsoft.com/graph/permissions-reference, User permissions; `id` is every object's key).
 * Other properties of other users come back null: Graph's team on a $select=postalCode that returned null
 * ("likely because your app does not have the User.Read.All permission",
 * microsoftgraph/microsoft-graph-docs#2155) and the default set read with User.ReadBasic.All
 * (microsoftgraph/microsoft-graph-docs#4993: jobTitle, mobilePhone, officeLocation, preferredLanguage null).
 */
export const BASIC_PROFILE: readonly string[] = ['id', 'displayName', 'givenName', 'mail', 'surname', 'userPrincipalName'];

/** Whether the caller reads other users' full profiles (else only the basic one). */
export const readsFullProfiles = (scopes: readonly string[] | undefined): boolean => has(scopes, ...DIR_READ_ALL);

/**
 * The scopes of the request's bearer token (`scp`, space-separated), or undefined when it has no `scp`.
 * The pipe has verified the token's signature and expiry before any route runs; a $batch item carries
 * its envelope's Authorization header, so it is held to the same scopes.
 */
export function scopesOf(req: { headers: Record<string, string> }): readonly string[] | undefined {
  const m = /^Bearer\s+([^.\s]+)\.([^.\s]+)\./i.exec((req.headers['authorization'] ?? '').trim());
  if (!m) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as { scp?: unknown };
    return typeof payload.scp === 'string' ? payload.scp.split(' ').filter((s) => s !== '') : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}
