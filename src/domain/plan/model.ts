import type { Agenda } from '../agenda/model';
import type { Cadence } from '../cadence/model';
import type { IanaTimeZone, IsoDate, Lang, LocalDateTime, Localized, PlanId, WorkingHours } from '../types';

export interface Leaver {
  /** Directory id when the leaver was picked from the directory. */
  readonly userId?: string;
  readonly displayName: string;
  readonly workEmail: string;
  readonly lastWorkingDay: IsoDate;
  readonly jobTitle?: string;
  // Personal details, kept only with consent.
  readonly personalEmail?: string;
  /** As typed; validated and normalised to E.164 by validatePlan. */
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly nextCompany?: string;
  readonly nextRole?: string;
  readonly consentToKeepContact: boolean;
}

export type MeetingPlace =
  | { readonly kind: 'teams' }
  | { readonly kind: 'place'; readonly location: string };

export interface Conversation {
  /** Wall-clock start in `timeZone`. */
  readonly start: LocalDateTime;
  readonly durationMinutes: number;
  readonly timeZone: IanaTimeZone;
  readonly place: MeetingPlace;
}

export interface Manager {
  readonly displayName: string;
  readonly email: string;
  readonly workingHours: WorkingHours;
}

export interface PrepReminder {
  /** How long before the conversation the prep block starts. */
  readonly minutesBefore: number;
  readonly durationMinutes: number;
}

/** What the leaver agreed to, as the app showed it when the manager booked (issue 12: consent that lasts). */
export interface PlanConsentRecord {
  /** ISO instant the manager booked with the consent box ticked. */
  readonly givenAt: string;
  readonly channel: 'tabWizard' | 'outlookAddin';
  /** The checkbox's sentence in the plan's language (agenda.lang), the leaver's name in it. */
  readonly text: string;
}

export interface Plan {
  readonly id: PlanId;
  /** Kept with the contact when consentToKeepContact; absent from plans built before issue 12. */
  readonly consentRecord?: PlanConsentRecord;
  readonly manager: Manager;
  readonly leaver: Leaver;
  readonly conversation: Conversation;
  readonly agenda: Agenda;
  /** Private notes for the manager: go into the prep reminder, never into the invite. */
  readonly prepNotes: string;
  /** Undefined: no prep reminder. */
  readonly prepReminder?: PrepReminder;
  readonly cadence: Cadence;
  /** Whether to add the reconnect reminders at all. */
  readonly reconnect: boolean;
  /**
   * Who creates the exit-conversation event. Absent or `book`: bookPlan books it. `outlookItem`:
   * the Outlook add-in applied the template to the meeting the user is composing and Outlook saves
   * that event when it is sent, so bookPlan books everything else (category, contact, prep,
   * reminders) and no second conversation.
   */
  readonly conversationSource?: 'book' | 'outlookItem';
  /**
   * Others invited to the exit conversation besides the leaver: when an HR partner books in her own
   * calendar, the leaver's manager (see README, "The HR partner at scale"). Absent for a manager's plan.
   */
  readonly invitees?: readonly Invitee[];
}

export interface Invitee {
  readonly displayName: string;
  readonly email: string;
}

export type { Lang };

/** One thing to fix in a plan, shown next to the field it concerns. */
export interface PlanProblem {
  /** Stable, for tests and telemetry, e.g. `conversation.startInPast`. */
  readonly code: string;
  /** Dotted path in the plan, e.g. `leaver.personalEmail`, `agenda.sections.2.title`. */
  readonly field: string;
  readonly message: Localized;
}

/** validatePlan's answer: the plan normalised (trimmed, mobile in E.164), or every problem at once. */
export type PlanValidation =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly problems: readonly PlanProblem[] };
