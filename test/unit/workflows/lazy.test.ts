import { AppError } from '../../../src/domain/errors';
import type { PlanId } from '../../../src/domain/types';
import { lazyService } from '../../../src/workflows/lazy';
import type { AuRevoirService } from '../../../src/workflows/service';

/** A service whose every method answers its own name, to see what the lazy stand-in forwards. */
const named = (withJournal: boolean): AuRevoirService => {
  const methods = [
    'me', 'mailboxSettings', 'onlineMeetings', 'departures', 'addedDepartures', 'updateAddedDepartures', 'searchPeople', 'suggestSlots', 'checkSlot', 'bookPlan',
    'listAlumni', 'markReconnected', 'snooze', 'stopReminders', 'cancelPlan',
    'exportContact', 'exportReminders',
    ...(withJournal ? ['pendingPlanFor'] : []),
  ];
  return Object.fromEntries(methods.map((m) => [m, () => Promise.resolve(m)])) as unknown as AuRevoirService;
};

describe('lazyService', () => {
  it('forwards every method of the loaded service, the optional pendingPlanFor included', async () => {
    const lazy = lazyService(() => Promise.resolve(named(true)));
    const real = named(true);
    for (const key of Object.keys(real) as (keyof AuRevoirService)[]) {
      const fn = lazy[key] as unknown as ((...a: unknown[]) => Promise<unknown>) | undefined;
      expect(fn).toBeDefined();
      await expect(fn!()).resolves.toBe(key);
    }
  });

  it('answers pendingPlanFor with nothing when the loaded service keeps no journal', async () => {
    const lazy = lazyService(() => Promise.resolve(named(false)));
    await expect(lazy.pendingPlanFor!('emilie@contoso.example')).resolves.toBeUndefined();
  });

  it('loads once, and loads again after a failed load (a retryable network error)', async () => {
    let calls = 0;
    const lazy = lazyService(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve(named(true));
    });
    const first = await lazy.me().catch((e: unknown) => e);
    expect(AppError.is(first) && first.code).toBe('network');
    await expect(lazy.cancelPlan('p' as PlanId, new Date(0))).resolves.toBe('cancelPlan');
    await lazy.me();
    expect(calls).toBe(2);
  });
});
