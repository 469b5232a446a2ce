/**
 * Nothing twice after a reload or a change of device, at the service level over real HTTP: a booking
 * whose answer is lost after Graph did the work, then a new service (what a reload gives, or another
 * device: its own empty browser storage), booking the same leaver again. The journal lives in the
 * manager's mailbox (the state holder contact), read back here directly; with it the second booking
 * finds the first plan and completes it; without it (the control), the contact is created twice. What
 * an earlier version left in localStorage is moved into the mailbox once, then removed.
 */
import type { Sandbox } from '../../../sandbox/index';
import { createSandboxTokenProvider } from '../../../src/auth';
import { planId } from '../../../src/domain/types';
import { createGraphClient, createMailboxStateGateway, STATE_STORE_TAG_ID, stateDocumentPropertyId, type MailboxStateGateway } from '../../../src/graph';
import { odataString } from '../../../src/graph/odata';
import { tagFilter } from '../../../src/graph/tags';
import { STATE_STORE_VERSION } from '../../../src/graph/state';
import { JOURNAL_KEY, JOURNAL_STATE_KEY, createAuRevoirService, createBookingJournal, createMailboxState, type KeyValueStore } from '../../../src/workflows';
import { webCryptoDigest } from '../../../src/workflows/journal';
import { makePlan, MANAGER, sandboxPerFile } from './helpers';
import { graphGet, viewPlan } from './mailbox';

jest.setTimeout(60_000);

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

/** A browser's storage: each "device" has its own. */
const memoryStore = (): Required<KeyValueStore> & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

const tokenProvider = () => createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER });

/** A page load on a device: a new service over that browser's storage, the journal in the mailbox. */
const pageLoad = (store: KeyValueStore) =>
  createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(), retryDelaySeconds: 0.05, journalStore: store });

/** The conversation fails, the answer to everything else is lost, and so is the lookup after it. */
const cutOff = () =>
  sandbox.setFaults([
    { match: { method: 'POST', path: '/events$', nth: 1 }, action: { status: 500 }, times: 1 },
    { match: { method: 'POST', path: '/masterCategories$' }, action: { drop: 'after' }, times: 1 },
    { match: { method: 'POST', path: '^/\\$batch$', nth: 2 }, action: { drop: 'before' }, times: 5 },
  ]);

const leaverContacts = async (): Promise<unknown[]> =>
  ((await graphGet(sandbox, '/me/contacts?$top=100&$select=displayName')) as { value: { displayName: string }[] }).value.filter(
    (c) => c.displayName === 'Émilie Laurent',
  );

/** The journal as the mailbox holds it, read straight from Graph: the holder contacts and the document's entries. */
const mailboxJournal = async (): Promise<{ holders: number; entries: unknown[] | undefined }> => {
  const prop = stateDocumentPropertyId(JOURNAL_STATE_KEY);
  const res = (await graphGet(
    sandbox,
    `/me/contacts?$filter=${encodeURIComponent(tagFilter(STATE_STORE_TAG_ID, STATE_STORE_VERSION))}&$select=id&$expand=${encodeURIComponent(
      `singleValueExtendedProperties($filter=id eq ${odataString(prop)})`,
    )}`,
  )) as { value: Array<{ singleValueExtendedProperties?: Array<{ id: string; value: string }> }> };
  const value = res.value[0]?.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === prop.toLowerCase())?.value;
  return { holders: res.value.length, entries: value === undefined ? undefined : (JSON.parse(value) as { entries: unknown[] }).entries };
};

/** Books the rest of an interrupted plan from `service`, under the id it was told to resume; checks one of each. */
const finishFrom = async (service: ReturnType<typeof pageLoad>, first: ReturnType<typeof makePlan>) => {
  const pending = await service.pendingPlanFor!(first.leaver.workEmail);
  expect(pending).toBe(first.id);
  const receipt = await service.bookPlan({ ...makePlan(sandbox), id: pending! });
  expect(receipt.complete).toBe(true);
  expect(receipt.objects.find((o) => o.kind === 'contact')?.createdNow).toBe(false);
  const view = await viewPlan(sandbox, first.id);
  expect(view.contacts).toHaveLength(1);
  for (const [role, ids] of view.events) expect({ role, count: ids.length }).toEqual({ role, count: 1 });
  expect(view.events.get('conversation')).toHaveLength(1);
  expect(await leaverContacts()).toHaveLength(1);
};

const interrupt = async (service: ReturnType<typeof pageLoad>) => {
  const first = makePlan(sandbox);
  cutOff();
  expect((await service.bookPlan(first)).complete).toBe(false);
  sandbox.setFaults([]);
  expect(await leaverContacts()).toHaveLength(1);
  expect((await viewPlan(sandbox, first.id)).events.get('conversation')).toBeUndefined();
  return first;
};

