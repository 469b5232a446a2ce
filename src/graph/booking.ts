import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { BatchRequestItem, BatchResponseItem, BinaryContent, GraphClient } from './client';
import { graphError, isRetryableStatus, parseRetryAfter } from './errors';
import {
  CONTACT_SELECT,
  EVENT_SELECT,
  base64ToBytes,
  fromGraphContact,
  fromGraphEvent,
  toGraphContact,
  toGraphEvent,
  type ContactDraft,
  type ContactInfo,
  type EventDraft,
  type EventInfo,
} from './mappers';
import { odataString, queryString } from './odata';
import { SCOPES, unionScopes } from './scopes';
import { PLAN_TAG_ID, TAG_EXPAND, tagFilter } from './tags';

/**
 * The booking side of Graph, in operations the workflow can reason about. Each `submit` or `lookup`
 * is exactly one HTTP round trip ($batch); the workflow decides what goes in it and what to do with
 * each item's outcome. Wire shapes stay here.
 */
export type BookingOp =
  | { readonly key: string; readonly kind: 'category'; readonly name: string; readonly color: string }
  | { readonly key: string; readonly kind: 'contact'; readonly draft: ContactDraft }
  | { readonly key: string; readonly kind: 'event'; readonly draft: EventDraft }
  /** GET of a directory user's photo (bytes come back base64 inside the batch). */
  | { readonly key: string; readonly kind: 'userPhoto'; readonly userId: string }
  /** Whether an existing contact already has a photo (resumed bookings). */
  | { readonly key: string; readonly kind: 'contactPhotoCheck'; readonly contactId: string };

export type BookingOutcome =
  | {
      readonly key: string;
      readonly ok: true;
      /** false when Graph said it was already there (category 409). */
      readonly createdNow: boolean;
      readonly id?: string;
      readonly webLink?: string;
      readonly joinUrl?: string;
      /** userPhoto: the bytes, or null when the user has none. contactPhotoCheck: whether one exists. */
      readonly photo?: BinaryContent | null;
      readonly hasPhoto?: boolean;
    }
  | {
      readonly key: string;
      readonly ok: false;
      readonly status: number;
      readonly error: AppError;
      /** 429/503/504 (after Retry-After), or 424: not run because an item before it in the chain failed. */
      readonly retryable: boolean;
      readonly retryAfterSeconds?: number;
    };

export interface PlanLookup {
  readonly events: readonly EventInfo[];
  readonly contacts: readonly ContactInfo[];
  readonly categoryExists: boolean;
}

export interface BatchShape {
  /**
   * How many of the mailbox's requests the batch may run at once. Exchange allows 4 concurrent
   * requests per mailbox and answers 429 to the rest of a parallel batch, so the first `parallel`
   * items run side by side and the others follow in a dependsOn chain, one at a time, still in the
   * same round trip. Default 4; bulk booking gives each plan a share of the 4.
   */
  readonly parallel?: number;
}

export interface BookingGateway {
  /** One $batch with up to 20 operations. Rejects with an AppError only when the batch itself fails. */
  submit(ops: readonly BookingOp[], shape?: BatchShape): Promise<BookingOutcome[]>;
  /** One $batch: the plan's tagged events, its tagged contact, and whether the category exists. */
  lookup(planId: string, category: string, shape?: BatchShape): Promise<PlanLookup>;
  /**
   * The contact photo. It needs the id of a contact that the same $batch creates, and JSON batching
   * cannot feed one response's id into another request's URL (`dependsOn` only orders them), so this
   * PUT is the one forced second round trip of a booking.
   */
  putContactPhoto(contactId: string, photo: BinaryContent): Promise<void>;
}

const opScopes = (op: BookingOp): string[] => {
  switch (op.kind) {
    case 'category':
      return [SCOPES.mailboxSettingsReadWrite];
    case 'contact':
    case 'contactPhotoCheck':
      return [SCOPES.contactsReadWrite];
    case 'event':
      return [SCOPES.calendarsReadWrite];
    case 'userPhoto':
      return [SCOPES.usersReadBasic];
  }
};

