import type * as MG from '@microsoft/microsoft-graph-types';
import type { CalendarItem, MailItem } from '../domain/alumni/real-contact';
import { AppError } from '../domain/errors';
import { localDateTime } from '../domain/types';
import { viewWindows } from './calendar';
import type { GraphClient } from './client';
import { OUTLOOK_MAX_PAGE, odataString, queryString } from './odata';
import { LATER_SCOPES, SCOPES } from './scopes';
import { AU_REVOIR_CATEGORY } from '../domain/category';
import { PLAN_TAG_ID, TAG_PROPERTY_SET, readTags } from './tags';

/**
 * Graph access for "real contact resets the rhythm" (domain/alumni/real-contact.ts says what counts):
 * the manager's past calendar, the messages exchanged with alumni (only once the manager turned that on,
 * under Mail.ReadBasic, asked for then: incremental consent), and the record kept with each alumnus's
 * contact (what the last evidence changed, so that it can be undone).
 */

/** The record's property on the alumnus's contact: hidden in Outlook, read and written with Contacts.ReadWrite. */
export const REAL_CONTACT_PROP_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirRealContact`;

/** A calendar item with what the workflow needs beyond the domain's view of it. */
export interface CalendarItemRead extends CalendarItem {
  readonly seriesMasterId?: string;
}

export interface RealContactGateway {
  /**
   * Every event of the manager's calendar overlapping [startUtc, endUtc) (occurrences expanded), wall clock
   * in `windowsZone` (the mailbox's zone, so an all-day event reads as its own date). Windows longer than
   * calendarView allows are asked for in pieces.
   */
  calendarItems(startUtc: string, endUtc: string, windowsZone: string): Promise<CalendarItemRead[]>;
  /** Messages received from any of `addresses` or sent by the manager, since `sinceUtc`. Needs Mail.ReadBasic. */
  messagesWith(addresses: readonly string[], sinceUtc: string): Promise<MailItem[]>;
  /** The stored record (JSON text) of each of the app's contacts that has one, by contact id. */
  records(): Promise<Map<string, string>>;
  writeRecord(contactId: string, json: string): Promise<void>;
}

const EVENT_FIELDS = 'id,subject,start,end,isAllDay,isCancelled,attendees,organizer,responseStatus,categories,type,seriesMasterId';
// Only the plan tag: enough to tell Au revoir's own items even when someone removed the category in Outlook.
const PLAN_EXPAND = `singleValueExtendedProperties($filter=id eq ${odataString(PLAN_TAG_ID)})`;
const CAL_READ = [SCOPES.calendarsReadWrite];
const MAIL_READ = [LATER_SCOPES.mailReadBasic];
/**
 * Pages of messages read at most per query. The received query is narrowed by sender and date; the Sent
 * Items query only by date (see messagesWith), so a very busy sender's older mail past this bound is not
 * looked at: the newest comes first, which is the one that matters.
 */
const MAIL_PAGES = 5;
const MAIL_PAGE = 100;
/** Addresses per received-mail query: the URL stays well under Graph's length limits. */
const ADDRESSES_PER_QUERY = 15;

const wallClock = (dt: string | null | undefined): string => (dt ?? '').replace(/\.\d+$/, '').replace(/[zZ]$/, '');

const toItem = (e: MG.Event): CalendarItemRead | undefined => {
  const start = wallClock(e.start?.dateTime);
  const end = wallClock(e.end?.dateTime);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(start) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(end)) return undefined;
  const tags = readTags(e.singleValueExtendedProperties);
  const organizer = e.organizer?.emailAddress?.address;
  return {
    id: e.id ?? '',
    subject: e.subject ?? '',
    start: localDateTime(start),
    end: localDateTime(end),
    isAllDay: e.isAllDay === true,
    isCancelled: e.isCancelled === true,
    ...(organizer ? { organizer } : {}),
    attendees: (e.attendees ?? []).map((a) => ({
      address: a.emailAddress?.address ?? '',
      ...(a.status?.response ? { response: String(a.status.response) } : {}),
    })),
    ...(e.responseStatus?.response ? { myResponse: String(e.responseStatus.response) } : {}),
    isAppItem: (e.categories ?? []).includes(AU_REVOIR_CATEGORY) || tags.planId !== undefined,
    ...(e.seriesMasterId ? { seriesMasterId: e.seriesMasterId } : {}),
  };
};

const addressesOf = (rs: readonly MG.Recipient[] | null | undefined): string[] =>
  (rs ?? []).map((r) => r.emailAddress?.address ?? '').filter((a) => a !== '');

export const createRealContactGateway = (graph: GraphClient): RealContactGateway => ({
  async calendarItems(startUtc, endUtc, windowsZone) {
    const out: CalendarItemRead[] = [];
    const seen = new Set<string>();
    // calendarView refuses windows over 1,825 days (calendar.ts, GRAPH_MAX_VIEW_DAYS): viewWindows cuts them.
    for (const w of viewWindows(startUtc, endUtc)) {
      const path = `/me/calendarView${queryString({
        startDateTime: w.startUtc,
        endDateTime: w.endUtc,
        $select: EVENT_FIELDS,
        $expand: PLAN_EXPAND,
        $top: OUTLOOK_MAX_PAGE,
      })}`;
      // In the mailbox's zone: an all-day event's start is then its own date at 00:00 (event resource, isAllDay:
      // "start and end time must be set to midnight and be in the same time zone",
      // https://learn.microsoft.com/graph/api/resources/event), and timed ones read as the manager's wall clock.
      for (const raw of await graph.getAll<MG.Event>(path, { scopes: CAL_READ, timeZone: windowsZone, what: 'read past calendar' })) {
        const item = toItem(raw);
        if (!item || seen.has(item.id)) continue;
        seen.add(item.id);
        out.push(item);
      }
    }
    return out;
  },

  async messagesWith(addresses, sinceUtc) {
    if (addresses.length === 0) return [];
    const since = new Date(sinceUtc).toISOString();
    /*
     * What Mail.ReadBasic allows: list messages (least privileged permission of
     * https://learn.microsoft.com/graph/api/user-list-messages), "except for body, bodyPreview, uniqueBody,
     * attachments, extensions, and any extended properties. Does not include permissions to search messages"
     * (permissions reference, quoted in https://learn.microsoft.com/answers/questions/283657). So no $search
     * ("participants:" would need Mail.Read), only $filter:
     * - received: `from/emailAddress/address eq 'a' or ...` works, `in (...)` does not (a Microsoft engineer's
     *   answer: https://learn.microsoft.com/answers/questions/1299368);
     * - sent: `toRecipients/any(r: r/emailAddress/address eq 'a')` is refused with 400 ErrorInvalidUrlQueryFilter
     *   "The query filter contains one or more invalid nodes" (microsoftgraph/microsoft-graph-explorer-v4#3957,
     *   reproduced by its maintainers), so Sent Items is read by date and the recipients compared here.
     * No $orderby: combined with $filter it must repeat the filter's properties in order or Exchange refuses
     * it; the domain picks the latest itself.
     */
    const out: MailItem[] = [];
    for (let i = 0; i < addresses.length; i += ADDRESSES_PER_QUERY) {
      const senders = addresses
        .slice(i, i + ADDRESSES_PER_QUERY)
        .map((a) => `from/emailAddress/address eq ${odataString(a)}`)
        .join(' or ');
      const received = `/me/messages${queryString({
        $filter: `receivedDateTime ge ${since} and (${senders})`,
        $select: 'id,subject,receivedDateTime,from,isDraft',
        $top: MAIL_PAGE,
      })}`;
      for (const m of await graph.getAll<MG.Message>(received, { scopes: MAIL_READ, maxPages: MAIL_PAGES, what: 'read received mail' })) {
        const from = m.from?.emailAddress?.address;
        out.push({ id: m.id ?? '', subject: m.subject ?? '', at: m.receivedDateTime ?? '', ...(from ? { from } : {}), to: [], isDraft: m.isDraft === true });
      }
    }
    const sent = `/me/mailFolders/sentitems/messages${queryString({
      $filter: `sentDateTime ge ${since}`,
      $select: 'id,subject,sentDateTime,toRecipients,ccRecipients,isDraft',
      $top: MAIL_PAGE,
    })}`;
    for (const m of await graph.getAll<MG.Message>(sent, { scopes: MAIL_READ, maxPages: MAIL_PAGES, what: 'read sent mail' })) {
      out.push({ id: m.id ?? '', subject: m.subject ?? '', at: m.sentDateTime ?? '', to: [...addressesOf(m.toRecipients), ...addressesOf(m.ccRecipients)], isDraft: m.isDraft === true });
    }
    return out;
  },

  async records() {
    const path = `/me/contacts${queryString({
      $filter: `categories/any(c:c eq ${odataString(AU_REVOIR_CATEGORY)})`,
      $select: 'id',
      $expand: `singleValueExtendedProperties($filter=id eq ${odataString(REAL_CONTACT_PROP_ID)})`,
      $top: OUTLOOK_MAX_PAGE,
    })}`;
    const out = new Map<string, string>();
    for (const c of await graph.getAll<MG.Contact>(path, { scopes: [SCOPES.contactsReadWrite], what: 'read real-contact records' })) {
      const value = c.singleValueExtendedProperties?.find((p) => (p.id ?? '').toLowerCase() === REAL_CONTACT_PROP_ID.toLowerCase())?.value;
      if (c.id && typeof value === 'string') out.set(c.id, value);
    }
    return out;
  },

  async writeRecord(contactId, json) {
    if (json.length > 32_000) throw new AppError({ code: 'validation', detail: `real-contact record too large (${json.length} chars)` });
    await graph.patch(`/me/contacts/${encodeURIComponent(contactId)}`, { singleValueExtendedProperties: [{ id: REAL_CONTACT_PROP_ID, value: json }] }, {
      scopes: [SCOPES.contactsReadWrite],
      what: 'save real-contact record',
    });
  },
});
