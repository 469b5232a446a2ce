/**
 * The HR partner screen's state, apart from its layout (bulk.test.tsx drives the screen): the window of
 * days the list is read for, a run that stops before anything is booked, and the form's choices turned
 * into the settings every plan is built with.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { DEFAULT_WINDOW_DAYS, useHrAccess } from '../../../src/apps/tab/bulk/access';
import { bulkFormReducer, bulkSettings, initialBulkForm, lacksLocation, type BulkForm, type BulkFormAction } from '../../../src/apps/tab/bulk/form';
import { useBulkRun } from '../../../src/apps/tab/bulk/useBulkRun';
import { useOrgDepartures } from '../../../src/apps/tab/bulk/useOrgDepartures';
import { isoDate } from '../../../src/domain/types';
import type { OrgDeparture, OrgDepartures, SlotSuggestion } from '../../../src/workflows/service';
import { deferred, fakeService, throttled } from '../../fixtures';

const at = new Date('2026-11-25T10:00:00Z');
const now = () => at;
const leaver = (id: string, lastDay: string): OrgDeparture => ({
  person: { id, displayName: id, mail: `${id}@contoso.example` },
  lastWorkingDay: isoDate(lastDay),
});
const soon = leaver('soon', '2026-12-07');
const later = leaver('later', '2027-04-30');

describe('useOrgDepartures: the window of days', () => {
  /** Each read of the directory waits for the test, which answers them in any order. */
  const directory = () => {
    const reads: { withinDays: number; answer: ReturnType<typeof deferred<OrgDepartures>> }[] = [];
    const service = fakeService({
      organisationDepartures: ({ withinDays }) => {
        const answer = deferred<OrgDepartures>();
        reads.push({ withinDays, answer });
        return answer.promise;
      },
    });
    return { service, reads };
  };

  it('reads the window chosen, and shows the list of the last one chosen even when an earlier answer comes later', async () => {
    const { service, reads } = directory();
    const { result } = renderHook(() => useOrgDepartures(service, now));
    await act(async () => reads[0]!.answer.resolve({ canReadLeaveDates: true, departures: [soon] }));
    expect(reads[0]!.withinDays).toBe(DEFAULT_WINDOW_DAYS);
    expect(result.current.state).toEqual(expect.objectContaining({ status: 'ready', data: expect.objectContaining({ withinDays: DEFAULT_WINDOW_DAYS }) }));

    act(() => result.current.showWindow(30));
    act(() => result.current.showWindow(180));
    // Each read asks for the window chosen at that moment.
    expect(reads.slice(1).map((r) => r.withinDays)).toEqual([30, 180]);
    await act(async () => reads[2]!.answer.resolve({ canReadLeaveDates: true, departures: [soon, later] }));
    await act(async () => reads[1]!.answer.resolve({ canReadLeaveDates: true, departures: [] }));
    const state = result.current.state;
    expect(state.status === 'ready' && state.data.withinDays).toBe(180);
    expect(state.status === 'ready' && state.data.departures).toEqual([soon, later]);
  });

  it('the default window is the answer the tab read to offer the screen; Refresh reads the directory again', async () => {
    const service = fakeService({ organisationDepartures: () => Promise.resolve({ canReadLeaveDates: true, departures: [soon] }) });
    const first = renderHook(() => useOrgDepartures(service, now));
    await waitFor(() => expect(first.result.current.state.status).toBe('ready'));
    first.unmount();
    // Opened again (another visit to the screen): no second read.
    const second = renderHook(() => useOrgDepartures(service, now));
    await waitFor(() => expect(second.result.current.state.status).toBe('ready'));
    expect(service.organisationDepartures).toHaveBeenCalledTimes(1);
    act(() => second.result.current.refresh());
    await waitFor(() => expect(second.result.current.state.status).toBe('ready'));
    expect(service.organisationDepartures).toHaveBeenCalledTimes(2);
  });
});