const toBatchItem = (op: BookingOp, id: string): BatchRequestItem => {
  switch (op.kind) {
    case 'category':
      return { id, method: 'POST', url: '/me/outlook/masterCategories', body: { displayName: op.name, color: op.color } };
    case 'contact':
      return { id, method: 'POST', url: '/me/contacts', body: toGraphContact(op.draft) };
    case 'event':
      return { id, method: 'POST', url: '/me/events', body: toGraphEvent(op.draft) };
    case 'userPhoto':
      return { id, method: 'GET', url: `/users/${encodeURIComponent(op.userId)}/photo/$value` };
    case 'contactPhotoCheck':
      return { id, method: 'GET', url: `/me/contacts/${encodeURIComponent(op.contactId)}/photo` };
  }
};

/** A binary sub-response: Graph puts the bytes base64-encoded in `body`. */
const photoFrom = (r: BatchResponseItem): BinaryContent | null => {
  if (typeof r.body !== 'string' || r.body === '') return null;
  return { contentType: r.headers['content-type'] ?? 'image/jpeg', bytes: base64ToBytes(r.body) };
};

const outcomeOf = (op: BookingOp, r: BatchResponseItem): BookingOutcome => {
  const ok = r.status >= 200 && r.status < 300;
  if (op.kind === 'userPhoto' && (ok || r.status === 404)) return { key: op.key, ok: true, createdNow: false, photo: ok ? photoFrom(r) : null };
  if (op.kind === 'contactPhotoCheck' && (ok || r.status === 404)) return { key: op.key, ok: true, createdNow: false, hasPhoto: ok };
  // The master category list already has it: exactly what we wanted.
  if (op.kind === 'category' && r.status === 409) return { key: op.key, ok: true, createdNow: false };
  if (ok) {
    if (op.kind === 'event') {
      const e = fromGraphEvent((r.body ?? {}) as MG.Event);
      return { key: op.key, ok: true, createdNow: true, id: e.id, ...(e.webLink ? { webLink: e.webLink } : {}), ...(e.joinUrl ? { joinUrl: e.joinUrl } : {}) };
    }
    const id = ((r.body ?? {}) as { id?: string }).id;
    return { key: op.key, ok: true, createdNow: true, ...(id ? { id } : {}) };
  }
  const error =
    r.status === 0
      ? new AppError({ code: 'network', detail: `$batch answer lacked item ${op.key}` })
      : graphError({ status: r.status, body: r.body, headers: r.headers, what: `${op.kind} ${op.key}` });
  const retryAfterSeconds = parseRetryAfter(r.headers['retry-after']);
  return {
    key: op.key,
    ok: false,
    status: r.status,
    error,
    retryable: isRetryableStatus(r.status) || r.status === 424,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
};

/** A request to another user's mailbox (their directory photo) does not use the manager's slots. */
const usesOwnMailbox = (item: BatchRequestItem): boolean => !item.url.startsWith('/users/');

/**
 * Lays the items out for Exchange's 4-per-mailbox limit: the first `parallel` of the manager's
 * items run at once, each later one depends on the one before it. Items that tend to "fail" on
 * purpose (the category's 409, a missing photo's 404) must come last or be independent, since a
 * failed item makes everything after it in the chain come back 424; callers order ops accordingly.
 */
export const chainItems = (
  items: readonly BatchRequestItem[],
  parallel: number,
  isLeaf: (item: BatchRequestItem) => boolean = () => false,
): BatchRequestItem[] => {
  const width = Math.max(1, Math.floor(parallel));
  let own = 0;
  let previous: string | undefined;
  let lastLeaf: string | undefined;
  return items.map((item) => {
    if (!usesOwnMailbox(item)) return item;
    own += 1;
    const after = previous ?? lastLeaf;
    const out = own > width && after ? { ...item, dependsOn: [after] } : item;
    // A leaf waits for the chain but nothing waits for it, so its expected 404/409 fails no one
    // (unless only leaves are left, and then only each other's).
    if (isLeaf(item)) lastLeaf = item.id;
    else previous = item.id;
    return out;
  });
};

/** Ops whose normal answers include a 4xx (category exists: 409; no photo: 404). */
const isLeafOp = (op: BookingOp): boolean => op.kind === 'category' || op.kind === 'contactPhotoCheck' || op.kind === 'userPhoto';

export const createBookingGateway = (graph: GraphClient): BookingGateway => ({
  async submit(ops, shape = {}) {
    const leaves = new Set(ops.flatMap((op, i) => (isLeafOp(op) ? [String(i + 1)] : [])));
    const items = chainItems(
      ops.map((op, i) => toBatchItem(op, String(i + 1))),
      shape.parallel ?? 4,
      (item) => leaves.has(item.id),
    );
    const responses = await graph.batch(items, { scopes: unionScopes(...ops.map(opScopes)), what: 'booking $batch' });
    return ops.map((op, i) => outcomeOf(op, responses[i] ?? { id: String(i + 1), status: 0, headers: {}, body: undefined }));
  },

  async lookup(planId, category, shape = {}) {
    const lookups: BatchRequestItem[] = [
      {
        id: 'events',
        method: 'GET',
        url: `/me/events${queryString({ $filter: tagFilter(PLAN_TAG_ID, planId), $select: EVENT_SELECT, $expand: TAG_EXPAND, $top: 50 })}`,
      },
      {
        id: 'contacts',
        method: 'GET',
        url: `/me/contacts${queryString({ $filter: tagFilter(PLAN_TAG_ID, planId), $select: CONTACT_SELECT, $expand: TAG_EXPAND, $top: 10 })}`,
      },
      {
        id: 'category',
        method: 'GET',
        url: `/me/outlook/masterCategories${queryString({ $filter: `displayName eq ${odataString(category)}`, $select: 'id,displayName' })}`,
      },
    ];
    const items = chainItems(lookups, shape.parallel ?? 4);
    const scopes = [SCOPES.calendarsReadWrite, SCOPES.contactsReadWrite, SCOPES.mailboxSettingsReadWrite];
    const [events, contacts, categories] = await graph.batch(items, { scopes, what: 'lookup $batch' });
    const page = async <T>(r: BatchResponseItem | undefined, what: string, itemScopes: string[]): Promise<T[]> => {
      if (!r || r.status < 200 || r.status >= 300) {
        throw r && r.status !== 0
          ? graphError({ status: r.status, body: r.body, headers: r.headers, what })
          : new AppError({ code: 'network', detail: `${what}: no answer in the $batch` });
      }
      const body = (r.body ?? {}) as { value?: T[]; '@odata.nextLink'?: string };
      const rest = body['@odata.nextLink'] ? await graph.getAll<T>(body['@odata.nextLink'], { scopes: itemScopes }) : [];
      return [...(body.value ?? []), ...rest];
    };
    return {
      events: (await page<MG.Event>(events, 'lookup events', [SCOPES.calendarsReadWrite])).map(fromGraphEvent),
      contacts: (await page<MG.Contact>(contacts, 'lookup contacts', [SCOPES.contactsReadWrite])).map(fromGraphContact),
      categoryExists: (await page<MG.OutlookCategory>(categories, 'lookup category', [SCOPES.mailboxSettingsReadWrite])).some(
        (c) => (c.displayName ?? '').toLowerCase() === category.toLowerCase(),
      ),
    };
  },

  async putContactPhoto(contactId, photo) {
    await graph.putBinary(`/me/contacts/${encodeURIComponent(contactId)}/photo/$value`, photo, { scopes: [SCOPES.contactsReadWrite] });
  },
});
