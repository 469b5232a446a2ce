import { useEffect, useEffectEvent, useState } from 'react';
import type { AuRevoirService, OrgDepartures } from '../../../workflows/service';

/** The window the HR partner's screen opens on, in days. */
export const DEFAULT_WINDOW_DAYS = 90;

// One answer per service (per signed-in user): the probe that decides whether the screen is offered is
// also the screen's first list, so opening it costs no second read.
const cache = new WeakMap<AuRevoirService, Promise<OrgDepartures>>();

/** The organisation's departures in the default window, read once per service. */
export const orgDeparturesOnce = (service: AuRevoirService, now: Date): Promise<OrgDepartures> => {
  let p = cache.get(service);
  if (!p) {
    p = service.organisationDepartures
      ? service.organisationDepartures({ now, withinDays: DEFAULT_WINDOW_DAYS })
      : Promise.resolve({ canReadLeaveDates: false, departures: [] });
    // A failed read is not remembered: the next look asks again.
    p.catch(() => cache.delete(service));
    cache.set(service, p);
  }
  return p;
};

export const forgetOrgDepartures = (service: AuRevoirService): void => {
  cache.delete(service);
};

/**
 * Whether this user gets the HR partner's screen: the directory's own answer (Graph refuses leave dates
 * to whoever lacks the role and the admin-consented scope; DirectoryGateway.leavingUsers), asked once the
 * first screen is idle so it never delays it. No role lookup, no extra scope. Hidden while unknown or on
 * failure: a screen that would only say "not allowed" is not worth a tab.
 */
export const useHrAccess = (service: AuRevoirService | undefined, now: () => Date): boolean => {
  // The answer names the service it is about: another user's (a new sign-in) reads as "not yet known".
  const [answer, setAnswer] = useState<{ readonly service: AuRevoirService; readonly allowed: boolean }>();
  // `now` is a clock, read when asking: a new function each render must not ask again.
  const clock = useEffectEvent(() => now());
  useEffect(() => {
    if (!service?.organisationDepartures) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      orgDeparturesOnce(service, clock()).then(
        (r) => live && setAnswer({ service, allowed: r.canReadLeaveDates }),
        () => live && setAnswer({ service, allowed: false }),
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [service]);
  return answer !== undefined && answer.service === service && answer.allowed;
};
