/**
 * `npm run bench`: how long booking takes against the Graph sandbox with 100 ms of latency per
 * request, compared with a plain sequential integration; then 50 plans under Exchange-style
 * throttling. Both under each of the sandbox's $batch behaviours: Graph's documented one (a parallel
 * batch fed to the mailbox 4 items at a time) and the one older reports describe (items beyond 4 get
 * 429). Writes bench/results/booking.json and prints a short table. A benchmark, not a test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSandbox, type Sandbox } from '../sandbox/index';
import { createSandboxTokenProvider } from '../src/auth';
import { defaultAgenda } from '../src/domain/agenda';
import { CADENCE_PRESETS } from '../src/domain/cadence';
import type { Plan } from '../src/domain/plan/model';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId } from '../src/domain/types';
import {
  PLAN_TAG_ID,
  ROLE_TAG_ID,
  createCalendarGateway,
  createContactsGateway,
  createGraphClient,
  type BinaryContent,
} from '../src/graph';
import { createAuRevoirService, wantedObjects } from '../src/workflows';

const MANAGER = 'claire.martin@contoso.example';
const LATENCY_MS = 100;
const LEAVERS = ['emilie.laurent', 'lea.dubois', 'thomas.bernard', 'james.wilson', 'hugo.petit', 'emily.carter', 'sarah.johnson'];
const OUT = join(__dirname, 'results', 'booking.json');

let seq = 0;
const makePlan = (sandbox: Sandbox, leaverUpn: string, prefix: string): Plan => {
  const leaver = sandbox.store.user(`${leaverUpn}@contoso.example`);
  if (!leaver) throw new Error(`no seeded user ${leaverUpn}`);
  seq += 1;
  return {
    id: planId(`${prefix}-${String(seq).padStart(4, '0')}-${crypto.randomUUID()}`),
    manager: { displayName: 'Claire Martin', email: MANAGER, workingHours: DEFAULT_WORKING_HOURS },
    leaver: {
      userId: leaver.id,
      displayName: leaver.displayName,
      workEmail: leaver.mail,
      lastWorkingDay: isoDate('2027-03-12'),
      personalEmail: `${leaverUpn}@example.org`,
      mobilePhone: '+33612345678',
      profileUrl: `https://www.linkedin.com/in/${leaverUpn}`,
      nextCompany: 'Fabrikam',
      nextRole: 'Lead',
      consentToKeepContact: true,
    },
    conversation: { start: localDateTime('2027-03-03T14:00'), durationMinutes: 60, timeZone: ianaTimeZone('Europe/Paris'), place: { kind: 'teams' } },
    agenda: defaultAgenda('fr'),
    prepNotes: 'Points à aborder',
    prepReminder: { minutesBefore: 24 * 60, durationMinutes: 30 },
    cadence: CADENCE_PRESETS.gentle,
    reconnect: true,
  };
};

const tokenProvider = (sandbox: Sandbox) => createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER });

/** What a straightforward integration does: one request after another, waiting for each. */
const sequentialBaseline = async (sandbox: Sandbox, plan: Plan): Promise<void> => {
  const graph = createGraphClient({ baseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(sandbox) });
  const calendar = createCalendarGateway(graph);
  const contacts = createContactsGateway(graph);
  let contactId: string | undefined;
  for (const w of wantedObjects(plan)) {
    if (!w.op) continue;
    if (w.op.kind === 'category') await calendar.ensureCategory(w.op.name, w.op.color);
    else if (w.op.kind === 'contact') contactId = (await contacts.createContact(w.op.draft)).id;
    else if (w.op.kind === 'event') await calendar.createEvent(w.op.draft);
  }
  const bytes = await graph.getBinary(`/users/${plan.leaver.userId}/photo/$value`, { scopes: ['User.ReadBasic.All'] });
  if (bytes && contactId) await contacts.setPhoto(contactId, bytes as BinaryContent);
};

const roundTrips = (sandbox: Sandbox): number => sandbox.log().filter((e) => e.roundTrip).length;

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, Math.round(performance.now() - t0)];
};

/** (plan, role) pairs that exist more than once among the given plans' tagged events and contacts. */
const duplicates = async (sandbox: Sandbox, prefix: string): Promise<number> => {
  const headers = { Authorization: `Bearer ${sandbox.token(MANAGER)}` };
  const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}' or id eq '${ROLE_TAG_ID}')`);
  const keys: string[] = [];
  for (const collection of ['events', 'contacts']) {
    let next: string | undefined = `${sandbox.graphUrl}/me/${collection}?$top=500&$select=id&$expand=${expand}`;
    while (next) {
      const page = (await (await fetch(next, { headers })).json()) as { value: Array<{ singleValueExtendedProperties?: Array<{ id: string; value: string }> }>; '@odata.nextLink'?: string };
      for (const item of page.value) {
        const props = item.singleValueExtendedProperties ?? [];
        const plan = props.find((p) => p.id.toLowerCase() === PLAN_TAG_ID.toLowerCase())?.value ?? '';
        const role = props.find((p) => p.id.toLowerCase() === ROLE_TAG_ID.toLowerCase())?.value ?? '';
        if (plan.startsWith(prefix)) keys.push(`${plan}|${role}`);
      }
      next = page['@odata.nextLink'];
    }
  }
  return keys.length - new Set(keys).size;
};

