import type * as MG from '@microsoft/microsoft-graph-types';
import type { BinaryContent, GraphClient } from './client';
import { queryString } from './odata';
import { SCOPES } from './scopes';

/** What a portable card needs of a contact: its name as Outlook split it, and the details Au revoir keeps. */
export interface PortableContact {
  readonly id: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly emails: readonly string[];
  readonly mobilePhone?: string;
  readonly businessHomePage?: string;
  readonly companyName?: string;
  readonly jobTitle?: string;
  readonly personalNotes: string;
}

export interface PortableGateway {
  /** One contact, with the name fields the app's list does not read. */
  contact(id: string): Promise<PortableContact>;
  /**
   * The contact's photo bytes, or null when it has none. `GET /me/contacts/{id}/photo/$value` answers the
   * binary photo, and 404 when the contact has no photo (https://learn.microsoft.com/graph/api/profilephoto-get,
   * "Get the specified profilePhoto or its metadata", HTTP requests for a contact, and its Response section).
   * Least permission for a contact's photo there: Contacts.Read; the app's Contacts.ReadWrite includes it.
   */
  contactPhoto(id: string): Promise<BinaryContent | null>;
}

const PORTABLE_SELECT = 'id,displayName,givenName,surname,emailAddresses,mobilePhone,businessHomePage,companyName,jobTitle,personalNotes';
const contactPath = (id: string): string => `/me/contacts/${encodeURIComponent(id)}`;
const SCOPES_RW = [SCOPES.contactsReadWrite];
const text = (v: string | null | undefined): string | undefined => (v ? v : undefined);

export const createPortableGateway = (graph: GraphClient): PortableGateway => ({
  async contact(id) {
    const c = await graph.get<MG.Contact>(`${contactPath(id)}${queryString({ $select: PORTABLE_SELECT })}`, { scopes: SCOPES_RW });
    const given = text(c.givenName);
    const surname = text(c.surname);
    const mobile = text(c.mobilePhone);
    const page = text(c.businessHomePage);
    const company = text(c.companyName);
    const title = text(c.jobTitle);
    return {
      id: c.id ?? id,
      displayName: c.displayName ?? '',
      ...(given ? { givenName: given } : {}),
      ...(surname ? { surname } : {}),
      emails: (c.emailAddresses ?? []).map((e) => e.address ?? '').filter(Boolean),
      ...(mobile ? { mobilePhone: mobile } : {}),
      ...(page ? { businessHomePage: page } : {}),
      ...(company ? { companyName: company } : {}),
      ...(title ? { jobTitle: title } : {}),
      personalNotes: c.personalNotes ?? '',
    };
  },
  async contactPhoto(id) {
    return graph.getBinary(`${contactPath(id)}/photo/$value`, { scopes: SCOPES_RW });
  },
});
