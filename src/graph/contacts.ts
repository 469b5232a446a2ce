import type * as MG from '@microsoft/microsoft-graph-types';
import type { BinaryContent, GraphClient } from './client';
import { imageContent } from './images';
import { CONTACT_SELECT, fromGraphContact, toGraphContact, type ContactDraft, type ContactInfo } from './mappers';
import { OUTLOOK_MAX_PAGE, queryString } from './odata';
import { SCOPES } from './scopes';
import { AppError } from '../domain/errors';
import { odataString } from './odata';
import { KIND_TAG_ID, LANG_TAG_ID, PLAN_TAG_ID, ROLE_TAG_ID, TAG_EXPAND, TAG_PROPERTY_SET, tagFilter } from './tags';

/**
 * The outcome log and the consent record of an alumnus, each ONE single-value String extended property
 * on the alumnus's contact, holding the domain's JSON (domain/alumni/outcomes.ts, consent.ts).
 *
 * CHOICE, where they live. Three places were open on a contact, none of them a store of ours:
 * - a section of personalNotes beside the reconnect log (domain/alumni/log.ts): visible in Outlook, but
 *   edited by hand there, and this data wants exact kinds, dates and ids to remove by; the notes are the
 *   manager's to write, and other features (the reconnect log, exports) already read and write them;
 * - an open extension: what Microsoft recommends for custom data "in most common scenarios"
 *   (https://learn.microsoft.com/graph/api/resources/extended-properties-overview, "Use extended properties
 *   or open extensions?"), but it is a second resource to read (`$expand=extensions`) and write
 *   (`/contacts/{id}/extensions/{name}`, no If-Match of the contact's change key documented there);
 * - an extended property (chosen): the app's tags already are single-value extended properties on the
 *   same contact (tags.ts), so the alumni list brings the log back in the same `$expand` of the same
 *   request, and a write is a PATCH of the contact that honours If-Match with its change key, like the
 *   app state (state.ts). Single-value properties on contacts, created by PATCH and read by `$expand`:
 *   https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties
 *   and https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get (Contacts.ReadWrite,
 *   which the app already has). A multi-value property (an array of strings, one per entry) was not
 *   chosen: removing one entry means writing the whole array back anyway, and JSON keeps each entry's
 *   fields together.
 * Named properties are a finite resource of the mailbox ("MAPI named properties are a finite resource",
 * opentypeextension, "Outlook-specific considerations"): two fixed names, never one per entry.
 * CHOICE, size: Graph documents no size limit for a String property's value; the log is refused past
 * MAX_OUTCOME_LOG_CHARS (32,000 characters, the same bound as state.ts) rather than risked: about 60
 * entries with the longest notes, hundreds with usual ones.
 *
 * What is not visible in Outlook is said on the card; forgetting the person deletes the contact, and
 * these properties go with it.
 */
export const OUTCOMES_PROPERTY_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirOutcomes`;
export const CONSENT_PROPERTY_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirConsent`;

/** The tags plus the outcome log and the consent record, in one `$expand`. */
export const ALUMNI_EXPAND = `singleValueExtendedProperties($filter=${[PLAN_TAG_ID, ROLE_TAG_ID, KIND_TAG_ID, LANG_TAG_ID, OUTCOMES_PROPERTY_ID, CONSENT_PROPERTY_ID]
  .map((id) => `id eq ${odataString(id)}`)
  .join(' or ')})`;

/** A contact as the alumni view reads it: with the raw outcome log and consent record, when present. */
export type AlumniContactInfo = ContactInfo & {
  readonly outcomesJson?: string;
  readonly consentJson?: string;
};

/** The outcome log as last read, with the contact's change key for If-Match. */
export interface OutcomesRead {
  readonly value?: string;
  readonly etag: string;
}

type ContactWire = MG.Contact & { '@odata.etag'?: string };

const propValue = (c: MG.Contact, id: string): string | undefined => {
  const v = c.singleValueExtendedProperties?.find((p) => (p.id ?? '').toLowerCase() === id.toLowerCase())?.value;
  return typeof v === 'string' ? v : undefined;
};

const fromAlumniContact = (c: MG.Contact): AlumniContactInfo => {
  const outcomesJson = propValue(c, OUTCOMES_PROPERTY_ID);
  const consentJson = propValue(c, CONSENT_PROPERTY_ID);
  return { ...fromGraphContact(c), ...(outcomesJson !== undefined ? { outcomesJson } : {}), ...(consentJson !== undefined ? { consentJson } : {}) };
};

const etagOf = (c: ContactWire): string => c['@odata.etag'] ?? (c.changeKey ? `W/"${c.changeKey}"` : '*');

