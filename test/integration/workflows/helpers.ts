import { createSandbox, type Sandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { defaultAgenda } from '../../../src/domain/agenda';
import { CADENCE_PRESETS } from '../../../src/domain/cadence';
import type { Plan } from '../../../src/domain/plan/model';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId } from '../../../src/domain/types';
import { createAuRevoirService } from '../../../src/workflows';

export const MANAGER = 'claire.martin@contoso.example';

export const startSandbox = (opts: Parameters<typeof createSandbox>[0] = {}): Promise<Sandbox> =>
  createSandbox({ port: 0, dataFile: null, ...opts });

export const serviceFor = (sandbox: Sandbox, user = MANAGER) =>
  createAuRevoirService({
    graphBaseUrl: sandbox.graphUrl,
    tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user }),
    retryDelaySeconds: 0.05,
  });

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
      lastWorkingDay: isoDate('2027-03-12'),
      jobTitle: leaver.jobTitle ?? undefined,
      personalEmail: 'emilie.l@example.org',
      mobilePhone: '+33612345678',
      profileUrl: 'https://www.linkedin.com/in/emilie-laurent',
      nextCompany: 'Fabrikam',
      nextRole: 'Lead designer',
      consentToKeepContact: true,
    },
    conversation: {
      start: localDateTime('2027-03-03T14:00'),
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
