import pLimit from 'p-limit';
import { DateTime } from 'luxon';
import type { DirectoryGateway, DirectoryPerson } from '../graph';
import type { OrgDeparture, OrgDepartures, Person } from './service';

/**
 * The HR partner's view of the organisation: everyone whose leave date falls in the window, with their
 * manager (who is invited to the conversation the HR partner organises; see README, "The HR partner at
 * scale"). Whether the caller may read leave dates at all is the directory's own answer
 * (DirectoryGateway.leavingUsers): no separate role lookup, no extra scope.
 *
 * The managers are read one request per leaver, at most 4 at a time (directory reads are not mailbox
 * requests; 4 keeps the tab a polite client). CHOICE: not $expand=manager on the list, because whether
 * Graph combines $expand with the advanced query this list needs (ConsistencyLevel: eventual, $count) is
 * not documented for users (https://learn.microsoft.com/en-us/graph/aad-advanced-queries); GET
 * /users/{id}/manager is (https://learn.microsoft.com/en-us/graph/api/user-list-manager?view=graph-rest-1.0).
 */
export const organisationDepartures = async (
  directory: Pick<DirectoryGateway, 'leavingUsers' | 'managerOf'>,
  input: { readonly now: Date; readonly withinDays: number },
  toPerson: (p: DirectoryPerson) => Person,
): Promise<OrgDepartures> => {
  const from = DateTime.fromJSDate(input.now, { zone: 'UTC' }).startOf('day');
  const to = from.plus({ days: Math.max(1, Math.floor(input.withinDays)) }).endOf('day');
  const iso = (d: DateTime): string => d.toISO({ suppressMilliseconds: true }) ?? '';
  const { readable, people } = await directory.leavingUsers(iso(from), iso(to.set({ millisecond: 0 })));
  if (!readable) return { canReadLeaveDates: false, departures: [] };
  const limit = pLimit(4);
  const departures = await Promise.all(
    people.map((p) =>
      limit(async (): Promise<OrgDeparture> => {
        const manager = await directory.managerOf(p.id);
        return {
          person: toPerson(p),
          // leavingUsers keeps only people with a leave date.
          lastWorkingDay: p.leaveDate ?? ('' as OrgDeparture['lastWorkingDay']),
          ...(manager && manager.mail ? { manager: { displayName: manager.displayName, mail: manager.mail } } : {}),
        };
      }),
    ),
  );
  departures.sort((a, b) => a.lastWorkingDay.localeCompare(b.lastWorkingDay) || a.person.displayName.localeCompare(b.person.displayName));
  return { canReadLeaveDates: true, departures };
};

export { bulkPlanId } from './bulkIds';
