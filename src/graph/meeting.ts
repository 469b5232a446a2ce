import type * as MG from '@microsoft/microsoft-graph-types';
import type { GraphClient } from './client';
import { EVENT_SELECT, fromGraphEvent, type EventInfo } from './mappers';
import { queryString } from './odata';
import { SCOPES } from './scopes';
import { ROLE_TAG_ID, TAG_EXPAND, tagFilter } from './tags';

/**
 * What the meeting side panel reads: the exit conversations the manager booked (found by their
 * role tag, not by category, which a person may remove in Outlook) and the invite's body, where
 * the agenda is. Read-only, Calendars.ReadWrite already granted for booking: no new scope.
 */
export interface MeetingGateway {
  /** Every event tagged as an exit conversation (singles; the app never books it as a series). */
  conversations(): Promise<EventInfo[]>;
  /** The event's body as HTML (Exchange hands back a whole document). */
  bodyHtml(eventId: string): Promise<string>;
}

const CAL = [SCOPES.calendarsReadWrite];

export const createMeetingGateway = (graph: GraphClient): MeetingGateway => ({
  async conversations() {
    const path = `/me/events${queryString({ $filter: tagFilter(ROLE_TAG_ID, 'conversation'), $select: EVENT_SELECT, $expand: TAG_EXPAND, $top: 50 })}`;
    return (await graph.getAll<MG.Event>(path, { scopes: CAL, timeZone: 'UTC' })).map(fromGraphEvent);
  },
  async bodyHtml(eventId) {
    // Graph returns the body in HTML unless the request prefers text (Prefer:
    // outlook.body-content-type, https://learn.microsoft.com/graph/api/event-get#request-headers).
    const e = await graph.get<MG.Event>(`/me/events/${encodeURIComponent(eventId)}${queryString({ $select: 'body' })}`, { scopes: CAL });
    return e.body?.contentType === 'text' ? `<pre>${(e.body.content ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</pre>` : (e.body?.content ?? '');
  },
});