export interface ContactPatch {
  readonly personalNotes?: string;
  readonly mobilePhone?: string;
  readonly businessHomePage?: string;
  readonly companyName?: string;
  readonly jobTitle?: string;
}

export interface ContactsGateway {
  /** Every contact the app keeps (role tag `contact`), with its outcome log and consent record. */
  appContacts(): Promise<AlumniContactInfo[]>;
  planContacts(planId: string): Promise<ContactInfo[]>;
  getContact(id: string): Promise<ContactInfo>;
  createContact(draft: ContactDraft): Promise<ContactInfo>;
  updateContact(id: string, patch: ContactPatch): Promise<void>;
  deleteContact(id: string): Promise<void>;
  setPhoto(id: string, photo: BinaryContent): Promise<void>;
  hasPhoto(id: string): Promise<boolean>;
  /** The contact's outcome log (raw) and its change key. */
  readOutcomes(id: string): Promise<OutcomesRead>;
  /**
   * Writes the outcome log only if the contact did not change since `etag` was read (If-Match);
   * otherwise AppError `graph.conflict` (412, or 404 when the contact went meanwhile).
   */
  writeOutcomes(id: string, value: string, etag: string): Promise<void>;
}

const SCOPES_RW = [SCOPES.contactsReadWrite];
const contactPath = (id: string): string => `/me/contacts/${encodeURIComponent(id)}`;

export const createContactsGateway = (graph: GraphClient): ContactsGateway => ({
  async appContacts() {
    const path = `/me/contacts${queryString({ $filter: tagFilter(ROLE_TAG_ID, 'contact'), $select: CONTACT_SELECT, $expand: ALUMNI_EXPAND, $top: OUTLOOK_MAX_PAGE })}`;
    return (await graph.getAll<MG.Contact>(path, { scopes: SCOPES_RW })).map(fromAlumniContact);
  },
  async planContacts(planId) {
    const path = `/me/contacts${queryString({ $filter: tagFilter(PLAN_TAG_ID, planId), $select: CONTACT_SELECT, $expand: TAG_EXPAND })}`;
    return (await graph.getAll<MG.Contact>(path, { scopes: SCOPES_RW })).map(fromGraphContact);
  },
  async getContact(id) {
    return fromGraphContact(
      await graph.get<MG.Contact>(`${contactPath(id)}${queryString({ $select: CONTACT_SELECT, $expand: TAG_EXPAND })}`, { scopes: SCOPES_RW }),
    );
  },
  async createContact(draft) {
    return fromGraphContact(await graph.post<MG.Contact>('/me/contacts', toGraphContact(draft), { scopes: SCOPES_RW }));
  },
  async updateContact(id, patch) {
    await graph.patch(contactPath(id), patch, { scopes: SCOPES_RW });
  },
  async deleteContact(id) {
    await graph.delete(contactPath(id), { scopes: SCOPES_RW });
  },
  async setPhoto(id, photo) {
    // The PUT's Content-Type comes from the bytes, whatever the photo's source said it was (images.ts).
    await graph.putBinary(`${contactPath(id)}/photo/$value`, imageContent(photo.bytes, photo.contentType), { scopes: SCOPES_RW });
  },
  async hasPhoto(id) {
    return (await graph.getBinary(`${contactPath(id)}/photo/$value`, { scopes: SCOPES_RW })) !== null;
  },
  async readOutcomes(id) {
    const c = await graph.get<ContactWire>(
      `${contactPath(id)}${queryString({ $select: 'id,changeKey', $expand: `singleValueExtendedProperties($filter=id eq ${odataString(OUTCOMES_PROPERTY_ID)})` })}`,
      { scopes: SCOPES_RW, what: 'read outcome log' },
    );
    const value = propValue(c, OUTCOMES_PROPERTY_ID);
    return { ...(value !== undefined ? { value } : {}), etag: etagOf(c) };
  },
  async writeOutcomes(id, value, etag) {
    try {
      await graph.patch(contactPath(id), { singleValueExtendedProperties: [{ id: OUTCOMES_PROPERTY_ID, value }] }, {
        scopes: SCOPES_RW,
        headers: { 'If-Match': etag },
        what: 'save outcome log',
      });
    } catch (e: unknown) {
      const err = AppError.from(e);
      // 412: another device wrote first (Exchange's ErrorIrresolvableConflict). The caller reads again.
      if (err.status === 412) throw new AppError({ code: 'graph.conflict', status: 412, detail: `outcome log of ${id} changed meanwhile`, cause: e });
      throw err;
    }
  },
});
