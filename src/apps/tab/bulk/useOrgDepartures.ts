import { useRef } from 'react';
import { useLoad, type LoadState } from '../../../ui/useLoad';
import type { AuRevoirService, OrgDepartures } from '../../../workflows/service';
import { DEFAULT_WINDOW_DAYS, forgetOrgDepartures, orgDeparturesOnce } from './access';

/** The organisation's departures within `withinDays` of today, as read. */
export interface WindowedDepartures extends OrgDepartures {
  readonly withinDays: number;
}

export interface OrgDeparturesLoad {
  readonly state: LoadState<WindowedDepartures>;
  /** Reads the departures again, from the directory (not the answer the tab read to offer the screen). */
  readonly refresh: () => void;
  /** Reads the departures within another window. */
  readonly showWindow: (days: number) => void;
}

/** The HR partner's list: the organisation's departures in a window of days, read from the directory. */
export const useOrgDepartures = (service: AuRevoirService, now: () => Date): OrgDeparturesLoad => {
  // The window asked for last: set by the select (an event), read by the load (after it), never by render.
  const asked = useRef(DEFAULT_WINDOW_DAYS);
  const { state, reload } = useLoad<WindowedDepartures>(async () => {
    const withinDays = asked.current;
    // The default window was read when the tab decided to offer this screen (bulk/access.ts).
    if (withinDays === DEFAULT_WINDOW_DAYS) return { ...(await orgDeparturesOnce(service, now())), withinDays };
    if (!service.organisationDepartures) return { canReadLeaveDates: false, departures: [], withinDays };
    return { ...(await service.organisationDepartures({ now: now(), withinDays })), withinDays };
  });
  const refresh = () => {
    forgetOrgDepartures(service);
    void reload();
  };
  return {
    state,
    refresh,
    showWindow: (days) => {
      asked.current = days;
      refresh();
    },
  };
};
