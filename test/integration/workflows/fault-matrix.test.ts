import type { FaultAction, FaultRule, Sandbox } from '../../../sandbox/index';
import { AppError } from '../../../src/domain/errors';
import { createAuRevoirService, wantedObjects, type Receipt } from '../../../src/workflows';
import { BATCH_BEHAVIOUR, makePlan, MANAGER, sandboxPerFile, serviceFor } from './helpers';
import { viewPlan } from './mailbox';

// Real HTTP against an in-process sandbox: generous per-test time on a busy shared machine.
jest.setTimeout(30_000);
// Under the reported $batch behaviour a booking has more requests (the sequential resend of what came back
// 429), so the matrices below have more positions to fail, and more cases to run.
const MATRIX_TIMEOUT_MS = BATCH_BEHAVIOUR === 'reported429' ? 300_000 : 120_000;

/**
 * For every request position of a booking (the $batch envelope, each of its sub-requests, the photo
 * PUT) and every kind of failure, the first bookPlan is hit once at that position; bookPlan is then
 * run again, and the mailbox must hold exactly one of everything the plan asked for.
 */
let sandbox: Sandbox;
sandboxPerFile((s) => (sandbox = s), { fresh: false });

// Retry-After 0 keeps the matrix fast; honouring a real Retry-After is tested separately below.
const ACTIONS: Record<string, FaultAction> = {
  '500': { status: 500 },
  '503': { status: 503, retryAfterSeconds: 0 },
  '504': { status: 504, retryAfterSeconds: 0 },
  '429': { status: 429, retryAfterSeconds: 0 },
  'drop before': { drop: 'before' },
  'drop after': { drop: 'after' },
};

/** Positions from a clean run: 'envelope', then each non-envelope request by its order (nth). */
let positions: Array<{ label: string; rule: Omit<FaultRule, 'action'> }> = [];

beforeAll(async () => {
  sandbox.reset();
  sandbox.setFaults([]);
  sandbox.clearLog();
  await serviceFor(sandbox).bookPlan(makePlan(sandbox));
  const log = sandbox.log();
  const others = log.filter((e) => !(e.roundTrip && e.path.startsWith('/$batch')));
  positions = [
    { label: 'envelope POST /$batch', rule: { match: { method: 'POST', path: '^/\\$batch$' }, times: 1 } },
    ...others.map((e, i) => ({ label: `#${i + 1} ${e.method} ${e.path.split('?')[0]}`, rule: { match: { nth: i + 1 }, times: 1 } })),
  ];
  expect(positions.length).toBeGreaterThan(10);
});

const cases = (): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  for (const p of positions) for (const a of Object.keys(ACTIONS)) out.push([p.label, a]);
  return out;
};

