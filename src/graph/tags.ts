import { odataString } from './odata';

/**
 * Every object Au revoir books carries two single-value extended properties under our own property
 * set GUID: the plan id and the object's role in the plan. They survive edits in Outlook (users can
 * rename or move an event; they cannot see or change these), and Graph can filter on them, so the
 * app finds its objects again without a database of its own.
 */
export const TAG_PROPERTY_SET = '{7b3c2a5e-4f61-4d8a-9c1e-2a9d5f0b8c47}';
export const PLAN_TAG_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirPlanId`;
export const ROLE_TAG_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirRole`;
/** Touchpoint kind (call, email, lunch) of a reconnect reminder, so the alumni view can say what is next. */
export const KIND_TAG_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirKind`;
/** Language of the invite (fr, en) on the conversation, so a cancellation speaks the same language. */
export const LANG_TAG_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirLang`;

/** Roles: conversation, prep, touchpoint:N (timeline index), series:KEY, contact, consentCheck (the yearly question, issue 12). */
export type TagRole = 'conversation' | 'prep' | 'contact' | `touchpoint:${number}` | `series:${string}` | 'consentCheck';

export interface Tags {
  readonly planId: string;
  readonly role: TagRole;
  readonly kind?: string;
  readonly lang?: string;
}

export interface ExtendedProperty {
  readonly id: string;
  readonly value: string;
}

export const tagProperties = (tags: Tags): ExtendedProperty[] => [
  { id: PLAN_TAG_ID, value: tags.planId },
  { id: ROLE_TAG_ID, value: tags.role },
  ...(tags.kind ? [{ id: KIND_TAG_ID, value: tags.kind }] : []),
  ...(tags.lang ? [{ id: LANG_TAG_ID, value: tags.lang }] : []),
];

/** `$filter` clause matching objects whose tag `id` has `value`. */
export const tagFilter = (id: string, value: string): string =>
  `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(id)} and ep/value eq ${odataString(value)})`;

/** `$expand` that brings back our tags and nothing else. */
export const TAG_EXPAND = `singleValueExtendedProperties($filter=id eq ${odataString(PLAN_TAG_ID)} or id eq ${odataString(ROLE_TAG_ID)} or id eq ${odataString(KIND_TAG_ID)} or id eq ${odataString(LANG_TAG_ID)})`;

/** Reads our tags back from a Graph object's expanded properties. */
export const readTags = (
  props: ReadonlyArray<{ id?: string | null; value?: string | null }> | null | undefined,
): { planId?: string; role?: string; kind?: string; lang?: string } => {
  const out: { planId?: string; role?: string; kind?: string; lang?: string } = {};
  for (const p of props ?? []) {
    // Graph may echo the id with a different case for the GUID/name; compare case-insensitively.
    const id = (p.id ?? '').toLowerCase();
    if (id === PLAN_TAG_ID.toLowerCase() && p.value) out.planId = p.value;
    if (id === ROLE_TAG_ID.toLowerCase() && p.value) out.role = p.value;
    if (id === KIND_TAG_ID.toLowerCase() && p.value) out.kind = p.value;
    if (id === LANG_TAG_ID.toLowerCase() && p.value) out.lang = p.value;
  }
  return out;
};

/**
 * Deterministic transactionId for an event of a plan: a retried POST of the same event carries the
 * same id, so Exchange does not create it twice. Graph caps the length; the plan id is a UUID and
 * roles are short, so `aurevoir-<plan>-<role>` stays well under it.
 */
export const transactionIdFor = (planId: string, role: TagRole): string =>
  `aurevoir-${planId}-${role.replace(/[^A-Za-z0-9:-]/g, '_')}`;
