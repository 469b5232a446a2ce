// The sandbox's state: a directory of users and one mailbox per user, held in memory and, when a data file is
// given, written to it as JSON (debounced, and once more on close) so a restart finds the same calendar.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JsonObject } from './core';

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string;
  employeeLeaveDateTime: string | null;
  managerId: string | null;
  /** Stands for User-LifeCycleInfo.Read.All plus an admin-like role: whether this user may read leave dates. */
  canReadLeaveDates: boolean;
  /** PNG bytes, base64. */
  photo: string | null;
}

export interface WorkingHoursRecord {
  daysOfWeek: string[];
  startTime: string;
  endTime: string;
  timeZone: { name: string };
}

export interface MailboxSettingsRecord {
  timeZone: string;
  workingHours: WorkingHoursRecord;
  language: { locale: string; displayName: string };
  dateFormat: string;
  timeFormat: string;
}

export interface ExtProp {
  id: string;
  value: string;
}

export interface StoredException {
  id: string;
  changeKey: string;
  /** Properties that differ from the master (subject, start, end, body, location, showAs...). */
  overrides: JsonObject;
}

export interface StoredEvent {
  id: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  iCalUId: string;
  /** Graph properties as written by the client (start/end in their original zones). */
  data: JsonObject;
  isOrganizer: boolean;
  /** The organizer's user id; attendee copies point at the organizer's event through iCalUId. */
  organizerId: string;
  extProps: ExtProp[];
  extensions: JsonObject[];
  /** YYYY-MM-DD (series start zone) of deleted occurrences. */
  cancelledDates: string[];
  /** Modified occurrences, keyed by original date. */
  exceptions: Record<string, StoredException>;
  /**
   * How Exchange shows this item's zones when that is not what was written: series touched in Outlook read
   * back recurrenceTimeZone "" or "Customized Time Zone", and originalStartTimeZone "tzone://Microsoft/Custom"
   * for a legacy custom zone (see sandbox/events/render.ts). The series still recurs in its real zone.
   */
  readBack?: { recurrenceTimeZone?: string; originalStartTimeZone?: string };
}

export interface StoredContact {
  id: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  parentFolderId: string;
  data: JsonObject;
  extProps: ExtProp[];
  extensions: JsonObject[];
  photo: { contentType: string; base64: string } | null;
}

export interface ContactFolderRecord {
  id: string;
  displayName: string;
  parentFolderId: string;
}

export interface CategoryRecord {
  id: string;
  displayName: string;
  color: string;
}

export interface CancellationRecord {
  eventId: string;
  iCalUId: string;
  subject: string;
  comment: string;
  at: string;
  attendees: string[];
}

/** A mail message (sandbox/messages.ts). `folder` is the well-known name of the folder holding it. */
export interface StoredMessage {
  id: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  folder: 'inbox' | 'sentitems' | 'drafts' | 'deleteditems';
  /** Graph message properties (subject, from, toRecipients, receivedDateTime, body, ...). */
  data: JsonObject;
}

export interface Mailbox {
  userId: string;
  /** Absent in data files written before messages existed: no messages. */
  messages?: StoredMessage[];
  settings: MailboxSettingsRecord;
  events: StoredEvent[];
  contacts: StoredContact[];
  defaultContactFolderId: string;
  contactFolders: ContactFolderRecord[];
  categories: CategoryRecord[];
  cancellations: CancellationRecord[];
  /** transactionId → event id, for idempotent creates. */
  transactions: Record<string, string>;
  /**
   * The default calendar's allowedOnlineMeetingProviders (calendar resource); absent means
   * ["teamsForBusiness"], the usual Microsoft 365 mailbox. [] is a mailbox that may not create Teams meetings.
   */
  onlineMeetingProviders?: string[];
}

export interface State {
  version: 1;
  seededAt: string;
  users: UserRecord[];
  mailboxes: Record<string, Mailbox>;
}

export class Store {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    public state: State,
    private readonly dataFile: string | null,
  ) {}

  static load(dataFile: string | null, seed: () => State): Store {
    if (dataFile !== null) {
      let text: string | null = null;
      try {
        text = readFileSync(dataFile, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      if (text !== null) {
        let parsed: State | null = null;
        try {
          parsed = JSON.parse(text) as State;
        } catch (err) {
          // A half-written or hand-edited file must not stop the demo: keep it aside and start from the seed.
          const aside = `${dataFile}.corrupt-${Date.now()}`;
          renameSync(dataFile, aside);
          console.warn(`[sandbox] ${dataFile} is not valid JSON (${(err as Error).message}); moved to ${aside}, reseeding.`);
        }
        if (parsed !== null && parsed.version === 1 && Array.isArray(parsed.users)) return new Store(parsed, dataFile);
      }
    }
    const store = new Store(seed(), dataFile);
    store.flush();
    return store;
  }

  user(idOrUpn: string): UserRecord | undefined {
    const key = idOrUpn.toLowerCase();
    return this.state.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key || u.mail.toLowerCase() === key);
  }

  userByEmail(email: string): UserRecord | undefined {
    const key = email.toLowerCase();
    return this.state.users.find((u) => u.mail.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
  }

  mailbox(userId: string): Mailbox {
    const m = this.state.mailboxes[userId];
    if (m === undefined) throw new Error(`no mailbox for user ${userId}`);
    return m;
  }

  replace(state: State): void {
    this.state = state;
    this.changed();
  }

  /** Debounced write: bursts of requests cost one write. */
  changed(): void {
    if (this.dataFile === null || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, 200);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dataFile === null) return;
    mkdirSync(dirname(this.dataFile), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a JSON file behind.
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.dataFile);
  }
}
