/**
 * Must show (issue 3), over real HTTP: random series created with POST /v1.0/me/events come back from
 * GET /v1.0/me/calendarView (and /events/{id}/instances), in the zone asked for with
 * Prefer: outlook.timezone, exactly as an independent rrule expansion predicts — every pattern type,
 * numbered and endDate ranges, Paris and New York, starts close to DST changes.
 * The reference and its mapping of Exchange's rules: test/unit/sandbox/rrule-reference.ts.
 */
import fc from 'fast-check';
import type { Sandbox } from '../../../sandbox/index';
import { caseArb, eventTimes, graphLocal, reference, ZONES, type Case } from '../../unit/sandbox/rrule-reference';
import { PAUL, client, q, start, type Res } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const DAY = 86_400_000;
const PERIOD_DAYS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  absoluteMonthly: 31,
  relativeMonthly: 31,
  absoluteYearly: 366,
  relativeYearly: 366,
};

/** A window that holds the whole series plus one more period, so an extra occurrence would show. */
function windowFor(c: Case, expected: Array<{ start: number }>): { from: string; to: string } {
  const from = Date.UTC(c.date.y, c.date.m - 1, c.date.d) - 2 * DAY;
  const p = c.recurrence.pattern;
  const margin = ((PERIOD_DAYS[p.type] ?? 1) * p.interval + 3) * DAY;
  const last = expected.at(-1)?.start ?? from;
  const rangeEnd = c.recurrence.range.type === 'endDate' ? Date.parse(`${c.recurrence.range.endDate}T00:00:00Z`) : last;
  return { from: new Date(from).toISOString(), to: new Date(Math.max(last, rangeEnd) + margin).toISOString() };
}

interface Row {
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  type: string;
  seriesMasterId: string | null;
}

async function allPages(c: ReturnType<typeof client>, path: string, prefer: string): Promise<Row[]> {
  const rows: Row[] = [];
  let next: string | undefined = path;
  for (let guard = 0; next !== undefined && guard < 50; guard += 1) {
    const res: Res<{ value: Row[]; '@odata.nextLink'?: string }> = await c.get(next, { Prefer: `outlook.timezone="${prefer}"` });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe(`outlook.timezone="${prefer}"`);
    rows.push(...res.body.value);
    next = res.body['@odata.nextLink']?.slice(sb.graphUrl.length);
  }
  return rows;
}

describe('calendarView expands random series like rrule (HTTP)', () => {
  it('matches occurrence for occurrence, in the Prefer zone', async () => {
    const c = client(sb, PAUL);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, fc.boolean(), async (k, windowsPrefer) => {
        n += 1;
        const created = await c.post<{ id: string; type: string }>('/me/events', {
          subject: `Série aléatoire ${n}`,
          ...eventTimes(k),
          recurrence: k.recurrence,
        });
        expect(created.status).toBe(201);
        expect(created.body.type).toBe('seriesMaster');

        const expected = reference(k);
        const zone = ZONES.find((z) => z.zone === k.zone) ?? ZONES[0];
        const prefer = windowsPrefer ? zone.names[1] : zone.names[0];
        const want = expected.map((o) => ({
          start: { dateTime: graphLocal(k.zone, o.start), timeZone: prefer },
          end: { dateTime: graphLocal(k.zone, o.start + k.durationMinutes * 60_000), timeZone: prefer },
          type: 'occurrence',
          seriesMasterId: created.body.id,
        }));
        const { from, to } = windowFor(k, expected);
        // Graph serves windows of at most 1825 days (microsoft-graph-docs-contrib issue 6321): a long series
        // is read in consecutive pieces, an occurrence across a seam once.
        const pieces = async (path: (range: string) => string): Promise<Row[]> => {
          const rows: Row[] = [];
          for (let a = Date.parse(from); a < Date.parse(to); a += 1825 * DAY) {
            const b = Math.min(Date.parse(to), a + 1825 * DAY);
            const range = `startDateTime=${q(new Date(a).toISOString())}&endDateTime=${q(new Date(b).toISOString())}`;
            for (const r of await allPages(c, path(range), prefer)) if (!rows.some((x) => x.start.dateTime === r.start.dateTime)) rows.push(r);
          }
          return rows;
        };

        const view = await pieces((range) => `/me/calendarView?${range}&$filter=${q(`seriesMasterId eq '${created.body.id}'`)}&$top=200`);
        expect(view.map(({ start, end, type, seriesMasterId }) => ({ start, end, type, seriesMasterId }))).toEqual(want);

        const instances = await pieces((range) => `/me/events/${q(created.body.id)}/instances?${range}&$top=200`);
        expect(instances.map(({ start, end, type, seriesMasterId }) => ({ start, end, type, seriesMasterId }))).toEqual(want);

        expect((await c.del(`/me/events/${q(created.body.id)}`)).status).toBe(204);
      }),
      { numRuns: 25 },
    );
  });
});
