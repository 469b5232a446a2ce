import type { Plan } from '../domain/plan/model';
import type { TouchpointKind } from '../domain/cadence/model';
import type { IanaTimeZone, IsoDate, Lang, PlanId, WorkingHours } from '../domain/types';
import type { ConsentRecord, OutcomeEntry, OutcomeKind } from '../domain/alumni';
import type { AppError } from '../domain/errors';
import type { VCardVersion } from '../domain/export/vcard';
import type { ReminderPerson } from '../domain/export/texts';

/**
 * What the apps (Teams tab, Outlook task pane) can ask of Au revoir. Implemented in workflows/ on
 * top of the Graph gateways; faked in UI tests. Every method rejects with an AppError only.
 */
export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly jobTitle?: string;
  /** When Graph exposes it to this user (User-LifeCycleInfo.Read.All + role); else undefined. */
  readonly leaveDate?: IsoDate;
  /** `data:` URL of the profile photo, when there is one. */
  readonly photoDataUrl?: string;
}

export interface MailboxSettings {
  readonly timeZone: IanaTimeZone;
  readonly workingHours: WorkingHours;
}

export type PlanState = 'notPlanned' | 'booked' | 'held' | 'remindersActive';

export interface Departure {
  readonly person: Person;
  readonly lastWorkingDay?: IsoDate;
  /** How the departure got in the list. */
  readonly source: 'directReport' | 'added';
  readonly state: PlanState;
  readonly planId?: PlanId;
}

export interface SlotSuggestion {
  /** ISO instant with offset. */
  readonly start: string;
  readonly end: string;
  /** Graph's confidence, 0-100. */
  readonly confidence: number;
  readonly organizerAvailability: string;
}

export interface SlotCheck {
  /** Everyone's calendar was read and nobody is busy. */
  readonly free: boolean;
  /** Who is busy then (display names or emails). */
  readonly busy: readonly string[];
  /** Whose free/busy could not be read (Graph's freeBusyError): neither free nor busy. */
  readonly unknown: readonly string[];
}

export type BookedObjectKind = 'category' | 'contact' | 'contactPhoto' | 'conversation' | 'prepReminder' | 'touchpoint' | 'series' | 'consentCheck';

export interface BookedObject {
  readonly kind: BookedObjectKind;
  /** e.g. touchpoint index or series key; absent for unique objects. */
  readonly key?: string;
  readonly id?: string;
  readonly webLink?: string;
  /** true: created by this run; false: found already there (a resumed or repeated booking). */
  readonly createdNow: boolean;
}

export interface Receipt {
  readonly planId: PlanId;
  readonly objects: readonly BookedObject[];
  readonly conversation?: { readonly id: string; readonly webLink?: string; readonly joinUrl?: string };
  readonly contact?: { readonly id: string; readonly webLink?: string };
  /** true when everything the plan asked for is in the mailbox. */
  readonly complete: boolean;
  /** What is still missing when `complete` is false (the UI offers "finish booking"). */
  readonly missing: readonly BookedObjectKind[];
}

export interface BookingProgress {
  readonly done: number;
  readonly total: number;
  readonly phase: 'checking' | 'booking' | 'retrying' | 'done';
}

/** Who they are and how to reach them: the same fields the exported reminders describe. */
export interface Alumnus extends ReminderPerson {
  readonly planId: PlanId;
  readonly contactId: string;
  /** ISO instant, or undefined when never logged. */
  readonly lastContacted?: string;
  readonly nextTouchpoint?: { readonly eventId: string; readonly start: string; readonly kind: TouchpointKind };
  readonly overdue: boolean;
  /** The dated reconnect log, newest first. */
  readonly notes: readonly string[];
  /** What they became and the good turns (issue 12), newest first; absent when none were logged. */
  readonly outcomes?: readonly OutcomeEntry[];
  /** When, how and to which words the leaver agreed that their details be kept (bookings since issue 12). */
  readonly consent?: ConsentRecord;
}

