import { AppError } from '../domain/errors';
import type { AuRevoirService } from './service';

/**
 * The service, loaded on its first call. The workflows, the Graph client, the dates and the plan's
 * validation weigh more than the first screen (sign-in, a spinner) that needs none of them, so the
 * apps hand this stand-in to their screens and the code comes over the network when a screen first
 * asks Graph something. Every method of the service returns a promise, so nothing else changes.
 * A failed load (a dropped connection) is a retryable network error, and the next call loads again.
 */
type OptionalMethod = 'addOutcome' | 'removeOutcome' | 'forgetPreview' | 'forgetPerson';
const optional = <K extends OptionalMethod>(s: AuRevoirService, name: K): NonNullable<AuRevoirService[K]> => {
  const method = s[name];
  if (!method) throw new AppError({ code: 'unexpected', detail: `this service has no ${name}` });
  return method.bind(s) as NonNullable<AuRevoirService[K]>;
};

export const lazyService = (load: () => Promise<AuRevoirService>): AuRevoirService => {
  let loading: Promise<AuRevoirService> | undefined;
  const service = (): Promise<AuRevoirService> => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw AppError.is(e) ? e : new AppError({ code: 'network', detail: 'could not load the app’s Graph code', cause: e });
    });
    return loading;
  };
  return {
    me: async () => (await service()).me(),
    mailboxSettings: async () => (await service()).mailboxSettings(),
    onlineMeetings: async () => (await service()).onlineMeetings(),
    departures: async () => (await service()).departures(),
    addedDepartures: async () => (await service()).addedDepartures(),
    updateAddedDepartures: async (change) => (await service()).updateAddedDepartures(change),
    searchPeople: async (query) => (await service()).searchPeople(query),
    suggestSlots: async (input) => (await service()).suggestSlots(input),
    checkSlot: async (input) => (await service()).checkSlot(input),
    bookPlan: async (plan, onProgress) => (await service()).bookPlan(plan, onProgress),
    // Optional on the service (only with a booking journal), so the compiler would not miss it here:
    // always offered, answered by the loaded service when it has one.
    pendingPlanFor: async (leaverMail) => {
      const loaded = await service();
      return loaded.pendingPlanFor ? loaded.pendingPlanFor(leaverMail) : undefined;
    },
    listAlumni: async (now) => (await service()).listAlumni(now),
    markReconnected: async (input) => (await service()).markReconnected(input),
    snooze: async (input) => (await service()).snooze(input),
    stopReminders: async (planId, now) => (await service()).stopReminders(planId, now),
    cancelPlan: async (planId, now) => (await service()).cancelPlan(planId, now),
    // Optional on the service: offered always, answered when the loaded service has them.
    findRealContact: async (now) => {
      const loaded = await service();
      return loaded.findRealContact ? loaded.findRealContact(now) : [];
    },
    undoRealContact: async (contactId) => {
      const loaded = await service();
      if (loaded.undoRealContact) await loaded.undoRealContact(contactId);
    },
    mailMatching: async () => {
      const loaded = await service();
      return loaded.mailMatching ? loaded.mailMatching() : false;
    },
    setMailMatching: async (on) => {
      const loaded = await service();
      return loaded.setMailMatching ? loaded.setMailMatching(on) : false;
    },
    // Issue 12, optional on the service (see service.ts): offered here, refused when the loaded one has none.
    addOutcome: async (input) => optional(await service(), 'addOutcome')(input),
    removeOutcome: async (input) => optional(await service(), 'removeOutcome')(input),
    forgetPreview: async (planId) => optional(await service(), 'forgetPreview')(planId),
    forgetPerson: async (planId) => optional(await service(), 'forgetPerson')(planId),
    // The HR partner's screen (optional on the service, like pendingPlanFor): always offered here.
    organisationDepartures: async (input) => {
      const loaded = await service();
      if (!loaded.organisationDepartures) return { canReadLeaveDates: false, departures: [] };
      return loaded.organisationDepartures(input);
    },
    bookPlans: async (plans, options) => {
      const loaded = await service();
      if (!loaded.bookPlans) throw new AppError({ code: 'unexpected', detail: 'this service books no plans in bulk' });
      return loaded.bookPlans(plans, options);
    },
    exportContact: async (input) => (await service()).exportContact(input),
    exportReminders: async (input) => (await service()).exportReminders(input),
  };
};
