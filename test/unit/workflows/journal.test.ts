import { AppError } from '../../../src/domain/errors';
import type { MailboxStateGateway, StateVersion } from '../../../src/graph/state';
import { JOURNAL_KEY, JOURNAL_STATE_KEY, createBookingJournal, createMailboxState, type KeyValueStore } from '../../../src/workflows';
import { webCryptoDigest } from '../../../src/workflows/journal';

/** The mailbox's state documents in memory, with a change key that moves on every write (as Exchange's does). */
const memoryMailbox = () => {
  const docs = new Map<string, string>();
  let etag = 0;
  let writes = 0;
  const gateway: MailboxStateGateway = {
    read: (key) => Promise.resolve({ ...(docs.has(key) ? { value: docs.get(key)! } : {}), ...(etag > 0 ? { version: { itemId: 'holder', etag: String(etag) } } : {}) }),
    write: (key, value, version: StateVersion | undefined) => {
      if ((version?.etag ?? '0') !== String(etag)) return Promise.reject(new AppError({ code: 'graph.conflict', status: 412, detail: 'stale' }));
      writes += 1;
      docs.set(key, value);
      etag += 1;
      return Promise.resolve({ itemId: 'holder', etag: String(etag) });
    },
  };
  return { docs, gateway, writes: () => writes, state: () => createMailboxState(gateway, () => Promise.resolve('en')) };
};

const memoryStore = (): Required<KeyValueStore> & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

const claireForEmilie = { managerMail: 'Claire.Martin@contoso.example', leaverMail: 'emilie.laurent@contoso.example' };
const claireForHugo = { managerMail: 'claire.martin@contoso.example', leaverMail: 'hugo.bernard@contoso.example' };

