import { AppError } from '../domain/errors';
import type { Plan } from '../domain/plan/model';
import { AU_REVOIR_CATEGORY } from '../domain/category';
import { MAILBOX_CONCURRENCY, type BatchLayout, type BinaryContent, type BookingGateway, type BookingOp, type PlanLookup } from '../graph';
import { wantedObjects, type WantedObject } from './drafts';
import type { BookedObject, BookedObjectKind, BookingProgress, Receipt } from './service';

export interface BookPlanDeps {
  readonly booking: BookingGateway;
  /** Injected so tests and the bench can observe waits; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface BookPlanOptions {
  readonly onProgress?: (p: BookingProgress) => void;
  /**
   * true when this plan was attempted before (a failure or an unknown outcome): the first request
   * is then a lookup of what is already in the mailbox, and only what is missing gets created.
   */
  readonly resume?: boolean;
  /** Rounds of create/retry in this call (each one $batch). */
  readonly maxRounds?: number;
  /** Longest wait honoured from a Retry-After; beyond it the call gives up with a partial receipt. */
  readonly maxWaitSeconds?: number;
  /**
   * Share of the mailbox's 4 concurrent requests this booking may use. 4 (default): its batch is fully
   * parallel, which Graph feeds to the mailbox 4 items at a time. Fewer (bulk booking passes 1): its
   * batches are fully sequential, one item at a time, so 4 bookings can run side by side.
   */
  readonly parallel?: number;
}

