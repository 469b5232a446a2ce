// Events, storing: creating an event (with its transactionId and the attendees' copies), the ids of
// occurrences, and the instances of a stored event (series expansion) in a window.
import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { JsonObject } from '../core';
import { clone, newChangeKey, newItemId, seededItemId } from '../core';
import { isoNow, upsertExtProps, upsertExtensions } from '../items';
import { expandSeries } from '../recurrence';
import type { GraphRecurrence } from '../recurrence';
import type { Mailbox, StoredEvent, Store, UserRecord } from '../store';
import { parseGraphDateTime } from '../time';
import { DEFAULT_ONLINE_PROVIDERS, normalise } from './normalise';

export function occurrenceId(masterId: string, originalDate: string): string {
  return 'AAMkAGI3' + Buffer.from(`${masterId}|${originalDate}`).toString('base64url');
}

export function parseOccurrenceId(id: string): { masterId: string; originalDate: string } | null {
  if (!id.startsWith('AAMkAGI3')) return null;
  const raw = Buffer.from(id.slice(8), 'base64url').toString('utf8');
  const m = /^(.+)\|(\d{4}-\d{2}-\d{2})$/.exec(raw);
  return m ? { masterId: m[1]!, originalDate: m[2]! } : null;
}

function mailboxOf(store: Store, user: UserRecord): Mailbox {
  return store.mailbox(user.id);
}

/** Copies the meeting into each attendee's calendar who is a user of the organisation. */
export function syncAttendeeCopies(store: Store, master: StoredEvent, now: () => Date): void {
  const attendees = Array.isArray(master.data.attendees) ? (master.data.attendees as JsonObject[]) : [];
  const addresses = new Set(
    attendees.map((a) => String((a.emailAddress as JsonObject).address).toLowerCase()),
  );
  for (const user of store.state.users) {
    if (user.id === master.organizerId) continue;
    const mb = store.mailbox(user.id);
    const idx = mb.events.findIndex((e) => e.iCalUId === master.iCalUId && !e.isOrganizer);
    const wanted = addresses.has(user.mail.toLowerCase()) || addresses.has(user.userPrincipalName.toLowerCase());
    if (!wanted) {
      if (idx >= 0) mb.events.splice(idx, 1);
      continue;
    }
    const data = clone(master.data);
    delete data.transactionId;
    const stamp = isoNow(now);
    if (idx >= 0) {
      const copy = mb.events[idx]!;
      // The attendee keeps their own categories, reminder and free/busy choice.
      for (const k of ['categories', 'isReminderOn', 'reminderMinutesBeforeStart']) {
        if (k in copy.data) data[k] = copy.data[k]!;
        else delete data[k];
      }
      copy.data = data;
      copy.cancelledDates = [...master.cancelledDates];
      copy.exceptions = clone(master.exceptions);
      copy.changeKey = newChangeKey();
      copy.lastModifiedDateTime = stamp;
    } else {
      delete data.categories;
      mb.events.push({
        // Derived from the organizer's item, so the seed is the same from one run to the next.
        id: seededItemId(`copy:${master.id}:${user.id}`),
        changeKey: newChangeKey(),
        createdDateTime: stamp,
        lastModifiedDateTime: stamp,
        iCalUId: master.iCalUId,
        data,
        isOrganizer: false,
        organizerId: master.organizerId,
        extProps: [],
        extensions: [],
        cancelledDates: [...master.cancelledDates],
        exceptions: clone(master.exceptions),
      });
    }
  }
}

export function removeAttendeeCopies(store: Store, ev: StoredEvent): string[] {
  const removed: string[] = [];
  for (const user of store.state.users) {
    if (user.id === ev.organizerId) continue;
    const mb = store.mailbox(user.id);
    const before = mb.events.length;
    mb.events = mb.events.filter((e) => !(e.iCalUId === ev.iCalUId && !e.isOrganizer));
    if (mb.events.length !== before) removed.push(user.mail);
  }
  return removed;
}

export interface CreateOptions {
  /** Deterministic ids for the seed. */
  id?: string;
  iCalUId?: string;
}