/** "Forget this person": what will go, counted for the confirmation. */
export interface ForgetPreview {
  readonly contacts: number;
  /** Whether the contact has a photo (it goes with the contact). */
  readonly photo: boolean;
  /** Reminders and the other events of the plan (conversation, prep, touchpoints, series, the yearly check). */
  readonly events: number;
  readonly outcomes: number;
}

/** What Forget deleted and, after a partial failure, what is still there (Forget again deletes it). */
export interface ForgetResult {
  readonly removed: { readonly contacts: number; readonly events: number };
  readonly left: { readonly contacts: number; readonly events: number };
  readonly complete: boolean;
}

/**
 * Someone the manager added by hand, with their last day (Graph rarely exposes leave dates to a
 * manager). Directory facts only: never a personal detail, never a token.
 */
export interface AddedDeparture {
  readonly person: Pick<Person, 'id' | 'displayName' | 'mail' | 'jobTitle'>;
  readonly lastWorkingDay: IsoDate;
}

/** A departure anywhere in the organisation, as the HR partner's screen lists it. */
export interface OrgDeparture {
  readonly person: Person;
  readonly lastWorkingDay: IsoDate;
  /** Invited to the conversation the HR partner organises; absent when the directory names no manager. */
  readonly manager?: { readonly displayName: string; readonly mail: string };
}

export interface OrgDepartures {
  /** The directory's own answer: false when Graph refuses this user the leave dates (the screen is hidden). */
  readonly canReadLeaveDates: boolean;
  readonly departures: readonly OrgDeparture[];
}

export interface BulkBookingOptions {
  /** Each plan's own progress (objects booked of objects wanted), as it goes. */
  readonly onPlanProgress?: (planId: PlanId, p: BookingProgress) => void;
  /** A plan finished (booked, incomplete or failed). */
  readonly onPlanDone?: (result: BulkPlanResult) => void;
}

export type BulkPlanResult = { readonly planId: PlanId; readonly receipt: Receipt } | { readonly planId: PlanId; readonly error: AppError };
/** A file for the person to download (exports): its name, media type and text. */
export interface ExportFile {
  readonly fileName: string;
  /** `text/vcard` (RFC 6350 section 10.1) or `text/calendar` (RFC 5545 section 8.1), UTF-8. */
  readonly mimeType: string;
  readonly text: string;
}

export type { VCardVersion };

export interface AuRevoirService {
  me(): Promise<Person>;
  mailboxSettings(): Promise<MailboxSettings>;
  /**
   * Whether this mailbox can book Teams meetings (its calendar's allowedOnlineMeetingProviders): where it
   * cannot, Exchange silently creates the event without a join link, so the wizard offers a place instead.
   */
  onlineMeetings(): Promise<{ readonly teamsAllowed: boolean }>;
  departures(): Promise<readonly Departure[]>;
  /** The departures added by hand, from the manager's mailbox: the same list on every device. */
  addedDepartures(): Promise<readonly AddedDeparture[]>;
  /** Applies `change` to the latest list (another device may have changed it), saves and returns it. */
  updateAddedDepartures(change: (current: readonly AddedDeparture[]) => readonly AddedDeparture[]): Promise<readonly AddedDeparture[]>;
  searchPeople(query: string): Promise<readonly Person[]>;
  suggestSlots(input: { attendeeEmail: string; before: IsoDate; durationMinutes: number; now: Date }): Promise<readonly SlotSuggestion[]>;
  checkSlot(input: { attendeeEmail: string; start: string; end: string }): Promise<SlotCheck>;
  bookPlan(plan: Plan, onProgress?: (p: BookingProgress) => void): Promise<Receipt>;
  /**
   * The id of a booking for this leaver that started (on any of the manager's devices: the journal is
   * in the mailbox) and did not finish (a reload or a lost connection interrupted it), so that booking
   * again completes that plan rather than starting a second one. Optional: services without a journal
   * (tests) have none.
   */
  pendingPlanFor?(leaverMail: string): Promise<PlanId | undefined>;
  listAlumni(now: Date): Promise<readonly Alumnus[]>;
  /**
   * `kind` (what kind of touchpoint it was) and `lang` (of the log's heading and kind label; default:
   * the mailbox's language) are optional additions; the date is written in the mailbox's time zone.
   */
  markReconnected(input: { contactId: string; note: string; at: Date; kind?: TouchpointKind; lang?: Lang }): Promise<void>;
  snooze(input: { eventId: string; days: number }): Promise<void>;
  stopReminders(planId: PlanId, now: Date): Promise<void>;
  cancelPlan(planId: PlanId, now: Date): Promise<void>;

