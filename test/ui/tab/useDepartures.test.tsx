/**
 * The Departures screen's data hook, as the manager sees its effects: the list stays on screen while a
 * change is saved, an answer made stale by a later click never undoes that click, a failed save comes
 * back with a Retry, and a booking made a moment ago stays shown across a quiet reload.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useDepartures } from '../../../src/apps/tab/departures/useDepartures';
import { planId } from '../../../src/domain/types';
import type { AddedDeparture, Departure } from '../../../src/workflows/service';
import { isoDate as day } from '../../../src/domain/types';
import { deferred, fakeService, hugo, lea, nina, throttled } from '../../fixtures';

const emptyStore = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
const entry = (p: typeof lea, d: string): AddedDeparture => ({ person: { id: p.id, displayName: p.displayName, mail: p.mail }, lastWorkingDay: day(d) });
const hugoLeaving: Departure = { person: hugo, lastWorkingDay: day('2026-12-18'), source: 'directReport', state: 'notPlanned' };
const LEA = entry(lea, '2027-01-29');
const NINA = entry(nina, '2027-02-26');

/** A service whose saves each wait for the test to answer them, in any order. */
const slowSaves = (departures: readonly Departure[] = [hugoLeaving]) => {
  const saves: ReturnType<typeof deferred<readonly AddedDeparture[]>>[] = [];
  const service = fakeService(
    {
      departures: () => Promise.resolve(departures),
      updateAddedDepartures: () => {
        const d = deferred<readonly AddedDeparture[]>();
        saves.push(d);
        return d.promise;
      },
    },
    [LEA, NINA],
  );
  return { service, saves };
};

const names = (rows: readonly Departure[]) => rows.map((r) => r.person.displayName);

const mount = async (service: ReturnType<typeof fakeService>) => {
  const hook = renderHook(() => useDepartures(service, emptyStore));
  await waitFor(() => expect(hook.result.current.state.status).toBe('ready'));
  return hook;
};

describe('useDepartures', () => {
  it('removing one person keeps everyone else listed, with no spinner, before and after the mailbox answers', async () => {
    const { service, saves } = slowSaves();
    const { result } = await mount(service);
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Léa Dubois', 'Nina Petit']);

    act(() => result.current.remove(lea.id));
    // At once, while the save is on its way: only Léa goes.
    expect(result.current.state.status).toBe('ready');
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
    await act(async () => saves[0]!.resolve([NINA]));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
    expect(result.current.saveError).toBeUndefined();
    expect(service.departures).toHaveBeenCalledTimes(1);
  });

  it('an answer that comes while a later save is on its way does not bring back what that later click removed', async () => {
    const { service, saves } = slowSaves();
    const { result } = await mount(service);
    act(() => result.current.remove(lea.id));
    act(() => result.current.remove(nina.id));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard']);
    // The first save's answer is the mailbox before the second: Nina is still in it.
    await act(async () => saves[0]!.resolve([NINA]));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard']);
    await act(async () => saves[1]!.resolve([]));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard']);
  });

  it('a failed save puts the list back, and Retry makes the same change again', async () => {
    const { service, saves } = slowSaves();
    const { result } = await mount(service);
    act(() => result.current.rememberLastDay(hugo, day('2026-12-31')));
    act(() => result.current.remove(lea.id));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
    await act(async () => saves[0]!.reject(throttled()));
    // The other save is still on its way: what it shows stays.
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
    await act(async () => saves[1]!.reject(throttled()));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Léa Dubois', 'Nina Petit']);
    expect(result.current.saveError?.error).toEqual(throttled());

    // Retry (the banner's: the last failure) removes Léa again.
    act(() => result.current.saveError!.retry());
    expect(result.current.saveError).toBeUndefined();
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
    await act(async () => saves[2]!.resolve([NINA]));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Nina Petit']);
  });

  it('when the first of two saves fails and the second succeeds, the list is the mailbox’s, and the failure is still said', async () => {
    const { service, saves } = slowSaves();
    const { result } = await mount(service);
    act(() => result.current.remove(lea.id));
    act(() => result.current.remove(nina.id));
    await act(async () => saves[0]!.reject(throttled()));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard']);
    // The mailbox kept Léa (her removal failed), Nina is gone.
    await act(async () => saves[1]!.resolve([LEA]));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard', 'Léa Dubois']);
    expect(result.current.saveError).toBeDefined();
  });

  it('a booking made a moment ago stays “booked” through a quiet reload that does not see it yet, with the list kept on screen', async () => {
    const service = fakeService({ departures: () => Promise.resolve([hugoLeaving]) });
    const { result } = await mount(service);
    act(() => result.current.markBooked(hugo.id));
    expect(result.current.rows[0]!.state).toBe('booked');
    const reloaded = deferred<readonly Departure[]>();
    service.departures.mockReturnValueOnce(reloaded.promise);
    let done!: Promise<void>;
    act(() => {
      done = result.current.reload(true);
    });
    expect(result.current.state).toEqual(expect.objectContaining({ status: 'ready', refreshing: true }));
    expect(names(result.current.rows)).toEqual(['Hugo Bernard']);
    await act(async () => {
      reloaded.resolve([hugoLeaving]);
      await done;
    });
    expect(result.current.rows[0]!.state).toBe('booked');
    // A plan the service does see keeps its own state.
    service.departures.mockResolvedValueOnce([{ ...hugoLeaving, state: 'held', planId: planId('p-h') }]);
    await act(async () => result.current.reload(true));
    expect(result.current.rows[0]!.state).toBe('held');
  });
});