/** Creates an event in `owner`'s calendar as organizer. Returns [event, created?]. */
export function createEvent(store: Store, owner: UserRecord, body: Record<string, unknown>, now: () => Date, opts: CreateOptions = {}): [StoredEvent, boolean] {
  const mb = mailboxOf(store, owner);
  const tx = body.transactionId;
  if (typeof tx === 'string' && tx !== '') {
    const existingId = mb.transactions[tx];
    const existing = existingId === undefined ? undefined : mb.events.find((e) => e.id === existingId);
    if (existing) return [existing, false];
  }
  const data = normalise(body, null, mb.onlineMeetingProviders ?? DEFAULT_ONLINE_PROVIDERS);
  data.organizer = { emailAddress: { name: owner.displayName, address: owner.mail } };
  const stamp = isoNow(now);
  const id = opts.id ?? newItemId();
  const ev: StoredEvent = {
    id,
    changeKey: newChangeKey(),
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    iCalUId: opts.iCalUId ?? '040000008200E00074C5B7101A82E008' + randomBytes(28).toString('hex').toUpperCase(),
    data,
    isOrganizer: true,
    organizerId: owner.id,
    extProps: upsertExtProps([], body.singleValueExtendedProperties),
    extensions: upsertExtensions([], body.extensions),
    cancelledDates: [],
    exceptions: {},
  };
  mb.events.push(ev);
  if (typeof tx === 'string' && tx !== '') mb.transactions[tx] = ev.id;
  syncAttendeeCopies(store, ev, now);
  store.changed();
  return [ev, true];
}

export interface Instance {
  start: DateTime;
  end: DateTime;
}

export function instantsOf(data: JsonObject): Instance {
  return {
    start: parseGraphDateTime(data.start as { dateTime: string; timeZone: string }),
    end: parseGraphDateTime(data.end as { dateTime: string; timeZone: string }),
  };
}

/** The instances of one stored event overlapping [from, to). */
export function instancesOf(ev: StoredEvent, from: DateTime, to: DateTime): Array<{ originalDate?: string; start: DateTime; end: DateTime }> {
  if (!ev.data.recurrence) {
    const t = instantsOf(ev.data);
    const overlaps = t.start < to && (t.end > from || (+t.end === +t.start && t.start >= from));
    return overlaps ? [t] : [];
  }
  const occ = expandSeries({
    recurrence: ev.data.recurrence as unknown as GraphRecurrence,
    start: ev.data.start as { dateTime: string; timeZone: string },
    end: ev.data.end as { dateTime: string; timeZone: string },
    // Widen the window so exceptions moved into it from outside are found, then cut exactly.
    window: { start: from.minus({ days: 31 }), end: to.plus({ days: 31 }) },
    cancelledDates: ev.cancelledDates,
  });
  const out: Array<{ originalDate: string; start: DateTime; end: DateTime }> = [];
  for (const o of occ) {
    const ex = ev.exceptions[o.originalDate];
    let { start, end } = o;
    if (ex?.overrides.start && ex.overrides.end) {
      start = parseGraphDateTime(ex.overrides.start as { dateTime: string; timeZone: string });
      end = parseGraphDateTime(ex.overrides.end as { dateTime: string; timeZone: string });
    }
    if (start < to && end > from) out.push({ originalDate: o.originalDate, start: o.start, end: o.end });
  }
  return out;
}

/** Busy intervals of a user between two instants (for findMeetingTimes / getSchedule). */
export function busyOf(store: Store, user: UserRecord, from: DateTime, to: DateTime): Array<{ start: DateTime; end: DateTime; showAs: string; subject: string }> {
  const out: Array<{ start: DateTime; end: DateTime; showAs: string; subject: string }> = [];
  for (const ev of store.mailbox(user.id).events) {
    for (const inst of instancesOf(ev, from, to)) {
      const ex = inst.originalDate ? ev.exceptions[inst.originalDate] : undefined;
      const data = ex ? { ...ev.data, ...ex.overrides } : ev.data;
      const showAs = typeof data.showAs === 'string' ? data.showAs : 'busy';
      if (showAs === 'free') continue;
      let { start, end } = inst;
      if (ex?.overrides.start) ({ start, end } = instantsOf(data));
      out.push({ start, end, showAs, subject: typeof data.subject === 'string' ? data.subject : '' });
    }
  }
  return out.sort((a, b) => +a.start - +b.start);
}
