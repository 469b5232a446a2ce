import type { Sandbox } from '../../../sandbox/index';
import type { Plan } from '../../../src/domain/plan/model';
import { planId } from '../../../src/domain/types';
import { wantedObjects, type BulkProgress } from '../../../src/workflows';
import { BATCH_BEHAVIOURS, MANAGER, makePlan, serviceFor, startSandbox } from './helpers';
import { graphGet } from './mailbox';
import { PLAN_TAG_ID, ROLE_TAG_ID } from '../../../src/graph';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);

let sandbox: Sandbox;
beforeAll(async () => {
  // Exchange's limits: 4 concurrent requests per mailbox, 429 with Retry-After beyond.
  sandbox = await startSandbox({ throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 } });
});
afterAll(async () => {
  await sandbox.close();
});

const LEAVERS = ['emilie.laurent', 'lea.dubois', 'thomas.bernard', 'james.wilson', 'hugo.petit', 'emily.carter', 'sarah.johnson'];

test.each(BATCH_BEHAVIOURS)('50 plans under throttling ($batch behaviour %s): all booked, none twice, never more than 4 requests in flight', async (behaviour) => {
  sandbox.reset();
  sandbox.configure({ throttle: { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 }, batchConcurrency: behaviour });
  sandbox.clearLog();
  const plans: Plan[] = Array.from({ length: 50 }, (_, i) => {
    const base = makePlan(sandbox, {}, `${LEAVERS[i % LEAVERS.length]}@contoso.example`);
    return { ...base, id: planId(`bulk-${String(i).padStart(3, '0')}-${base.id}`) };
  });
  const progress: BulkProgress[] = [];
  const svc = serviceFor(sandbox);
  const results = await svc.bookPlans(plans, { onProgress: (p) => progress.push(p) });

  expect(results).toHaveLength(50);
  for (const r of results) expect('receipt' in r && r.receipt.complete).toBe(true);
  expect(progress.at(-1)).toEqual(expect.objectContaining({ done: 50, total: 50, failed: 0 }));
  expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

  const stats = sandbox.stats();
  expect(stats.perMailbox[MANAGER]?.maxInFlight).toBeLessThanOrEqual(4);
  expect(stats.perMailbox[MANAGER]?.throttled).toBe(0);

  // Zero duplicates: every (plan, role) exactly once in the whole calendar; one contact per plan.
  const events: any[] = [];
  let next: string | null = `/me/events?$top=500&$select=id&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}' or id eq '${ROLE_TAG_ID}')`)}`;
  while (next) {
    const page: any = await graphGet(sandbox, next);
    events.push(...page.value);
    next = page['@odata.nextLink'] ? String(page['@odata.nextLink']).slice(sandbox.graphUrl.length) : null;
  }
  const keys = events
    .map((e) => (e.singleValueExtendedProperties ?? []).map((p: any) => p.value).join('|'))
    .filter((k) => k.startsWith('bulk-'));
  expect(new Set(keys).size).toBe(keys.length);
  const expectedEvents = plans.reduce((n, p) => n + wantedObjects(p).filter((w) => w.op?.kind === 'event').length, 0);
  expect(keys).toHaveLength(expectedEvents);
  const contacts = await graphGet(
    sandbox,
    `/me/contacts?$top=500&$select=id&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}')`)}`,
  );
  const contactPlans = contacts.value.map((c: any) => c.singleValueExtendedProperties?.[0]?.value).filter((v: any) => String(v).startsWith('bulk-'));
  expect(contactPlans).toHaveLength(50);
  expect(new Set(contactPlans).size).toBe(50);
}, 60_000);
