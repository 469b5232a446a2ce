/**
 * The delegated permissions of Au revoir (PLATFORM-NOTES.md) and no others. Each gateway method
 * asks only for the scopes its own call needs, so a consent prompt names exactly what is used.
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

/** Union of scopes, order kept, no duplicates (a $batch needs every scope its items need). */
export const unionScopes = (...lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];
