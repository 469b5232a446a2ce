import { DateTime } from 'luxon';
import { AppError } from '../domain/errors';
import { earliestSuggestion } from '../domain/dates';
import { langFromLocale } from '../domain/lang';
import { validatePlan } from '../domain/plan';
import type { Plan } from '../domain/plan/model';
import { planId, type PlanId } from '../domain/types';
import {
  createBookingGateway,
  createCalendarGateway,
  toWindowsZone,
  createContactsGateway,
  createForgetGateway,
  createDirectoryGateway,
  createPortableGateway,
  createMailboxStateGateway,
  createRealContactGateway,
  LATER_SCOPES,
  type DirectoryPerson,
  type MailboxInfo,
} from '../graph';
import { cancelPlan, listAlumni, markReconnected, snooze, stopReminders } from './alumni';
import { forgetPerson, forgetPreview, logOutcome, unlogOutcome } from './outcomes';
import { bookPlan } from './book';
import { bookPlans, type BookPlansOptions, type BulkResult } from './bulk';
import { createBookingJournal, type BookingJournal, type KeyValueStore } from './journal';
import { listAddedDepartures, updateAddedDepartures } from './added';
import { createMailboxState } from './state';
import { findRealContact, mailMatching, setMailMatching, undoRealContact } from './real-contact';
import { organisationDepartures } from './hr';
import { exportContact, exportReminders } from './export';
import { graphClientFor, guard, type GraphSessionOptions } from './session';
import type { AuRevoirService, Departure, Person, PlanState } from './service';

export { bookPlan, type BookPlanDeps, type BookPlanOptions } from './book';
export { bookPlans, type BookPlansOptions, type BulkProgress, type BulkResult } from './bulk';
export { cancelPlan, listAlumni, markReconnected, snooze, stopReminders, type AlumniDeps } from './alumni';
export { forgetPerson, forgetPreview, logOutcome, unlogOutcome, type ForgetDeps, type OutcomeDeps } from './outcomes';
export { exportContact, exportReminders, type ExportDeps } from './export';
export { wantedObjects } from './drafts';
export { createBookingJournal, JOURNAL_KEY, type BookingJournal, type KeyValueStore } from './journal';
export { JOURNAL_STATE_KEY, parseJournal, type JournalDocument, type JournalEntry } from './journal';
export { createMailboxState, type MailboxState } from './state';
export { findRealContact, mailMatching, setMailMatching, undoRealContact, MAIL_MATCHING_KEY, type RealContactDeps } from './real-contact';
export { bulkPlanId, organisationDepartures } from './hr';
export { ADDED_DEPARTURES_KEY, mergeLegacyDepartures, parseAddedDepartures } from './added';
export type * from './service';

export interface AuRevoirServiceOptions extends GraphSessionOptions {
  /**
   * Unfinished bookings remembered across reloads and devices (journal.ts). Without one, only this
   * session's attempts are known, and a booking retried after a reload may create a second contact.
   */
  readonly journal?: BookingJournal;
  /**
   * Or: the service keeps the journal in the manager's mailbox (journal.ts), and this is the browser's
   * storage where an earlier version may have left its journal (moved into the mailbox once, then
   * removed). What the tab passes, so the journal's code loads with the workflows.
   */
  readonly journalStore?: KeyValueStore;
  /** The mailbox journal without any browser storage to move from (the task pane, a browser refusing localStorage). */
  readonly mailboxJournal?: boolean;
}

/** The service plus what the HR partner's bulk screen needs. */
export interface AuRevoirServiceExt extends AuRevoirService {
  bookPlans(plans: readonly Plan[], options?: Omit<BookPlansOptions, 'attempted'>): Promise<BulkResult[]>;
}

/**
 * Nothing reaches the mailbox unless validatePlan accepts it; what is booked is its normalised plan
 * (trimmed texts, mobile in E.164). The UI validates field by field before; this is the last gate.
 */
const checked = (plan: Plan): Plan => {
  const result = validatePlan(plan, { now: new Date() });
  if (result.ok) return result.plan;
  throw new AppError({
    code: 'validation',
    detail: `plan ${plan.id} is not valid: ${result.problems.map((p) => `${p.field} ${p.code}`).join(', ')}`,
    params: { count: result.problems.length },
  });
};


const toPerson = (p: DirectoryPerson, photoDataUrl?: string): Person => ({
  id: p.id,
  displayName: p.displayName,
  mail: p.mail,
  ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
  ...(p.leaveDate ? { leaveDate: p.leaveDate } : {}),
  ...(photoDataUrl ? { photoDataUrl } : {}),
});