describe('a booking interrupted, the page reloaded, the same leaver booked again', () => {
  it('with the journal: it is in the mailbox, and the second booking completes the first plan, one of each object', async () => {
    const store = memoryStore();
    const first = await interrupt(pageLoad(store));
    // In the mailbox, not in the browser: the plan id and the leaver's address (the manager's is the mailbox's own).
    expect(await mailboxJournal()).toEqual({ holders: 1, entries: [{ planId: first.id, leaverMail: first.leaver.workEmail.toLowerCase() }] });
    expect(store.data.size).toBe(0);

    await finishFrom(pageLoad(store), first);
    // Completed: nothing left to resume.
    expect(await mailboxJournal()).toEqual({ holders: 1, entries: [] });
    await expect(pageLoad(store).pendingPlanFor!(first.leaver.workEmail)).resolves.toBeUndefined();
  });

  it('interrupted on one device (Teams desktop), finished from another (the browser): nothing shared but the mailbox', async () => {
    const desktop = pageLoad(memoryStore());
    const first = await interrupt(desktop);
    const browser = pageLoad(memoryStore());
    await finishFrom(browser, first);
    await expect(desktop.pendingPlanFor!(first.leaver.workEmail)).resolves.toBeUndefined();
  });

  it('the control, without what the journal remembers: a new plan id, and a second contact', async () => {
    const first = makePlan(sandbox);
    cutOff();
    const noJournal = () => createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(), retryDelaySeconds: 0.05 });
    expect((await noJournal().bookPlan(first)).complete).toBe(false);
    sandbox.setFaults([]);

    const reloaded = noJournal();
    await expect(reloaded.pendingPlanFor?.(first.leaver.workEmail)).resolves.toBeUndefined();
    expect((await reloaded.bookPlan({ ...makePlan(sandbox), id: planId('11111111-2222-4333-8444-555555555555') })).complete).toBe(true);
    expect(await leaverContacts()).toHaveLength(2);
  });
});

describe('two devices writing the journal at the same moment', () => {
  /** Holds every read until `count` reads are in: both devices see the same (stale) state before either writes. */
  const together = (count: number) => {
    let waiting: Array<() => void> = [];
    return (gateway: MailboxStateGateway): MailboxStateGateway => ({
      read: async (key) => {
        const result = await gateway.read(key);
        if (count > 0) {
          count -= 1;
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (count === 0) {
              for (const r of waiting) r();
              waiting = [];
            }
          });
        }
        return result;
      },
      write: (...args) => gateway.write(...args),
    });
  };
  const device = (hold: (g: MailboxStateGateway) => MailboxStateGateway) =>
    createBookingJournal(createMailboxState(hold(createMailboxStateGateway(createGraphClient({ baseUrl: sandbox.graphUrl, tokenProvider: tokenProvider() }))), () => Promise.resolve('en')));
  const emilie = { managerMail: MANAGER, leaverMail: 'emilie.laurent@contoso.example' };
  const hugo = { managerMail: MANAGER, leaverMail: 'hugo.bernard@contoso.example' };

  it('both creating the holder: one holder stays, and both entries are in it', async () => {
    const hold = together(2);
    await Promise.all([device(hold).started('plan-a', emilie), device(hold).started('plan-b', hugo)]);
    const after = await mailboxJournal();
    expect(after.holders).toBe(1);
    expect(after.entries).toEqual(expect.arrayContaining([{ planId: 'plan-a', leaverMail: emilie.leaverMail }, { planId: 'plan-b', leaverMail: hugo.leaverMail }]));
    expect(sandbox.log().some((l) => l.method === 'DELETE' && /\/contacts\//.test(l.path))).toBe(true);
  });

  it('both writing the existing holder: the stale write gets 412, re-reads, re-applies; one finishing while the other starts', async () => {
    await device((g) => g).started('plan-a', emilie);
    const hold = together(2);
    await Promise.all([device(hold).completed('plan-a'), device(hold).started('plan-b', hugo)]);
    expect(await mailboxJournal()).toEqual({ holders: 1, entries: [{ planId: 'plan-b', leaverMail: hugo.leaverMail }] });
    expect(sandbox.log().some((l) => l.status === 412)).toBe(true);
  });
});

describe('what an earlier version left in localStorage', () => {
  it('is moved into the mailbox once, then removed; the interrupted booking it remembers is finished from it', async () => {
    // An earlier version booked, was interrupted, and kept the plan id in this browser, salted and hashed.
    const old = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(), retryDelaySeconds: 0.05 });
    const first = await interrupt(old);
    const store = memoryStore();
    const salt = 'f0e1d2c3-legacy-salt';
    const who = await webCryptoDigest(`${salt}\n${MANAGER}\n${first.leaver.workEmail.toLowerCase()}`);
    store.setItem(JOURNAL_KEY, JSON.stringify({ salt, entries: [{ planId: first.id, who }] }));
    store.setItem('aurevoir.lang', 'fr');
    expect(await mailboxJournal()).toEqual({ holders: 0, entries: undefined });

    const page = pageLoad(store);
    await expect(page.pendingPlanFor!(first.leaver.workEmail)).resolves.toBe(first.id);
    // Moved: in the mailbox (still a fingerprint: it cannot be reversed), gone from the browser, the rest untouched.
    expect(await mailboxJournal()).toEqual({ holders: 1, entries: [{ planId: first.id, salt, who }] });
    expect(store.data.has(JOURNAL_KEY)).toBe(false);
    expect(store.data.get('aurevoir.lang')).toBe('fr');

    // Another device finds it in the mailbox, and finishes the booking.
    await finishFrom(pageLoad(memoryStore()), first);
    expect(await mailboxJournal()).toEqual({ holders: 1, entries: [] });
    // Once: the first browser has nothing more to move, and nothing comes back.
    const writes = sandbox.log().filter((l) => l.method === 'PATCH' || l.method === 'POST').length;
    await expect(pageLoad(store).pendingPlanFor!(first.leaver.workEmail)).resolves.toBeUndefined();
    expect(sandbox.log().filter((l) => l.method === 'PATCH' || l.method === 'POST').length).toBe(writes);
  });
});
