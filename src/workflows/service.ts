import type { Plan } from '../domain/plan/model';
import type { TouchpointKind } from '../domain/cadence/model';
import type { IanaTimeZone, IsoDate, Lang, PlanId, WorkingHours } from '../domain/types';

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
  readonly free: boolean;
  /** Who is busy then (display names or emails). */
  readonly busy: readonly string[];
}

export type BookedObjectKind = 'category' | 'contact' | 'contactPhoto' | 'conversation' | 'prepReminder' | 'touchpoint' | 'series';

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

export interface Alumnus {
  readonly planId: PlanId;
  readonly contactId: string;
  readonly displayName: string;
  readonly personalEmail?: string;
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  /** ISO instant, or undefined when never logged. */
  readonly lastContacted?: string;
  readonly nextTouchpoint?: { readonly eventId: string; readonly start: string; readonly kind: TouchpointKind };
  readonly overdue: boolean;
  /** The dated reconnect log, newest first. */
  readonly notes: readonly string[];
}

export interface AuRevoirService {
  me(): Promise<Person>;
  mailboxSettings(): Promise<MailboxSettings>;
  departures(): Promise<readonly Departure[]>;
  searchPeople(query: string): Promise<readonly Person[]>;
  suggestSlots(input: { attendeeEmail: string; before: IsoDate; durationMinutes: number; now: Date }): Promise<readonly SlotSuggestion[]>;
  checkSlot(input: { attendeeEmail: string; start: string; end: string }): Promise<SlotCheck>;
  bookPlan(plan: Plan, onProgress?: (p: BookingProgress) => void): Promise<Receipt>;
  listAlumni(now: Date): Promise<readonly Alumnus[]>;
  /**
   * `kind` (what kind of touchpoint it was) and `lang` (of the log's heading and kind label; default:
   * the mailbox's language) are optional additions; the date is written in the mailbox's time zone.
   */
  markReconnected(input: { contactId: string; note: string; at: Date; kind?: TouchpointKind; lang?: Lang }): Promise<void>;
  snooze(input: { eventId: string; days: number }): Promise<void>;
  stopReminders(planId: PlanId, now: Date): Promise<void>;
  cancelPlan(planId: PlanId, now: Date): Promise<void>;
}
