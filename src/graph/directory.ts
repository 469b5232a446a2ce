import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { IsoDate } from '../domain/types';
import type { GraphClient } from './client';
import { imageContent } from './images';
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
  /**
   * Everyone in the organisation whose employeeLeaveDateTime lies in [fromUtc, toUtc], for the HR
   * partner's screen; `readable: false` when Graph refuses this caller the property (no role or scope).
   */
  leavingUsers(fromUtc: string, toUtc: string): Promise<{ readonly readable: boolean; readonly people: DirectoryPerson[] }>;
  /** A user's manager, or undefined when they have none. */
  managerOf(userId: string): Promise<DirectoryPerson | undefined>;
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
      // employeeLeaveDateTime needs User-LifeCycleInfo.Read.All and an admin-like role (user resource,
      // https://learn.microsoft.com/graph/api/resources/user). Without them it reads null (no leave date:
      // typed by hand); should a tenant refuse the $select outright (403/400), the list is read without it.
      // Under User.ReadBasic.All, jobTitle of a report is null too: the person shows without it.
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

  async leavingUsers(fromUtc, toUtc) {
    // List users (https://learn.microsoft.com/en-us/graph/api/user-list?view=graph-rest-1.0): least
    // privileged delegated scope User.ReadBasic.All. employeeLeaveDateTime "Supports $filter (eq, ne, not,
    // ge, le, in)" and is read only with User-LifeCycleInfo.Read.All plus the Lifecycle Workflows
    // Administrator or Global Reader role (user resource,
    // https://learn.microsoft.com/en-us/graph/api/resources/user?view=graph-rest-1.0). The app does not ask
    // for that scope: a tenant's admin consents to it, and tokens carry every consented scope. The
    // advanced-queries table has no row for the property; as its sibling employeeHireDate, it is sent as an
    // advanced query (ConsistencyLevel: eventual and $count=true,
    // https://learn.microsoft.com/en-us/graph/aad-advanced-queries), which Graph also accepts where not needed.
    const path = `/users${queryString({
      $filter: `employeeLeaveDateTime ge ${fromUtc} and employeeLeaveDateTime le ${toUtc}`,
      $count: 'true',
      $select: `${PERSON_SELECT},employeeLeaveDateTime`,
      $top: 999,
    })}`;
    try {
      const users = await graph.getAll<MG.User>(path, { scopes: [SCOPES.usersReadBasic], headers: { ConsistencyLevel: 'eventual' } });
      // A tenant that answers without the property (null) rather than refusing: nobody is shown as leaving.
      const people = users.map(toPerson).filter((p) => p.mail && p.leaveDate);
      return { readable: users.length === 0 || people.length > 0, people };
    } catch (e) {
      // 403: this caller may not read leave dates; the screen is not for them.
      if (AppError.is(e) && e.status === 403) return { readable: false, people: [] };
      throw e;
    }
  },

  async managerOf(userId) {
    // GET /users/{id}/manager (https://learn.microsoft.com/en-us/graph/api/user-list-manager?view=graph-rest-1.0).
    // Older versions of that page listed User.Read.All as least privileged; the permissions reference's own
    // scenario table reads reports and managers with the basic profile. The app asks User.ReadBasic.All (the
    // same contradiction and choice as directReports: docs/graph-fidelity.md, "Which scopes a route needs");
    // a tenant that insists on more answers 403, and the plan simply invites nobody but the leaver. 404: no manager.
    try {
      return toPerson(
        await graph.get<MG.User>(`/users/${encodeURIComponent(userId)}/manager${queryString({ $select: PERSON_SELECT })}`, { scopes: [SCOPES.usersReadBasic] }),
      );
    } catch (e) {
      if (AppError.is(e) && (e.status === 404 || e.status === 403)) return undefined;
      throw e;
    }
  },

  async photoDataUrl(userId) {
    const photo = await graph.getBinary(`/users/${encodeURIComponent(userId)}/photo/$value`, { scopes: [SCOPES.usersReadBasic] });
    if (!photo) return undefined;
    // The data URL says what the bytes are, not what a header claimed (images.ts); bytes that are no
    // image make no picture rather than a broken one.
    const image = imageContent(photo.bytes, photo.contentType);
    return image.contentType.startsWith('image/') ? toDataUrl(image.contentType, image.bytes) : undefined;
  },
});
