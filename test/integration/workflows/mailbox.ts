import type { Sandbox } from '../../../sandbox/index';
import { PLAN_TAG_ID, ROLE_TAG_ID, tagFilter } from '../../../src/graph';
import { MANAGER } from './helpers';

const q = encodeURIComponent;
const EXPAND = `singleValueExtendedProperties($filter=id eq '${PLAN_TAG_ID}' or id eq '${ROLE_TAG_ID}')`;

export const graphGet = async (sandbox: Sandbox, path: string, zone = 'Europe/Paris'): Promise<any> => {
  const res = await fetch(`${sandbox.graphUrl}${path}`, {
    headers: { Authorization: `Bearer ${sandbox.token(MANAGER)}`, Prefer: `outlook.timezone="${zone}"` },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return /json/.test(res.headers.get('content-type') ?? '') ? res.json() : Buffer.from(await res.arrayBuffer());
};

const roleOf = (item: any): string | undefined =>
  item.singleValueExtendedProperties?.find((p: any) => p.id.toLowerCase() === ROLE_TAG_ID.toLowerCase())?.value;

export interface MailboxView {
  /** role → ids of the plan's events with that role (more than one = a duplicate). */
  readonly events: Map<string, string[]>;
  readonly eventSubjects: Map<string, string>;
  readonly contacts: Array<{ id: string; displayName: string; mobilePhone: string | null; categories: string[] }>;
  readonly contactPhoto: boolean;
  readonly categories: number;
  readonly ids: Set<string>;
}

/** What the manager's mailbox holds for a plan, read with Graph directly (not the app's gateways). */
export const viewPlan = async (sandbox: Sandbox, planId: string): Promise<MailboxView> => {
  const events = await graphGet(sandbox, `/me/events?$top=200&$filter=${q(tagFilter(PLAN_TAG_ID, planId))}&$expand=${q(EXPAND)}&$select=subject`);
  const contacts = await graphGet(
    sandbox,
    `/me/contacts?$filter=${q(tagFilter(PLAN_TAG_ID, planId))}&$expand=${q(EXPAND)}&$select=displayName,mobilePhone,categories`,
  );
  const byRole = new Map<string, string[]>();
  const subjects = new Map<string, string>();
  for (const e of events.value) {
    const role = roleOf(e) ?? '?';
    byRole.set(role, [...(byRole.get(role) ?? []), e.id]);
    subjects.set(role, e.subject);
  }
  const first = contacts.value[0];
  const photo = first ? await graphGet(sandbox, `/me/contacts/${first.id}/photo/$value`) : null;
  const cats = await graphGet(sandbox, '/me/outlook/masterCategories');
  return {
    events: byRole,
    eventSubjects: subjects,
    contacts: contacts.value,
    contactPhoto: photo !== null,
    categories: cats.value.filter((c: any) => c.displayName === 'Au revoir').length,
    ids: new Set<string>([...events.value.map((e: any) => e.id), ...contacts.value.map((c: any) => c.id)]),
  };
};

/** The "Au revoir" events of the manager's calendar view between two instants (all pages), in UTC. */
export const calendarView = async (sandbox: Sandbox, start: string, end: string): Promise<any[]> => {
  const out: any[] = [];
  const filter = encodeURIComponent("categories/any(c:c eq 'Au revoir')");
  let next: string | null = `/me/calendarView?startDateTime=${start}&endDateTime=${end}&$filter=${filter}&$select=subject,start,end,seriesMasterId,type,categories&$top=100`;
  while (next) {
    const page: any = await graphGet(sandbox, next, 'UTC');
    out.push(...page.value);
    next = page['@odata.nextLink'] ? String(page['@odata.nextLink']).slice(sandbox.graphUrl.length) : null;
  }
  return out;
};