test('every position × every failure: the second run completes with exactly one of everything', async () => {
  const failures: string[] = [];
  for (const [label, actionName] of cases()) {
    sandbox.reset();
    sandbox.clearLog();
    const position = positions.find((p) => p.label === label)!;
    sandbox.setFaults([{ ...position.rule, action: ACTIONS[actionName]! }]);
    const svc = serviceFor(sandbox);
    const plan = makePlan(sandbox);
    const wanted = wantedObjects(plan);
    const where = `${label} / ${actionName}`;
    try {
      let first: Receipt | undefined;
      try {
        first = await svc.bookPlan(plan);
      } catch (e) {
        if (!AppError.is(e)) throw e;
      }
      expect(sandbox.faults().length).toBe(1);
      const afterFirst = await viewPlan(sandbox, plan.id);
      if (first?.complete) expect(first.missing).toEqual([]);
      if (first && !first.complete) expect(first.missing.length).toBeGreaterThan(0);

      sandbox.setFaults([]);
      const second = await svc.bookPlan(plan);
      const after = await viewPlan(sandbox, plan.id);

      expect(second.complete).toBe(true);
      // Exactly one of each event role, and nothing else.
      const eventKeys = wanted.filter((w) => w.op?.kind === 'event').map((w) => w.key).sort();
      expect([...after.events.keys()].sort()).toEqual(eventKeys);
      for (const [role, ids] of after.events) expect({ role, n: ids.length }).toEqual({ role, n: 1 });
      expect(after.contacts).toHaveLength(1);
      expect(after.contacts[0]).toEqual(expect.objectContaining({ displayName: 'Émilie Laurent', mobilePhone: '+33612345678', categories: ['Au revoir'] }));
      expect(after.contactPhoto).toBe(true);
      expect(after.categories).toBe(1);
      expect(after.eventSubjects.get('conversation')).toBe('Entretien de départ avec Émilie Laurent');
      // The receipt tells what the first run had already put there.
      for (const o of second.objects) {
        if (!o.id) continue;
        expect({ where: o.key ?? o.kind, createdNow: o.createdNow }).toEqual({ where: o.key ?? o.kind, createdNow: !afterFirst.ids.has(o.id) });
      }
      expect(second.objects).toHaveLength(wanted.length);
    } catch (e) {
      failures.push(`${where}: ${e instanceof Error ? e.message.split('\n').slice(0, 6).join(' ') : String(e)}`);
    }
  }
  expect(failures).toEqual([]);
}, MATRIX_TIMEOUT_MS);

test('a 429 inside the batch is retried after the Retry-After Graph asked for, in the same call', async () => {
  sandbox.reset();
  sandbox.clearLog();
  sandbox.setFaults([{ match: { nth: 3 }, action: { status: 429, retryAfterSeconds: 1 }, times: 1 }]);
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox);
  const t0 = Date.now();
  const receipt = await svc.bookPlan(plan);
  const elapsed = Date.now() - t0;
  sandbox.setFaults([]);
  expect(receipt.complete).toBe(true);
  expect(elapsed).toBeGreaterThanOrEqual(1000);
  const envelopes = sandbox.log().filter((e) => e.roundTrip && e.path.startsWith('/$batch'));
  expect(envelopes).toHaveLength(2); // the batch, then the retried items; no lookup needed for a 429
  const view = await viewPlan(sandbox, plan.id);
  for (const ids of view.events.values()) expect(ids).toHaveLength(1);
});

test('a 503 inside the batch makes the retry look up first, and still nothing is doubled', async () => {
  sandbox.reset();
  sandbox.clearLog();
  sandbox.setFaults([{ match: { nth: 2 }, action: { status: 503, retryAfterSeconds: 0 }, times: 1 }]);
  const svc = serviceFor(sandbox);
  const plan = makePlan(sandbox);
  const receipt = await svc.bookPlan(plan);
  sandbox.setFaults([]);
  expect(receipt.complete).toBe(true);
  const envelopes = sandbox.log().filter((e) => e.roundTrip && e.path.startsWith('/$batch'));
  expect(envelopes).toHaveLength(3); // booking, lookup, the rest
  const view = await viewPlan(sandbox, plan.id);
  expect(view.contacts).toHaveLength(1);
  for (const ids of view.events.values()) expect(ids).toHaveLength(1);
});

