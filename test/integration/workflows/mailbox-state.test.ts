/**
 * The app's state in the manager's mailbox (graph/state.ts, workflows/state.ts) against the sandbox over
 * real HTTP: two devices (two services, nothing shared but the mailbox) see the same hand-added
 * departures; concurrent writes are not lost (If-Match, 412, re-read and re-apply); the holder contact
 * is not an alumnus.
 */
import type { Sandbox } from '../../../sandbox';
import { createSandboxTokenProvider } from '../../../src/auth';
import { createGraphClient, createMailboxStateGateway, STATE_STORE_TAG_ID } from '../../../src/graph';
import { isoDate } from '../../../src/domain/types';
import { createMailboxState } from '../../../src/workflows';
import type { AddedDeparture } from '../../../src/workflows/service';
import { MANAGER, sandboxPerFile, serviceFor } from './helpers';

let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s));

const person = (upn: string): AddedDeparture['person'] => {
  const u = sandbox.store.user(upn)!;
  return { id: u.id, displayName: u.displayName, mail: u.mail };
};

test('a departure added on one device is listed on another, and the holder contact is no alumnus', async () => {
  const desktop = serviceFor(sandbox);
  const phone = serviceFor(sandbox);
  expect(await phone.addedDepartures()).toEqual([]);
  const julien = { person: person('julien.moreau@contoso.example'), lastWorkingDay: isoDate('2099-07-31') };
  await desktop.updateAddedDepartures((list) => [...list, julien]);
  expect(await phone.addedDepartures()).toEqual([julien]);
  await phone.updateAddedDepartures((list) => list.filter((a) => a.person.id !== julien.person.id));
  expect(await desktop.addedDepartures()).toEqual([]);
  expect(await desktop.listAlumni(new Date())).toEqual([]);
});

test('two devices writing at the same moment: neither change is lost (the loser gets 412, re-reads, re-applies)', async () => {
  const graph = () =>
    createGraphClient({ baseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER }) });
  const a = createMailboxStateGateway(graph());
  const b = createMailboxStateGateway(graph());
  const holder = { displayName: 'Au revoir (app data)', notes: 'n' };
  const first = await a.write('test.v1', JSON.stringify(['seed']), undefined, holder);
  // Both read the same version; A writes first; B's write with the stale change key must be refused.
  const readB = await b.read('test.v1');
  await a.write('test.v1', JSON.stringify(['seed', 'a']), first, holder);
  await expect(b.write('test.v1', JSON.stringify(['seed', 'b']), readB.version, holder)).rejects.toMatchObject({ code: 'graph.conflict', status: 412 });

  // Through the workflow, B's change is re-applied to A's.
  let attempts = 0;
  const state = createMailboxState(b, () => Promise.resolve('en'));
  const stale = await b.read('test.v1');
  await a.write('test.v1', JSON.stringify(['seed', 'a', 'a2']), stale.version!, holder);
  const racing = createMailboxState(
    { read: async (k) => (attempts++ === 0 ? stale : b.read(k)), write: (k, v, ver, h) => b.write(k, v, ver, h) },
    () => Promise.resolve('en'),
  );
  const result = await racing.update('test.v1', (raw) => (Array.isArray(raw) ? (raw as string[]) : undefined), (cur) => [...(cur ?? []), 'b']);
  expect(attempts).toBe(2);
  expect(result).toEqual(['seed', 'a', 'a2', 'b']);
  expect(await state.get('test.v1', (raw) => raw as string[])).toEqual(['seed', 'a', 'a2', 'b']);

  // One holder contact for the mailbox, tagged, in the app's category, with no address.
  const res = await fetch(`${sandbox.graphUrl}/me/contacts?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${STATE_STORE_TAG_ID}' and ep/value eq 'v1')&$select=id,displayName,categories,emailAddresses`, {
    headers: { Authorization: `Bearer ${sandbox.token(MANAGER)}` },
  });
  const holders = ((await res.json()) as { value: Array<{ displayName: string; categories: string[]; emailAddresses: unknown[] }> }).value;
  expect(holders).toHaveLength(1);
  expect(holders[0]).toMatchObject({ displayName: 'Au revoir (app data)', categories: ['Au revoir'], emailAddresses: [] });
});
