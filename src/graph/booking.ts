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
import { imageContent } from './images';
import { layOut, type BatchLayout } from './batch';

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
      /** false when it was already there (a category found after its POST was refused). */
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
   * `parallel` (default): one fully parallel batch, which Graph feeds to the mailbox four items at a time,
   * so it takes all four of the mailbox's slots while it runs. `sequential`: one item at a time (one slot),
   * for callers that run up to four batches at once (bulk booking) or resend what a parallel batch had
   * refused with 429. The rules and their sources: batch.ts.
   */
  readonly layout?: BatchLayout;
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
  // The item's content type may read application/json: the bytes say what the photo is (images.ts).
  return imageContent(base64ToBytes(r.body), r.headers['content-type']);
};

const outcomeOf = (op: BookingOp, r: BatchResponseItem): BookingOutcome => {
  const ok = r.status >= 200 && r.status < 300;
  if (op.kind === 'userPhoto' && (ok || r.status === 404)) return { key: op.key, ok: true, createdNow: false, photo: ok ? photoFrom(r) : null };
  if (op.kind === 'contactPhotoCheck' && (ok || r.status === 404)) return { key: op.key, ok: true, createdNow: false, hasPhoto: ok };
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

/**
 * Ops whose ordinary answer may be a 4xx: the leaver has no directory photo (404), the existing contact
 * has none (404), the category exists (a 4xx on its POST). In a sequential batch they go last.
 */
const isLeafOp = (op: BookingOp): boolean => op.kind === 'category' || op.kind === 'contactPhotoCheck' || op.kind === 'userPhoto';

const categoryQuery = (name: string): string =>
  `/me/outlook/masterCategories${queryString({ $filter: `displayName eq ${odataString(name)}`, $select: 'id,displayName' })}`;

const listsCategory = (r: BatchResponseItem | undefined, name: string): boolean =>
  !!r &&
  r.status >= 200 &&
  r.status < 300 &&
  (((r.body ?? {}) as { value?: MG.OutlookCategory[] }).value ?? []).some((c) => (c.displayName ?? '').toLowerCase() === name.toLowerCase());

const missing = (id: string): BatchResponseItem => ({ id, status: 0, headers: {}, body: undefined });

export const createBookingGateway = (graph: GraphClient): BookingGateway => {
  /**
   * Master categories known to exist in this session (lower-cased names): no need to create or look them
   * up again. Only ever added to: a category the user deletes meanwhile is not Au revoir's to bring back.
   */
  const knownCategories = new Set<string>();

  return {
    async submit(ops, shape = {}) {
      const layout = shape.layout ?? 'parallel';
      // Objects first, then the photo reads, then the category: in a sequential batch an item's failure 424s
      // everything after it, and the category's refusal (it exists) is the likeliest ordinary 4xx.
      const rank = (op: BookingOp): number => (op.kind === 'category' ? 2 : isLeafOp(op) ? 1 : 0);
      const items: BatchRequestItem[] = [];
      const leaves = new Set<string>();
      const order = ops.map((op, i) => ({ op, id: String(i + 1) })).sort((a, b) => rank(a.op) - rank(b.op));
      for (const { op, id } of order) {
        if (op.kind === 'category') {
          if (knownCategories.has(op.name.toLowerCase())) continue;
          // A duplicate master category is not documented as 409 (the create page,
          // https://learn.microsoft.com/en-us/graph/api/outlookuser-post-mastercategories, lists no error for it),
          // so any 4xx on the POST means "look it up". The GET rides in the same batch, before the POST in a
          // sequential one, so the answer costs no extra round trip.
          items.push({ id: `${id}q`, method: 'GET', url: categoryQuery(op.name) });
          leaves.add(`${id}q`);
        }
        items.push(toBatchItem(op, id));
        if (isLeafOp(op)) leaves.add(id);
      }
      const byId = new Map<string, BatchResponseItem>();
      if (items.length > 0) {
        const laidOut = layOut(items, layout, (item) => leaves.has(item.id));
        const responses = await graph.batch(laidOut, { scopes: unionScopes(...ops.map(opScopes)), what: 'booking $batch' });
        laidOut.forEach((item, i) => byId.set(item.id, responses[i] ?? missing(item.id)));
      }
      return ops.map((op, i) => {
        const id = String(i + 1);
        if (op.kind !== 'category') return outcomeOf(op, byId.get(id) ?? missing(id));
        const name = op.name.toLowerCase();
        const posted = byId.get(id);
        if (!posted) return { key: op.key, ok: true, createdNow: false };
        if (posted.status >= 200 && posted.status < 300) {
          knownCategories.add(name);
          return { key: op.key, ok: true, createdNow: true };
        }
        if (posted.status >= 400 && posted.status < 500 && posted.status !== 429 && posted.status !== 424) {
          const query = byId.get(`${id}q`);
          if (listsCategory(query, op.name)) {
            knownCategories.add(name);
            return { key: op.key, ok: true, createdNow: false };
          }
          // The lookup itself did not answer (throttled, say): its outcome decides whether to try again.
          if (query && (query.status < 200 || query.status >= 300)) return outcomeOf(op, query);
        }
        return outcomeOf(op, posted);
      });
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
        { id: 'category', method: 'GET', url: categoryQuery(category) },
      ];
      const items = layOut(lookups, shape.layout ?? 'parallel');
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
      const categoryExists = (await page<MG.OutlookCategory>(categories, 'lookup category', [SCOPES.mailboxSettingsReadWrite])).some(
        (c) => (c.displayName ?? '').toLowerCase() === category.toLowerCase(),
      );
      if (categoryExists) knownCategories.add(category.toLowerCase());
      return {
        events: (await page<MG.Event>(events, 'lookup events', [SCOPES.calendarsReadWrite])).map(fromGraphEvent),
        contacts: (await page<MG.Contact>(contacts, 'lookup contacts', [SCOPES.contactsReadWrite])).map(fromGraphContact),
        categoryExists,
      };
    },

    async putContactPhoto(contactId, photo) {
      await graph.putBinary(`/me/contacts/${encodeURIComponent(contactId)}/photo/$value`, photo, { scopes: [SCOPES.contactsReadWrite] });
    },
  };
};
