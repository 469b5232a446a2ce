import type * as MG from '@microsoft/microsoft-graph-types';
import type { BinaryContent, GraphClient } from './client';
import { CONTACT_SELECT, fromGraphContact, toGraphContact, type ContactDraft, type ContactInfo } from './mappers';
import { queryString } from './odata';
import { SCOPES } from './scopes';
import { PLAN_TAG_ID, ROLE_TAG_ID, TAG_EXPAND, tagFilter } from './tags';

export interface ContactPatch {
  readonly personalNotes?: string;
  readonly mobilePhone?: string;
  readonly businessHomePage?: string;
  readonly companyName?: string;
  readonly jobTitle?: string;
}

export interface ContactsGateway {
  /** Every contact the app keeps (role tag `contact`). */
  appContacts(): Promise<ContactInfo[]>;
  planContacts(planId: string): Promise<ContactInfo[]>;
  getContact(id: string): Promise<ContactInfo>;
  createContact(draft: ContactDraft): Promise<ContactInfo>;
  updateContact(id: string, patch: ContactPatch): Promise<void>;
  deleteContact(id: string): Promise<void>;
  setPhoto(id: string, photo: BinaryContent): Promise<void>;
  hasPhoto(id: string): Promise<boolean>;
}

const SCOPES_RW = [SCOPES.contactsReadWrite];
const contactPath = (id: string): string => `/me/contacts/${encodeURIComponent(id)}`;

export const createContactsGateway = (graph: GraphClient): ContactsGateway => ({
  async appContacts() {
    const path = `/me/contacts${queryString({ $filter: tagFilter(ROLE_TAG_ID, 'contact'), $select: CONTACT_SELECT, $expand: TAG_EXPAND, $top: 100 })}`;
    return (await graph.getAll<MG.Contact>(path, { scopes: SCOPES_RW })).map(fromGraphContact);
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
    await graph.putBinary(`${contactPath(id)}/photo/$value`, photo, { scopes: SCOPES_RW });
  },
  async hasPhoto(id) {
    return (await graph.getBinary(`${contactPath(id)}/photo/$value`, { scopes: SCOPES_RW })) !== null;
  },
});
