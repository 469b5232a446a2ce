import { DateTime } from 'luxon';
import { createSandbox, type Sandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { defaultAgenda } from '../../../src/domain/agenda';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import type { Plan } from '../../../src/domain/plan/model';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId } from '../../../src/domain/types';
import { createAuRevoirService } from '../../../src/workflows';

export const MANAGER = 'claire.martin@contoso.example';

/** The sandbox's two $batch behaviours (sandbox/batch.ts): Graph's documented one, and the 429s of older reports. */
export const BATCH_BEHAVIOURS = ['documented', 'reported429'] as const;
export type BatchBehaviour = (typeof BATCH_BEHAVIOURS)[number];

/**
 * `SANDBOX_BATCH_CONCURRENCY=documented|reported429 npx jest test/integration/workflows/…` runs a suite
 * under that $batch behaviour with Exchange's limits on (4 concurrent requests per mailbox, Retry-After 0
 * so the suites stay fast), since without them the behaviours cannot differ. Unset: the suite's own setup.
 */
const fromEnv = process.env.SANDBOX_BATCH_CONCURRENCY as BatchBehaviour | undefined;
/** The behaviour startSandbox runs under (the sandbox's default, 'documented', when the variable is unset). */
export const BATCH_BEHAVIOUR: BatchBehaviour = fromEnv ?? 'documented';
if (fromEnv !== undefined && !BATCH_BEHAVIOURS.includes(fromEnv)) throw new Error(`SANDBOX_BATCH_CONCURRENCY must be one of ${BATCH_BEHAVIOURS.join(', ')}`);

export const startSandbox = (opts: Parameters<typeof createSandbox>[0] = {}): Promise<Sandbox> =>
  createSandbox({
    port: 0,
    dataFile: null,
    ...(fromEnv ? { batchConcurrency: fromEnv, throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 0 } } : {}),
    ...opts,
  });

/**
 * The file's sandbox: one in-process server on a free port, started before the file's tests and closed
 * after them; with `fresh` (the default) every test starts from the seed, without faults. `use` receives
 * it, so a test file keeps its own `let sandbox`.
 */
export const sandboxPerFile = (
  use: (sandbox: Sandbox) => void,
  { fresh = true, ...opts }: Parameters<typeof createSandbox>[0] & { fresh?: boolean } = {},
): void => {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(opts);
    use(sandbox);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  if (fresh) {
    beforeEach(() => {
      sandbox!.reset();
      sandbox!.setFaults([]);
    });
  }
};

export const serviceFor = (sandbox: Sandbox, user = MANAGER) =>
  createAuRevoirService({
    graphBaseUrl: sandbox.graphUrl,
    tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user }),
    retryDelaySeconds: 0.05,
  });

const PARIS = 'Europe/Paris';

/**
 * When the plans here take place, counted from the clock: bookPlan refuses a conversation in the past
 * (conversation.startInPast), so fixed dates fail the day they pass. Tests derive every other moment
 * (a "now" they pass in, a date they expect) from these two with luxon, never from fixed dates.
 *
 * The exit conversation is at 14:00 in Paris on the first Wednesday of a month, on or after the day 13 weeks
 * from now; the last working day is the Friday of the week after, 9 days later. Counted on 2 December 2026
 * that gives 3 and 12 March 2027, the dates the tests were written with. Why that rule:
 * - 13 weeks ahead: tests look at the plan from a month or more before the conversation (cancelling it before
 *   it takes place), and that moment is then still ahead of the real clock, as it would be for a manager;
 * - the first week of a month: the last day is the 10th to the 16th, so a month after it is in the next month
 *   even once moved to a working day, and the first reminder comes a month and 9 to 11 days after the
 *   conversation (the rhythm real contact reads from them is one month); and no change of time in Paris
 *   (last Sundays of March and October) falls between the conversation and its prep the day before.
 */
export const planDates = (now: DateTime = DateTime.now()): { conversation: DateTime; lastDay: DateTime } => {
  const earliest = now.setZone(PARIS).plus({ weeks: 13 }).startOf('day');
  const firstWednesday = (month: DateTime): DateTime => {
    const first = month.startOf('month');
    return first.plus({ days: (3 - first.weekday + 7) % 7 });
  };
  let day = firstWednesday(earliest);
  if (day < earliest) day = firstWednesday(earliest.plus({ months: 1 }));
  return { conversation: day.set({ hour: 14 }), lastDay: DateTime.fromISO(day.plus({ days: 9 }).toISODate()!, { zone: 'utc' }) };
};

/**
 * The dates of every makePlan in this process (see planDates). `conversation` is in Paris; `lastDay` is that
 * date at 00:00 UTC, so that tests write the moments they look from in UTC, `lastDay.plus({ days: 8, hours: 10 })`.
 */
export const PLAN_DATES = planDates();

let counter = 0;
/** A full plan for a seeded direct report: Teams meeting, prep block, gentle cadence, contact with photo. */
export const makePlan = (sandbox: Sandbox, over: Partial<Plan> = {}, leaverUpn = 'emilie.laurent@contoso.example'): Plan => {
  const leaver = sandbox.store.user(leaverUpn);
  if (!leaver) throw new Error(`no seeded user ${leaverUpn}`);
  counter += 1;
  return {
    id: planId(`00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`),
    manager: { displayName: 'Claire Martin', email: MANAGER, workingHours: DEFAULT_WORKING_HOURS },
    leaver: {
      userId: leaver.id,
      displayName: leaver.displayName,
      workEmail: leaver.mail,
      lastWorkingDay: isoDate(PLAN_DATES.lastDay.toISODate()!),
      jobTitle: leaver.jobTitle ?? undefined,
      personalEmail: 'emilie.l@example.org',
      mobilePhone: '+33612345678',
      profileUrl: 'https://www.linkedin.com/in/emilie-laurent',
      nextCompany: 'Fabrikam',
      nextRole: 'Lead designer',
      consentToKeepContact: true,
    },
    conversation: {
      start: localDateTime(PLAN_DATES.conversation.toFormat("yyyy-MM-dd'T'HH:mm")),
      durationMinutes: 60,
      timeZone: ianaTimeZone('Europe/Paris'),
      place: { kind: 'teams' },
    },
    agenda: defaultAgenda('fr'),
    prepNotes: 'Parler du projet <Atlas> & de sa mise en relation avec Fabrikam.',
    prepReminder: { minutesBefore: 24 * 60, durationMinutes: 30 },
    cadence: CADENCE_PRESETS.gentle,
    reconnect: true,
    ...over,
  };
};