type Behaviour = 'documented' | 'reported429';
const BEHAVIOURS: readonly Behaviour[] = ['documented', 'reported429'];
/** Exchange's limits: 4 concurrent requests per mailbox, 429 with Retry-After: 1 beyond (sandbox/throttle.ts). */
const EXCHANGE = { maxConcurrentPerMailbox: 4, retryAfterSeconds: 1 };

/** One fresh plan booked Au revoir's way: round trips, requests (batch items included), 429s, wall time. */
const onePlan = async (sandbox: Sandbox, leaverUpn: string, prefix: string) => {
  const svc = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(sandbox) });
  await svc.me(); // sign-in and a first call, outside the measurement
  sandbox.clearLog();
  const before = sandbox.stats();
  const plan = makePlan(sandbox, leaverUpn, prefix);
  const [receipt, wallMs] = await time(() => svc.bookPlan(plan));
  if (!receipt.complete) throw new Error(`bookPlan left ${receipt.missing.join(', ')} missing`);
  const log = sandbox.log();
  return {
    objects: wantedObjects(plan).length,
    roundTrips: roundTrips(sandbox),
    batches: log.filter((e) => e.roundTrip && e.path.startsWith('/$batch')).length,
    requestsIncludingBatchItems: log.length,
    throttled429: sandbox.stats().throttled - before.throttled,
    wallMs,
  };
};

const fiftyPlans = async (sandbox: Sandbox, prefix: string) => {
  sandbox.clearLog();
  const before = sandbox.stats();
  const plans = Array.from({ length: 50 }, (_, i) => makePlan(sandbox, LEAVERS[i % LEAVERS.length]!, prefix));
  const bulkSvc = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: tokenProvider(sandbox) });
  const [results, wallMs] = await time(() => bulkSvc.bookPlans(plans));
  const after = sandbox.stats();
  return {
    plans: plans.length,
    wallMs,
    requests: after.requests - before.requests,
    roundTrips: after.roundTrips - before.roundTrips,
    throttled429: after.throttled - before.throttled,
    failures: results.filter((r) => !('receipt' in r) || !r.receipt.complete).length,
    duplicates: await duplicates(sandbox, `${prefix}-`),
    maxInFlightForManager: after.perMailbox[MANAGER]?.maxInFlight ?? 0,
  };
};

const main = async (): Promise<void> => {
  const sandbox = await createSandbox({ port: 0, dataFile: null, latencyMs: LATENCY_MS });
  try {
    // The same plan, one request after another (no throttling: it never has two requests in flight).
    sandbox.clearLog();
    const basePlan = makePlan(sandbox, 'emilie.laurent', 'seq');
    const [, baseMs] = await time(() => sequentialBaseline(sandbox, basePlan));
    const baseTrips = roundTrips(sandbox);

    // Au revoir's way, under Exchange's limits, with each of the sandbox's two $batch behaviours.
    const byBehaviour: Record<string, unknown> = {};
    const rows: Array<[string, string, string]> = [['one plan, sequential baseline', 'round trips / wall', `${baseTrips} / ${baseMs} ms`]];
    for (const behaviour of BEHAVIOURS) {
      sandbox.reset();
      sandbox.configure({ throttle: EXCHANGE, batchConcurrency: behaviour });
      const withPhoto = await onePlan(sandbox, 'emilie.laurent', `one-${behaviour}`);
      const noPhoto = await onePlan(sandbox, 'hugo.petit', `nophoto-${behaviour}`);
      sandbox.reset();
      sandbox.configure({ throttle: EXCHANGE, batchConcurrency: behaviour });
      const bulk = await fiftyPlans(sandbox, `bulk${behaviour}`);
      byBehaviour[behaviour] = { onePlan: { ...withPhoto, speedupOverSequential: Number((baseMs / Math.max(1, withPhoto.wallMs)).toFixed(1)) }, onePlanWithoutPhoto: noPhoto, fiftyPlansThrottled: bulk };
      rows.push(
        [`one plan, ${behaviour}`, 'round trips / 429s / wall', `${withPhoto.roundTrips} / ${withPhoto.throttled429} / ${withPhoto.wallMs} ms (×${(baseMs / Math.max(1, withPhoto.wallMs)).toFixed(1)})`],
        [`one plan no photo, ${behaviour}`, 'round trips / 429s / wall', `${noPhoto.roundTrips} / ${noPhoto.throttled429} / ${noPhoto.wallMs} ms`],
        [`50 plans, ${behaviour}`, 'wall / round trips', `${bulk.wallMs} ms / ${bulk.roundTrips}`],
        [`50 plans, ${behaviour}`, '429s / failures / duplicates / max in flight', `${bulk.throttled429} / ${bulk.failures} / ${bulk.duplicates} / ${bulk.maxInFlightForManager}`],
      );
    }

    const report = {
      at: new Date().toISOString(),
      latencyMsPerRequest: LATENCY_MS,
      exchangeLimits: EXCHANGE,
      sequentialBaseline: { roundTrips: baseTrips, wallMs: baseMs },
      byBatchBehaviour: byBehaviour,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log(`Booking bench (sandbox, ${LATENCY_MS} ms per request and per $batch item, Exchange limits on)`);
    for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    console.log(`  → ${OUT}`);
  } finally {
    await sandbox.close();
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