describe('booking journal in the mailbox: unfinished bookings survive a reload and a change of device', () => {
  it('a started booking is found again from another device (another journal, no shared browser storage)', async () => {
    const mailbox = memoryMailbox();
    await expect(createBookingJournal(mailbox.state()).started('plan-1', claireForEmilie)).resolves.toBe(false);

    const otherDevice = createBookingJournal(mailbox.state(), { legacyStore: memoryStore() });
    await expect(otherDevice.has('plan-1')).resolves.toBe(true);
    // Addresses compare without case or spaces, as Exchange does.
    await expect(otherDevice.pendingFor({ managerMail: ' claire.martin@contoso.example', leaverMail: ' EMILIE.LAURENT@contoso.example' })).resolves.toBe('plan-1');
    await expect(otherDevice.pendingFor(claireForHugo)).resolves.toBeUndefined();
    // Started again (the resume): it says an earlier attempt exists.
    await expect(otherDevice.started('plan-1', claireForEmilie)).resolves.toBe(true);
  });

  it('forgets a booking once it completed; completing a plan never pending writes nothing', async () => {
    const mailbox = memoryMailbox();
    const journal = createBookingJournal(mailbox.state());
    await journal.completed('plan-0');
    expect(mailbox.writes()).toBe(0);
    expect(mailbox.docs.size).toBe(0);
    await journal.started('plan-1', claireForEmilie);
    await journal.started('plan-2', claireForHugo);
    await journal.completed('plan-1');
    await expect(journal.has('plan-1')).resolves.toBe(false);
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBeUndefined();
    await expect(journal.pendingFor(claireForHugo)).resolves.toBe('plan-2');
  });

  it('the latest attempt for a person wins', async () => {
    const journal = createBookingJournal(memoryMailbox().state());
    await journal.started('plan-old', claireForEmilie);
    await journal.started('plan-new', claireForEmilie);
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBe('plan-new');
  });

  it('the mailbox holds plan ids and the leaver’s address only: not the manager’s, no name', async () => {
    const mailbox = memoryMailbox();
    await createBookingJournal(mailbox.state()).started('plan-1', claireForEmilie);
    expect(JSON.parse(mailbox.docs.get(JOURNAL_STATE_KEY)!)).toEqual({ entries: [{ planId: 'plan-1', leaverMail: 'emilie.laurent@contoso.example' }] });
  });

  it('two devices starting bookings at once: both entries kept (a stale write is refused, re-read, re-applied)', async () => {
    const mailbox = memoryMailbox();
    const a = createBookingJournal(mailbox.state());
    const b = createBookingJournal(mailbox.state());
    await Promise.all([a.started('plan-a', claireForEmilie), b.started('plan-b', claireForHugo)]);
    await expect(a.pendingFor(claireForHugo)).resolves.toBe('plan-b');
    await expect(b.pendingFor(claireForEmilie)).resolves.toBe('plan-a');
  });

  it('an unreadable document costs the memory, never the booking', async () => {
    const mailbox = memoryMailbox();
    await mailbox.gateway.write(JOURNAL_STATE_KEY, '{not json', undefined, { displayName: 'x', notes: 'y' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const journal = createBookingJournal(mailbox.state());
    await expect(journal.has('plan-1')).resolves.toBe(false);
    await journal.started('plan-1', claireForEmilie);
    await expect(journal.has('plan-1')).resolves.toBe(true);
    warn.mockRestore();
  });
});

describe('what an earlier version left in localStorage', () => {
  /** The localStorage journal as the earlier version wrote it: one salt, salted SHA-256 of manager and leaver. */
  const legacyJournal = async (salt: string, entries: Array<{ planId: string; managerMail: string; leaverMail: string }>) =>
    JSON.stringify({
      salt,
      entries: await Promise.all(
        entries.map(async (e) => ({ planId: e.planId, who: await webCryptoDigest(`${salt}\n${e.managerMail.toLowerCase()}\n${e.leaverMail.toLowerCase()}`) })),
      ),
    });

  it('is moved into the mailbox once, then removed; its entries are still found, from any device', async () => {
    const mailbox = memoryMailbox();
    const browser = memoryStore();
    browser.setItem(JOURNAL_KEY, await legacyJournal('s4lt', [{ planId: 'plan-legacy', ...claireForEmilie }]));
    browser.setItem('unrelated', 'kept');

    const journal = createBookingJournal(mailbox.state(), { legacyStore: browser });
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBe('plan-legacy');
    expect(browser.data.has(JOURNAL_KEY)).toBe(false);
    expect(browser.data.get('unrelated')).toBe('kept');
    const writes = mailbox.writes();
    expect(writes).toBe(1);

    // Another device, with nothing in its browser, finds it in the mailbox (matched by its fingerprint).
    const phone = createBookingJournal(mailbox.state(), { legacyStore: memoryStore() });
    await expect(phone.pendingFor(claireForEmilie)).resolves.toBe('plan-legacy');
    await expect(phone.pendingFor({ ...claireForEmilie, managerMail: 'hr@contoso.example' })).resolves.toBeUndefined();
    await expect(phone.has('plan-legacy')).resolves.toBe(true);
    // Once: a new page on the first browser has nothing more to move.
    await createBookingJournal(mailbox.state(), { legacyStore: browser }).has('plan-legacy');
    expect(mailbox.writes()).toBe(writes);
    // And it is completed like any other.
    await phone.completed('plan-legacy');
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBeUndefined();
  });

  it('merges with what the mailbox holds already (newer entries win for the same person)', async () => {
    const mailbox = memoryMailbox();
    await createBookingJournal(mailbox.state()).started('plan-new', claireForEmilie);
    const browser = memoryStore();
    browser.setItem(JOURNAL_KEY, await legacyJournal('s4lt', [{ planId: 'plan-old', ...claireForEmilie }, { planId: 'plan-hugo', ...claireForHugo }]));
    const journal = createBookingJournal(mailbox.state(), { legacyStore: browser });
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBe('plan-new');
    await expect(journal.pendingFor(claireForHugo)).resolves.toBe('plan-hugo');
    expect(browser.data.size).toBe(0);
  });

  it('stays in the browser while the mailbox cannot take it, and moves on the next call', async () => {
    const mailbox = memoryMailbox();
    const browser = memoryStore();
    browser.setItem(JOURNAL_KEY, await legacyJournal('s4lt', [{ planId: 'plan-legacy', ...claireForEmilie }]));
    let fail = true;
    const flaky = createMailboxState(
      { read: (k) => mailbox.gateway.read(k), write: (...args) => (fail ? Promise.reject(new AppError({ code: 'network', detail: 'offline' })) : mailbox.gateway.write(...args)) },
      () => Promise.resolve('en'),
    );
    const journal = createBookingJournal(flaky, { legacyStore: browser });
    await expect(journal.pendingFor(claireForEmilie)).rejects.toMatchObject({ code: 'network' });
    expect(browser.data.has(JOURNAL_KEY)).toBe(true);
    fail = false;
    await expect(journal.pendingFor(claireForEmilie)).resolves.toBe('plan-legacy');
    expect(browser.data.has(JOURNAL_KEY)).toBe(false);
  });

  it('an unreadable one is removed without being moved', async () => {
    const mailbox = memoryMailbox();
    const browser = memoryStore();
    browser.setItem(JOURNAL_KEY, '{not json');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(createBookingJournal(mailbox.state(), { legacyStore: browser }).has('x')).resolves.toBe(false);
    expect(browser.data.size).toBe(0);
    expect(mailbox.writes()).toBe(0);
    warn.mockRestore();
  });
});