  // Real contact resets the rhythm (workflows/real-contact.ts). Optional: services without it (the add-in,
  // older fakes) simply show no notice and no switch.
  /** Looks for real contact with each alumnus, applies what is new, returns why "last contacted" moved. */
  findRealContact?(now: Date): Promise<readonly RealContactNotice[]>;
  /** Takes back the last applied real contact of one alumnus (reminders' dates and the log line). */
  undoRealContact?(contactId: string): Promise<void>;
  /** Whether mail exchanged with alumni counts too (the manager's choice, kept in the mailbox). */
  mailMatching?(): Promise<boolean>;
  /** Turning it on asks for Mail.ReadBasic first (incremental consent); a refusal leaves it off. */
  setMailMatching?(on: boolean): Promise<boolean>;

  // Issue 12: the outcome log and forgetting a person. Optional, so services that do not keep alumni
  // (the add-in's fakes) need not offer them; the app's service and the lazy stand-in always do.
  /** Logs what they became or a good turn; `date` is a calendar date. Returns the log, newest first. */
  addOutcome?(input: { contactId: string; kind: OutcomeKind; date: IsoDate; note: string }): Promise<readonly OutcomeEntry[]>;
  removeOutcome?(input: { contactId: string; outcomeId: string }): Promise<readonly OutcomeEntry[]>;
  forgetPreview?(planId: PlanId): Promise<ForgetPreview>;
  /** Deletes the contact (photo, outcome log, consent with it) and every event of the plan, batched. */
  forgetPerson?(planId: PlanId): Promise<ForgetResult>;

  // The HR partner at scale (issue 12). Optional: services without it (the add-in, older fakes) have no
  // HR partner screen.
  /** Departures across the organisation whose last day is within `withinDays` of `now`. */
  organisationDepartures?(input: { readonly now: Date; readonly withinDays: number }): Promise<OrgDepartures>;
  /** Books many plans in the signed-in user's mailbox; one failure never stops the others. */
  bookPlans?(plans: readonly Plan[], options?: BulkBookingOptions): Promise<readonly BulkPlanResult[]>;

  // Portable copies (issue 12): the writers load on the first export, not with the screens.
  /** One alumnus as a vCard (3.0 for phones, 4.0 for CardDAV address books), photo and notes included. */
  exportContact(input: { contactId: string; version: VCardVersion }): Promise<ExportFile>;
  /** The plan's reminders still ahead as an .ics file; texts in `lang` (default: the mailbox's language). */
  exportReminders(input: { planId: PlanId; now: Date; lang?: Lang }): Promise<ExportFile>;
}

export interface RealContactNotice {
  readonly contactId: string;
  readonly source: 'event' | 'mail';
  /** The event's or message's subject, as the manager's own mailbox has it. */
  readonly subject: string;
  /** ISO date on the manager's calendar. */
  readonly date: IsoDate;
  readonly previousLastContacted?: IsoDate;
  /** The next reminder's move, wall clock in the mailbox's zone. */
  readonly moved?: { readonly from: string; readonly to: string };
}
