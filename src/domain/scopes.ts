/**
 * The delegated Graph permissions of Au revoir (docs/graph-and-booking.md, "Permissions") and no others: the one list that the
 * sign-in asks consent for (src/auth, through the apps' compositions), the Graph gateways ask each call's
 * share of (src/graph/scopes.ts re-exports it), and the Entra registration, the manifest and the README
 * name (test/unit/manifest/scopes.test.ts). It lives in domain because both auth and graph need it and
 * neither may import the other; it is six strings, so the first screens carry it without any Graph code.
 */
export const SCOPES = {
  userRead: 'User.Read',
  usersReadBasic: 'User.ReadBasic.All',
  calendarsReadWrite: 'Calendars.ReadWrite',
  calendarsReadShared: 'Calendars.Read.Shared',
  contactsReadWrite: 'Contacts.ReadWrite',
  mailboxSettingsReadWrite: 'MailboxSettings.ReadWrite',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];
export const ALL_SCOPES: readonly Scope[] = Object.values(SCOPES);

/**
 * Scopes asked for later, never at sign-in (incremental consent): each belongs to an opt-in feature and
 * is requested at the moment the user turns that feature on. `ALL_SCOPES` above stays the sign-in list;
 * the Entra registration declares these too (so an administrator reviewing the app sees every permission
 * it may ever ask), the nested app auth list and the admin-consent link do not, and the README's table
 * says when each is asked (test/unit/manifest/scopes.test.ts).
 * - Mail.ReadBasic: "mail exchanged with an alumnus counts as contact" (workflows/real-contact.ts). It reads
 *   messages without body, bodyPreview, uniqueBody, attachments, extensions or extended properties
 *   (permissions reference, quoted in https://learn.microsoft.com/answers/questions/283657), the least of
 *   the list-messages page's delegated permissions (https://learn.microsoft.com/graph/api/user-list-messages).
 */
export const LATER_SCOPES = {
  mailReadBasic: 'Mail.ReadBasic',
} as const;

export type LaterScope = (typeof LATER_SCOPES)[keyof typeof LATER_SCOPES];
export const ALL_LATER_SCOPES: readonly LaterScope[] = Object.values(LATER_SCOPES);
