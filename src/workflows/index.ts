import { DateTime } from 'luxon';
import type { TokenProvider } from '../auth';
import { AppError } from '../domain/errors';
import { validatePlan } from '../domain/plan';
import type { Plan } from '../domain/plan/model';
import type { PlanId } from '../domain/types';
import {
  createBookingGateway,
  createCalendarGateway,
  createContactsGateway,
  createDirectoryGateway,
  createGraphClient,
  type DirectoryPerson,
  type FetchImpl,
  type MailboxInfo,
} from '../graph';
import { cancelPlan, langOf, listAlumni, markReconnected, snooze, stopReminders } from './alumni';
import { bookPlan } from './book';
import { bookPlans, type BookPlansOptions, type BulkResult } from './bulk';
import type { AuRevoirService, Departure, Person, PlanState } from './service';

export { bookPlan, type BookPlanDeps, type BookPlanOptions } from './book';
export { bookPlans, type BookPlansOptions, type BulkProgress, type BulkResult } from './bulk';
export { cancelPlan, listAlumni, markReconnected, snooze, stopReminders, type AlumniDeps } from './alumni';
export { wantedObjects } from './drafts';
export type * from './service';

export interface AuRevoirServiceOptions {
  /** Graph's v1.0 root: `https://graph.microsoft.com/v1.0` or the sandbox's `<url>/v1.0`. */
  readonly graphBaseUrl: string;
  readonly tokenProvider: TokenProvider;
  readonly fetchImpl?: FetchImpl;
  /** Bound and default delay of the SDK's RetryHandler (seconds). */
  readonly maxRetries?: number;
  readonly retryDelaySeconds?: number;
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

/** Runs `fn`, turning anything thrown into an AppError: the apps only ever see AppErrors. */
const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    throw AppError.from(e);
  }
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
  const graph = createGraphClient({
    baseUrl: options.graphBaseUrl,
    tokenProvider: options.tokenProvider,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelaySeconds !== undefined ? { retryDelaySeconds: options.retryDelaySeconds } : {}),
  });
  const directory = createDirectoryGateway(graph);
  const calendar = createCalendarGateway(graph);
  const contacts = createContactsGateway(graph);
  const booking = createBookingGateway(graph);
  const alumniDeps = { calendar, contacts };
  // Plans this session has tried to book: a second try starts with a lookup (see bookPlan).
  const attempted = new Set<string>();
  let meCache: Promise<Person> | undefined;
  let settingsCache: Promise<MailboxInfo> | undefined;
  const settings = (): Promise<MailboxInfo> => {
    settingsCache ??= calendar.mailboxSettings().then(
      (s) => {
        graph.setTimeZone(s.timeZone); // later reads come back in the manager's wall clock
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

    searchPeople: (query) => guard(async () => (await directory.searchPeople(query)).map((p) => toPerson(p))),

    suggestSlots: ({ attendeeEmail, before, durationMinutes, now }) =>
      guard(async () => {
        const end = DateTime.fromISO(before, { zone: 'UTC' }).endOf('day');
        if (!end.isValid || end.toMillis() <= now.getTime()) return [];
        return calendar.findMeetingTimes({ attendeeEmail, startUtc: now.toISOString(), endUtc: end.toISO() ?? '', durationMinutes });
      }),

    checkSlot: ({ attendeeEmail, start, end }) =>
      guard(async () => {
        const self = await me();
        const emails = [...new Set([self.mail, attendeeEmail].filter(Boolean))];
        const result = await calendar.freeBusy({ emails, startUtc: new Date(start).toISOString(), endUtc: new Date(end).toISOString() });
        const busy = result.filter((r) => r.busy).map((r) => r.email);
        return { free: busy.length === 0, busy };
      }),

    bookPlan: (plan, onProgress) =>
      guard(async () => {
        const valid = checked(plan);
        const resume = attempted.has(valid.id);
        attempted.add(valid.id);
        return bookPlan({ booking }, valid, { resume, ...(onProgress ? { onProgress } : {}) });
      }),

    bookPlans: (plans, bulkOptions = {}) =>
      guard(async () => {
        const valid = plans.map(checked);
        const before = new Set(valid.filter((p) => attempted.has(p.id)).map((p) => p.id));
        for (const p of valid) attempted.add(p.id);
        return bookPlans({ booking }, valid, { ...bulkOptions, attempted: before });
      }),

    // The alumni's log lines use the kind labels of the mailbox's language.
    listAlumni: (now) => guard(async () => listAlumni(alumniDeps, now, langOf((await settings()).locale))),
    markReconnected: (input) => guard(() => markReconnected(alumniDeps, input)),
    snooze: (input) => guard(() => snooze(alumniDeps, input)),
    stopReminders: (planId, now) => guard(() => stopReminders(alumniDeps, planId, now)),
    cancelPlan: (planId, now) => guard(() => cancelPlan(alumniDeps, planId, now)),
  };
};

/** A fresh plan id (the workflow mints them; the domain stays deterministic). */
export const newPlanId = (): PlanId => crypto.randomUUID() as PlanId;