describe('useHrAccess: whether the HR partner’s screen is offered', () => {
  it('hidden until the directory answers; a new sign-in is hidden again until its own answer; a re-render does not ask again', async () => {
    const hr = fakeService({ organisationDepartures: () => Promise.resolve({ canReadLeaveDates: true, departures: [] }) });
    const manager = deferred<OrgDepartures>();
    const other = fakeService({ organisationDepartures: () => manager.promise });
    // A new clock function on every render, as App passes it.
    const { result, rerender } = renderHook(({ service }) => useHrAccess(service, () => new Date(at)), { initialProps: { service: hr } });
    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
    rerender({ service: hr });
    rerender({ service: hr });
    expect(hr.organisationDepartures).toHaveBeenCalledTimes(1);
    expect(hr.organisationDepartures).toHaveBeenCalledWith({ now: at, withinDays: DEFAULT_WINDOW_DAYS });

    rerender({ service: other });
    expect(result.current).toBe(false);
    await waitFor(() => expect(other.organisationDepartures).toHaveBeenCalledTimes(1));
    await act(async () => manager.resolve({ canReadLeaveDates: false, departures: [] }));
    expect(result.current).toBe(false);
  });
});

describe('useBulkRun', () => {
  const settings = bulkSettings(initialBulkForm('en'));

  it('a run that stops before booking (the mailbox is busy) goes back to the form with the error, and books nothing', async () => {
    const bookPlans = jest.fn();
    const service = fakeService({ me: () => Promise.reject(throttled()), bookPlans });
    const { result } = renderHook(() => useBulkRun(service, now));
    let run!: Promise<void>;
    act(() => {
      run = result.current.start([soon, later], settings);
    });
    // At once: each chosen departure is looking for a time, and the form is locked.
    expect([...result.current.rows.values()].map((r) => r.kind)).toEqual(['finding', 'finding']);
    expect(result.current.running).toBe(true);
    await act(async () => run);
    expect(result.current.rows.size).toBe(0);
    expect(result.current.running).toBe(false);
    expect(result.current.runError).toEqual(throttled());
    expect(bookPlans).not.toHaveBeenCalled();
  });

  it('someone with no common free time is told so, and only the others are booked', async () => {
    const slot: SlotSuggestion = { start: '2026-11-26T10:00:00+01:00', end: '2026-11-26T10:45:00+01:00', confidence: 100, organizerAvailability: 'free' };
    const bookPlans = jest.fn(async () => []);
    const service = fakeService({
      suggestSlots: (input) => (input.attendeeEmail.startsWith('later') ? Promise.reject(throttled()) : Promise.resolve([slot])),
      bookPlans,
    });
    const { result } = renderHook(() => useBulkRun(service, now));
    await act(async () => result.current.start([soon, later], settings));
    expect(result.current.rows.get('later')).toEqual({ kind: 'noSlot' });
    expect(bookPlans).toHaveBeenCalledTimes(1);
    expect((bookPlans.mock.calls[0] as unknown as [readonly { leaver: { displayName: string } }[]])[0].map((p) => p.leaver.displayName)).toEqual(['soon']);
    act(() => result.current.reset());
    expect(result.current.rows.size).toBe(0);
    expect(result.current.run).toBeUndefined();
  });
});

describe('the run’s settings form', () => {
  const apply = (actions: readonly BulkFormAction[], form: BulkForm = initialBulkForm('fr')) => actions.reduce(bulkFormReducer, form);

  it('opens on the agenda in the user’s language, 45 minutes in Teams, with reminders', () => {
    const s = bulkSettings(initialBulkForm('fr'));
    expect(s).toEqual(expect.objectContaining({ durationMinutes: 45, place: { kind: 'teams' }, reconnect: true }));
    expect(s.agenda.lang).toBe('fr');
  });

  it('a place is needed when “in a place” is chosen; the message goes as soon as one is typed', () => {
    const missing = apply([{ type: 'placeKind', kind: 'place' }]);
    expect(lacksLocation(missing)).toBe(true);
    const told = apply([{ type: 'locationMissing' }], missing);
    expect(told.locationMissing).toBe(true);
    const typed = apply([{ type: 'location', text: '  Salle Lumière ' }], told);
    expect(typed.locationMissing).toBe(false);
    expect(lacksLocation(typed)).toBe(false);
    expect(bulkSettings(typed).place).toEqual({ kind: 'place', location: 'Salle Lumière' });
  });

  it('“no reminders” books the conversation alone; any rhythm keeps its own cadence', () => {
    expect(bulkSettings(apply([{ type: 'rhythm', rhythm: 'none' }])).reconnect).toBe(false);
    const yearly = bulkSettings(apply([{ type: 'rhythm', rhythm: 'yearly' }, { type: 'agendaLang', lang: 'en' }, { type: 'duration', minutes: 90 }]));
    expect(yearly).toEqual(expect.objectContaining({ reconnect: true, durationMinutes: 90 }));
    expect(yearly.cadence.preset).toBe('yearly');
    expect(yearly.agenda.lang).toBe('en');
  });
});