test('the resumed run can fail anywhere too (its lookup, the photo check, the PUT) and a third run still completes', async () => {
  // Run 1 books everything but never hears back (connection dropped after the batch ran).
  const setup = async () => {
    sandbox.reset();
    sandbox.clearLog();
    sandbox.setFaults([{ match: { method: 'POST', path: '^/\\$batch$' }, action: { drop: 'after' }, times: 1 }]);
    const svc = serviceFor(sandbox);
    const plan = makePlan(sandbox);
    const first = await svc.bookPlan(plan);
    expect(first.complete).toBe(false);
    sandbox.setFaults([]);
    sandbox.clearLog();
    return { svc, plan };
  };
  // A clean resumed run gives its request positions.
  const probe = await setup();
  await probe.svc.bookPlan(probe.plan);
  const resumedLog = sandbox.log();
  const envelopes = resumedLog.filter((e) => e.roundTrip && e.path.startsWith('/$batch')).length;
  const others = resumedLog.filter((e) => !(e.roundTrip && e.path.startsWith('/$batch'))).length;
  // Lookup, then the photo check with the directory photo. Under the reported behaviour (items beyond 4 of a
  // parallel batch get 429) run 1 only created 4 objects: the rest goes in a parallel batch, its 429s in a
  // sequential one where the photo check's 404 424s the category after it, which goes once more.
  expect(envelopes).toBe(BATCH_BEHAVIOUR === 'reported429' ? 4 : 2);
  const rules: Array<[string, Omit<FaultRule, 'action'>]> = [
    ...Array.from({ length: envelopes }, (_, i): [string, Omit<FaultRule, 'action'>] => [`envelope ${i + 1}`, { match: { method: 'POST', path: '^/\\$batch$', nth: i + 1 }, times: 1 }]),
    ...Array.from({ length: others }, (_, i): [string, Omit<FaultRule, 'action'>] => [`#${i + 1}`, { match: { nth: i + 1 }, times: 1 }]),
  ];
  const failures: string[] = [];
  for (const [label, rule] of rules) {
    for (const [name, action] of Object.entries(ACTIONS)) {
      const { svc, plan } = await setup();
      sandbox.setFaults([{ ...rule, action }]);
      try {
        try {
          await svc.bookPlan(plan);
        } catch (e) {
          if (!AppError.is(e)) throw e;
        }
        sandbox.setFaults([]);
        const third = await svc.bookPlan(plan);
        const view = await viewPlan(sandbox, plan.id);
        expect(third.complete).toBe(true);
        for (const ids of view.events.values()) expect(ids).toHaveLength(1);
        expect(view.contacts).toHaveLength(1);
        expect(view.contactPhoto).toBe(true);
        // Run 1's batch ran whole under the documented behaviour, so the third run finds everything. Under the
        // reported one, run 1 created only the 4 items the mailbox let in: the third creates what is still
        // missing, and "exactly one of each" above is what holds.
        if (BATCH_BEHAVIOUR !== 'reported429') expect(third.objects.filter((o) => o.kind !== 'contactPhoto').every((o) => !o.createdNow)).toBe(true);
      } catch (e) {
        failures.push(`${label} / ${name}: ${e instanceof Error ? e.message.split('\n').slice(0, 4).join(' ') : String(e)}`);
      }
    }
  }
  expect(failures).toEqual([]);
}, MATRIX_TIMEOUT_MS);

test('the token fails at each request (expired, or sign-in needed): the error is typed and a rerun completes', async () => {
  const failures: string[] = [];
  for (const mode of ['expired', 'interaction'] as const) {
    for (let k = 1; k <= 2; k++) {
      sandbox.reset();
      sandbox.setFaults([]);
      let calls = 0;
      let broken = true;
      const tokenProvider = {
        getToken: async (): Promise<string> => {
          calls += 1;
          if (broken && calls === k) {
            if (mode === 'interaction') throw new AppError({ code: 'auth.interactionRequired' });
            return sandbox.token(MANAGER, { expiresInSeconds: -60 });
          }
          return sandbox.token(MANAGER);
        },
      };
      const svc = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider });
      const plan = makePlan(sandbox);
      try {
        const err = await svc.bookPlan(plan).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toMatchObject({ code: mode === 'expired' ? 'graph.unauthorized' : 'auth.interactionRequired' });
        broken = false;
        const receipt = await svc.bookPlan(plan);
        expect(receipt.complete).toBe(true);
        const view = await viewPlan(sandbox, plan.id);
        for (const ids of view.events.values()) expect(ids).toHaveLength(1);
        expect(view.contacts).toHaveLength(1);
        expect(view.contactPhoto).toBe(true);
      } catch (e) {
        failures.push(`${mode} at token ${k}: ${e instanceof Error ? e.message.split('\n').slice(0, 4).join(' ') : String(e)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