interface Found {
  readonly id?: string;
  readonly webLink?: string;
  readonly joinUrl?: string;
  readonly createdNow: boolean;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits Graph asks for are honoured up to this; unspecified waits back off from DEFAULT_WAIT. */
const DEFAULT_WAIT_SECONDS = 0.5;

/**
 * Books a plan: contact, exit conversation, prep block, reconnect reminders, category.
 *
 * Round trips. A fresh plan costs one fully parallel $batch holding every object plus a GET of the
 * leaver's directory photo, then one PUT of that photo onto the new contact: the PUT needs the
 * contact's id, and JSON batching cannot put one response's id into another request's URL, so that
 * second round trip is forced by Graph (no photo, no second trip). Graph feeds a parallel batch to the
 * mailbox four items at a time (graph/batch.ts), so nothing else of ours runs meanwhile. Where Graph
 * answers the items beyond four with 429 instead (older field reports), those are resent after the
 * longest Retry-After as one fully sequential batch: one more round trip (3 with a photo, 2 without).
 *
 * Idempotency. Events carry a transactionId derived from plan id + role, so Exchange answers a
 * repeated POST with the event it already has. Contacts have no such key: after any failure or
 * unknown outcome (503/504, a dropped connection) the next round starts with one lookup $batch of
 * the plan's tagged objects, and only what is missing is created. Items that come back 429 inside a
 * 200 are resent as they are (Graph did nothing with them); 503/504 items trigger the lookup first.
 * A 5xx or a dropped connection ends the call with `complete: false` and what is `missing`; calling
 * again with `resume: true` finishes the job, creating nothing twice.
 */
export const bookPlan = async (deps: BookPlanDeps, plan: Plan, options: BookPlanOptions = {}): Promise<Receipt> => {
  const sleep = deps.sleep ?? defaultSleep;
  const maxRounds = options.maxRounds ?? 5;
  const maxWait = options.maxWaitSeconds ?? 30;
  const wanted = wantedObjects(plan);
  const wantsPhoto = wanted.some((w) => w.kind === 'contactPhoto');
  const found = new Map<string, Found>();
  let lookupFirst = options.resume === true;
  let userPhoto: BinaryContent | null | undefined; // undefined: not fetched yet; null: the leaver has none
  let failure: AppError | undefined;

  // The leaver has no directory photo: there is nothing to copy, so the photo is not owed.
  const owedNow = (): WantedObject[] => (userPhoto === null && !found.has('contactPhoto') ? wanted.filter((w) => w.kind !== 'contactPhoto') : wanted);
  const report = (phase: BookingProgress['phase']): void =>
    options.onProgress?.({ done: owedNow().filter((w) => found.has(w.key)).length, total: owedNow().length, phase });

  const absorb = (lookup: PlanLookup): void => {
    if (lookup.categoryExists && !found.has('category')) found.set('category', { createdNow: false });
    for (const e of lookup.events) {
      if (!e.role || e.isCancelled || found.has(e.role)) continue;
      found.set(e.role, { id: e.id, createdNow: false, ...(e.webLink ? { webLink: e.webLink } : {}), ...(e.joinUrl ? { joinUrl: e.joinUrl } : {}) });
    }
    const contact = lookup.contacts.find((c) => c.role === 'contact');
    if (contact && !found.has('contact')) found.set('contact', { id: contact.id, createdNow: false });
  };

  const wait = async (seconds: number): Promise<boolean> => {
    if (seconds > maxWait) return false;
    report('retrying');
    await sleep(seconds * 1000);
    return true;
  };

  let contactHasPhoto: boolean | undefined;
  // Parallel by default; once Graph has refused items of a parallel batch with 429 (the behaviour older
  // reports describe, see graph/batch.ts), the rest goes as one sequential batch, which takes one slot.
  let layout: BatchLayout = (options.parallel ?? MAILBOX_CONCURRENCY) >= MAILBOX_CONCURRENCY ? 'parallel' : 'sequential';
  for (let round = 0; round < maxRounds && !failure; round++) {
    if (lookupFirst) {
      report('checking');
      try {
        absorb(await deps.booking.lookup(plan.id, AU_REVOIR_CATEGORY, { layout }));
        lookupFirst = false;
      } catch (e) {
        const err = AppError.from(e);
        if (err.retryable && err.code !== 'network' && (await wait(err.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS * 2 ** round))) continue;
        if (err.retryable || err.code === 'graph.server') failure = err;
        else throw err;
        break;
      }
    }

    // The gateway orders them for a sequential batch (items whose ordinary answer may be a 4xx last).
    const ops: BookingOp[] = wanted.filter((w): w is WantedObject & { op: BookingOp } => !!w.op && !found.has(w.key)).map((w) => w.op);
    const photoPending = wantsPhoto && !found.has('contactPhoto');
    if (photoPending && userPhoto === undefined && plan.leaver.userId) {
      ops.push({ key: 'userPhoto', kind: 'userPhoto', userId: plan.leaver.userId });
    }
    const existingContact = found.get('contact');
    if (photoPending && existingContact?.id && !existingContact.createdNow && contactHasPhoto === undefined) {
      ops.push({ key: 'contactPhotoCheck', kind: 'contactPhotoCheck', contactId: existingContact.id });
    }
    if (ops.length === 0) break;

    report(round === 0 ? 'booking' : 'retrying');
    let outcomes;
    try {
      outcomes = await deps.booking.submit(ops, { layout });
    } catch (e) {
      const err = AppError.from(e);
      // The batch as a whole failed. 429/503/504: Graph may or may not have run part of it, so look
      // up before resending. A dropped connection or a 500: stop here with a partial receipt.
      if ((err.code === 'graph.throttled' || err.code === 'graph.unavailable') && (await wait(err.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS * 2 ** round))) {
        lookupFirst = true;
        continue;
      }
      if (err.retryable || err.code === 'graph.server') {
        failure = err;
        break;
      }
      throw err;
    }

    let again = false;
    let waitSeconds = 0;
    for (const o of outcomes) {
      if (o.ok) {
        if (o.key === 'userPhoto') userPhoto = o.photo ?? null;
        else if (o.key === 'contactPhotoCheck') {
          contactHasPhoto = o.hasPhoto === true;
          if (contactHasPhoto) found.set('contactPhoto', { createdNow: false });
        } else {
          found.set(o.key, {
            createdNow: o.createdNow,
            ...(o.id ? { id: o.id } : {}),
            ...(o.webLink ? { webLink: o.webLink } : {}),
            ...(o.joinUrl ? { joinUrl: o.joinUrl } : {}),
          });
        }
      } else if (o.retryable) {
        again = true;
        waitSeconds = Math.max(waitSeconds, o.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS * 2 ** round);
        // 429: Graph did nothing; 424: never ran (an earlier item failed). Resend as is.
        // 503/504: it may have been done: look up first.
        if (o.status !== 429 && o.status !== 424) lookupFirst = true;
        // Items of a parallel batch refused for the mailbox's concurrency: the rest goes one at a time.
        if (o.status === 429) layout = 'sequential';
      } else if (o.status === 409 && o.key !== 'category') {
        // A conflict on create means it is there already under another shape: find it.
        again = true;
        lookupFirst = true;
      } else {
        failure ??= o.error;
      }
    }
    if (failure || !again) break;
    if (!(await wait(waitSeconds))) {
      failure = new AppError({ code: 'graph.throttled', detail: `Graph asked to wait ${waitSeconds}s, longer than ${maxWait}s` });
      break;
    }
  }

  // The one forced second round trip: the photo goes onto the contact once its id is known (even
  // when another object failed: the contact itself is done, so it may as well be complete).
  const contact = found.get('contact');
  if (wantsPhoto && !found.has('contactPhoto') && contact?.id) {
    if (userPhoto) {
      try {
        await deps.booking.putContactPhoto(contact.id, userPhoto);
        found.set('contactPhoto', { createdNow: true });
      } catch (e) {
        const err = AppError.from(e);
        if (!err.retryable && err.code !== 'graph.server') throw err;
        failure ??= err;
      }
    }
  }

  const owed = owedNow();
  const objects: BookedObject[] = owed
    .filter((w) => found.has(w.key))
    .map((w) => {
      const f = found.get(w.key) as Found;
      return {
        kind: w.kind,
        ...(w.key !== w.kind ? { key: w.key } : {}),
        ...(f.id ? { id: f.id } : {}),
        ...(f.webLink ? { webLink: f.webLink } : {}),
        createdNow: f.createdNow,
      };
    });
  const missingKinds: BookedObjectKind[] = [...new Set(owed.filter((w) => !found.has(w.key)).map((w) => w.kind))];
  const conv = found.get('conversation');
  report('done');
  return {
    planId: plan.id,
    objects,
    ...(conv?.id
      ? { conversation: { id: conv.id, ...(conv.webLink ? { webLink: conv.webLink } : {}), ...(conv.joinUrl ? { joinUrl: conv.joinUrl } : {}) } }
      : {}),
    ...(contact?.id ? { contact: { id: contact.id } } : {}),
    complete: missingKinds.length === 0,
    missing: missingKinds,
  };
};