/**
 * Au revoir on top of Microsoft Graph. One Graph client per service (per signed-in session), never
 * shared through a module: the base URL and the token provider are injected.
 */
export const createAuRevoirService = (options: AuRevoirServiceOptions): AuRevoirServiceExt => {
  const graph = graphClientFor(options);
  const directory = createDirectoryGateway(graph);
  const calendar = createCalendarGateway(graph);
  const contacts = createContactsGateway(graph);
  const booking = createBookingGateway(graph);
  const alumniDeps = { calendar, contacts };
  const forgetDeps = { calendar, contacts, forget: createForgetGateway(graph) };
  const exportDeps = { calendar, contacts, portable: createPortableGateway(graph) };
  // The app's state in the mailbox (hand-added departures...); its contact is named in the mailbox's language.
  const state = createMailboxState(createMailboxStateGateway(graph), async () => langFromLocale((await settings()).locale));
  const realContactDeps = { calendar, contacts, realContact: createRealContactGateway(graph), state };
  const journal =
    options.journal ??
    (options.journalStore || options.mailboxJournal ? createBookingJournal(state, options.journalStore ? { legacyStore: options.journalStore } : {}) : undefined);
  /** The booking is done either way: a journal that could not be cleared only makes a later retry look first. */
  const forget = async (planId: string): Promise<void> => {
    try {
      await journal?.completed(planId);
    } catch (e: unknown) {
      console.warn('Au revoir: could not clear a finished booking from the journal', e instanceof Error ? e.message : String(e));
    }
  };
  // Plans this session has tried to book: a second try starts with a lookup (see bookPlan).
  const attempted = new Set<string>();
  let meCache: Promise<Person> | undefined;
  let settingsCache: Promise<MailboxInfo> | undefined;
  const settings = (): Promise<MailboxInfo> => {
    settingsCache ??= calendar.mailboxSettings().then(
      (s) => {
        // Later reads come back in the manager's wall clock. As a Windows name: Graph takes every Windows zone
        // but only a listed few IANA ones (src/graph/timezones.ts), and the Prefer header is no exception.
        graph.setTimeZone(toWindowsZone(s.timeZone));
        return s;
      },
      (e: unknown) => {
        settingsCache = undefined;
        throw e;
      },
    );
    return settingsCache;
  };

  const me = (): Promise<Person> => {
    meCache ??= guard(async () => toPerson(await directory.me())).catch((e: unknown) => {
      meCache = undefined;
      throw e;
    });
    return meCache;
  };

  return {
    me,

    mailboxSettings: () =>
      guard(async () => {
        settingsCache = undefined; // the screen asks for fresh settings
        const s = await settings();
        return { timeZone: s.timeZone, workingHours: s.workingHours };
      }),

    onlineMeetings: () => guard(async () => ({ teamsAllowed: (await calendar.calendarInfo()).teamsAllowed })),

    departures: () =>
      guard(async () => {
        const [reports, events] = await Promise.all([directory.directReports(), calendar.appEvents()]);
        const now = Date.now();
        return reports.map((person): Departure => {
          const mail = person.mail.toLowerCase();
          const conversation = events.find((e) => e.role === 'conversation' && !e.isCancelled && e.attendees.some((a) => a.toLowerCase() === mail));
          let state: PlanState = 'notPlanned';
          if (conversation?.planId) {
            const held = conversation.end ? Date.parse(`${conversation.end.replace(/\.\d+$/, '')}Z`) < now : false;
            const reminders = events.some((e) => e.planId === conversation.planId && (e.role?.startsWith('touchpoint:') || e.role?.startsWith('series:')));
            state = held ? (reminders ? 'remindersActive' : 'held') : 'booked';
          }
          return {
            person: toPerson(person),
            ...(person.leaveDate ? { lastWorkingDay: person.leaveDate } : {}),
            source: 'directReport',
            state,
            ...(conversation?.planId ? { planId: conversation.planId as PlanId } : {}),
          };
        });
      }),

    addedDepartures: () => guard(() => listAddedDepartures(state)),
    updateAddedDepartures: (change) => guard(() => updateAddedDepartures(state, change)),

    searchPeople: (query) => guard(async () => (await directory.searchPeople(query)).map((p) => toPerson(p))),

    suggestSlots: ({ attendeeEmail, before, durationMinutes, now }) =>
      guard(async () => {
        const end = DateTime.fromISO(before, { zone: 'UTC' }).endOf('day');
        const start = earliestSuggestion(now);
        if (!end.isValid || end.toMillis() <= start.getTime()) return [];
        return calendar.findMeetingTimes({ attendeeEmail, startUtc: start.toISOString(), endUtc: end.toISO() ?? '', durationMinutes });
      }),

    checkSlot: ({ attendeeEmail, start, end }) =>
      guard(async () => {
        const self = await me();
        const emails = [...new Set([self.mail, attendeeEmail].filter(Boolean))];
        const result = await calendar.freeBusy({ emails, startUtc: new Date(start).toISOString(), endUtc: new Date(end).toISOString() });
        const busy = result.filter((r) => r.availability === 'busy').map((r) => r.email);
        // A calendar nobody could read is not a free one: the slot is free only when every answer says so.
        const unknown = result.filter((r) => r.availability === 'unknown').map((r) => r.email);
        return { free: busy.length === 0 && unknown.length === 0, busy, unknown };
      }),

    bookPlan: (plan, onProgress) =>
      guard(async () => {
        const valid = checked(plan);
        // Written before the first request leaves: a reload (on any device) during the booking must find
        // it. Not written, not booked: nothing was created yet, so the error is safe to retry.
        const earlier = (await journal?.started(valid.id, { managerMail: valid.manager.email, leaverMail: valid.leaver.workEmail })) === true;
        const resume = attempted.has(valid.id) || earlier;
        attempted.add(valid.id);
        const receipt = await bookPlan({ booking }, valid, { resume, ...(onProgress ? { onProgress } : {}) });
        if (receipt.complete) await forget(valid.id);
        return receipt;
      }),

    pendingPlanFor: (leaverMail) =>
      guard(async () => {
        if (!journal) return undefined;
        return journal.pendingFor({ managerMail: (await me()).mail, leaverMail });
      }),

    bookPlans: (plans, bulkOptions = {}) =>
      guard(async () => {
        const valid = plans.map(checked);
        const before = new Set(valid.filter((p) => attempted.has(p.id)).map((p) => p.id));
        for (const p of valid) attempted.add(p.id);
        return bookPlans({ booking }, valid, { ...bulkOptions, attempted: before });
      }),

    organisationDepartures: (input) => guard(() => organisationDepartures(directory, input, (p) => toPerson(p))),

    // The alumni's log lines use the kind labels of the mailbox's language.
    listAlumni: (now) => guard(async () => listAlumni(alumniDeps, now, langFromLocale((await settings()).locale))),
    markReconnected: (input) => guard(() => markReconnected(alumniDeps, input)),
    snooze: (input) => guard(() => snooze(alumniDeps, input)),
    stopReminders: (planId, now) => guard(() => stopReminders(alumniDeps, planId, now)),
    cancelPlan: (planId, now) =>
      guard(async () => {
        await cancelPlan(alumniDeps, planId, now);
        // A cancelled plan is not one to resume: a later plan for the same person starts afresh.
        await forget(planId);
      }),

    // Real contact resets the rhythm; the log's words in the mailbox's language, as markReconnected's.
    findRealContact: (now) => guard(async () => findRealContact(realContactDeps, now, langFromLocale((await settings()).locale))),
    undoRealContact: (contactId) => guard(() => undoRealContact(realContactDeps, contactId)),
    mailMatching: () => guard(() => mailMatching(state)),
    setMailMatching: (on) =>
      guard(() =>
        setMailMatching(state, on, async () => {
          // Incremental consent: Mail.ReadBasic is asked for here, when the manager turns the switch on, and never before.
          const scopes = [LATER_SCOPES.mailReadBasic];
          if (options.tokenProvider.consent) await options.tokenProvider.consent(scopes);
          else await options.tokenProvider.getToken(scopes);
        }),
      ),

    // Issue 12: outcome log (ids minted here: the domain stays deterministic) and Forget.
    addOutcome: ({ contactId, kind, date, note }) => guard(() => logOutcome({ contacts }, contactId, { id: crypto.randomUUID(), kind, date, note })),
    removeOutcome: ({ contactId, outcomeId }) => guard(() => unlogOutcome({ contacts }, contactId, outcomeId)),
    forgetPreview: (planId) => guard(() => forgetPreview(forgetDeps, planId)),
    forgetPerson: (planId) => guard(() => forgetPerson(forgetDeps, planId)),
    exportContact: (input) => guard(() => exportContact(exportDeps, input)),
    exportReminders: ({ planId, now, lang }) =>
      guard(async () => exportReminders(exportDeps, { planId, now, lang: lang ?? langFromLocale((await settings()).locale) })),
  };
};

/** A fresh plan id (the workflow mints them; the domain stays deterministic). */
export const newPlanId = (): PlanId => planId(crypto.randomUUID());

export { createMeetingService, findMeetingPlan, keepSummary, type MeetingDeps, type MeetingPlan, type MeetingService } from './meeting';
