import { AppError } from '../../../src/domain/errors';
import { ianaTimeZone, isoDate, planId, DEFAULT_WORKING_HOURS } from '../../../src/domain/types';
import type { Alumnus, AuRevoirService, Departure, MailboxSettings, Person } from '../../../src/workflows/service';

export const claire: Person = { id: 'u-claire', displayName: 'Claire Martin', mail: 'claire.martin@contoso.example', jobTitle: 'Engineering manager' };
export const hugo: Person = { id: 'u-hugo', displayName: 'Hugo Bernard', mail: 'hugo.bernard@contoso.example', jobTitle: 'Developer' };
export const lea: Person = { id: 'u-lea', displayName: 'Léa Dubois', mail: 'lea.dubois@contoso.example', jobTitle: 'Designer' };
export const nina: Person = { id: 'u-nina', displayName: 'Nina Petit', mail: 'nina.petit@contoso.example', jobTitle: 'Tester' };

export const settings: MailboxSettings = { timeZone: ianaTimeZone('Europe/Paris'), workingHours: DEFAULT_WORKING_HOURS };

export const alumnus = (over: Partial<Alumnus> & Pick<Alumnus, 'displayName'>): Alumnus => ({
  planId: planId(`plan-${over.displayName}`),
  contactId: `c-${over.displayName}`,
  overdue: false,
  notes: [],
  ...over,
});

export const throttled = () => new AppError({ code: 'graph.throttled', requestId: 'req-42' });
export const forbidden = () => new AppError({ code: 'graph.forbidden' });

const notImplemented = (name: string) => () => Promise.reject(new Error(`fake service: ${name} not expected in this test`));

/** A fake AuRevoirService: every method a jest.fn, defaults answering with a small organisation. */
export const fakeService = (over: Partial<AuRevoirService> = {}): jest.Mocked<AuRevoirService> => {
  const base: AuRevoirService = {
    me: () => Promise.resolve(claire),
    mailboxSettings: () => Promise.resolve(settings),
    departures: () => Promise.resolve<readonly Departure[]>([]),
    searchPeople: (q: string) =>
      Promise.resolve([hugo, lea, nina].filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase()))),
    suggestSlots: notImplemented('suggestSlots'),
    checkSlot: notImplemented('checkSlot'),
    bookPlan: notImplemented('bookPlan'),
    listAlumni: () => Promise.resolve([]),
    markReconnected: () => Promise.resolve(),
    snooze: () => Promise.resolve(),
    stopReminders: () => Promise.resolve(),
    cancelPlan: () => Promise.resolve(),
    ...over,
  };
  const mocked = {} as Record<string, jest.Mock>;
  for (const [k, fn] of Object.entries(base)) mocked[k] = jest.fn(fn as (...a: unknown[]) => unknown);
  return mocked as unknown as jest.Mocked<AuRevoirService>;
};

/** A promise the test resolves or rejects when it wants (to see loading states). */
export const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

export const day = isoDate;
