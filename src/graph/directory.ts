import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { IsoDate } from '../domain/types';
import type { GraphClient } from './client';
import { toDataUrl } from './mappers';
import { queryString, searchTerm } from './odata';
import { SCOPES } from './scopes';

export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly jobTitle?: string;
  readonly leaveDate?: IsoDate;
}

export interface DirectoryGateway {
  me(): Promise<DirectoryPerson>;
  searchPeople(query: string, top?: number): Promise<DirectoryPerson[]>;
  /** Direct reports; `leaveDate` only when this user may read employeeLeaveDateTime. */
  directReports(): Promise<DirectoryPerson[]>;
  /** `data:` URL of a user's photo, or undefined when they have none. */
  photoDataUrl(userId: string): Promise<string | undefined>;
}

const PERSON_SELECT = 'id,displayName,mail,userPrincipalName,jobTitle';

const toPerson = (u: MG.User): DirectoryPerson => ({
  id: u.id ?? '',
  displayName: u.displayName ?? u.mail ?? '',
  mail: u.mail ?? u.userPrincipalName ?? '',
  ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
  ...(u.employeeLeaveDateTime ? { leaveDate: u.employeeLeaveDateTime.slice(0, 10) as IsoDate } : {}),
});

export const createDirectoryGateway = (graph: GraphClient): DirectoryGateway => ({
  async me() {
    return toPerson(await graph.get<MG.User>(`/me${queryString({ $select: PERSON_SELECT })}`, { scopes: [SCOPES.userRead] }));
  },

  async searchPeople(query, top = 10) {
    const q = query.trim();
    if (q.length < 2) return [];
    // $search on users needs ConsistencyLevel: eventual; the terms are quoted, never pasted raw.
    const path = `/users${queryString({
      $search: `${searchTerm('displayName', q)} OR ${searchTerm('mail', q)}`,
      $select: PERSON_SELECT,
      $top: top,
    })}`;
    const users = await graph.get<{ value?: MG.User[] }>(path, {
      scopes: [SCOPES.usersReadBasic],
      headers: { ConsistencyLevel: 'eventual' },
    });
    return (users.value ?? []).map(toPerson).filter((p) => p.mail);
  },

  async directReports() {
    const scopes = [SCOPES.usersReadBasic];
    try {
      // employeeLeaveDateTime needs User-LifeCycleInfo.Read.All and an admin-like role: most managers
      // get 403 for it, and then the list is fetched again without it (leave dates typed by hand).
      const withLeave = await graph.getAll<MG.User>(
        `/me/directReports${queryString({ $select: `${PERSON_SELECT},employeeLeaveDateTime` })}`,
        { scopes },
      );
      return withLeave.map(toPerson);
    } catch (e) {
      if (!(AppError.is(e) && (e.status === 403 || e.status === 400))) throw e;
    }
    return (await graph.getAll<MG.User>(`/me/directReports${queryString({ $select: PERSON_SELECT })}`, { scopes })).map(toPerson);
  },

  async photoDataUrl(userId) {
    const photo = await graph.getBinary(`/users/${encodeURIComponent(userId)}/photo/$value`, { scopes: [SCOPES.usersReadBasic] });
    return photo ? toDataUrl(photo.contentType, photo.bytes) : undefined;
  },
});
