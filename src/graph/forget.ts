import { AppError } from '../domain/errors';
import { MAX_BATCH, type BatchRequestItem, type BatchResponseItem, type GraphClient } from './client';
import { graphError, isRetryableStatus, parseRetryAfter } from './errors';
import { layOut, type BatchLayout } from './batch';
import { SCOPES } from './scopes';

/** One object of a plan to delete: an event (single or series master) or the contact. */
export interface ForgetTarget {
  readonly kind: 'event' | 'contact';
  readonly id: string;
}

export interface ForgetOutcome {
  /** Deleted now, or already gone (404). */
  readonly removed: readonly ForgetTarget[];
  /** Still in the mailbox: what a second Forget deletes. */
  readonly left: readonly ForgetTarget[];
  /** Why the first of `left` is left (absent when nothing is). */
  readonly error?: AppError;
}

export interface ForgetOptions {
  /** Injected so tests can observe waits; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ForgetGateway {
  /**
   * Deletes every target in `$batch` round trips: fully parallel batches of up to 20 (one for a plan in
   * practice), one at a time; what comes back 429/503/504 goes again after Retry-After in fully
   * sequential batches (the rules and sources: batch.ts and calendar.ts's applyChanges, which this
   * mirrors). Never rejects for an item: what could not be deleted comes back in `left`.
   */
  deleteAll(targets: readonly ForgetTarget[], options?: ForgetOptions): Promise<ForgetOutcome>;
}

/** Rounds in a row that settle nothing, and the longest Retry-After honoured (as applyChanges). */
const ROUNDS = 4;
const MAX_WAIT_SECONDS = 30;

const item = (t: ForgetTarget, id: string): BatchRequestItem => ({
  id,
  method: 'DELETE',
  // The contact's photo is a property of the contact (profilePhoto under /contacts/{id}/photo): it goes with it.
  url: t.kind === 'event' ? `/me/events/${encodeURIComponent(t.id)}` : `/me/contacts/${encodeURIComponent(t.id)}`,
});

export const createForgetGateway = (graph: GraphClient): ForgetGateway => ({
  async deleteAll(targets, options = {}) {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const scopes = [
      ...(targets.some((t) => t.kind === 'event') ? [SCOPES.calendarsReadWrite] : []),
      ...(targets.some((t) => t.kind === 'contact') ? [SCOPES.contactsReadWrite] : []),
    ];
    const removed: ForgetTarget[] = [];
    let pending = [...targets];
    let layout: BatchLayout = 'parallel';
    let idle = 0;
    while (pending.length > 0) {
      const failed: { target: ForgetTarget; response: BatchResponseItem | undefined }[] = [];
      let settled = 0;
      for (let from = 0; from < pending.length; from += MAX_BATCH) {
        const chunk = pending.slice(from, from + MAX_BATCH);
        let responses: BatchResponseItem[];
        try {
          responses = await graph.batch(layOut(chunk.map((t, i) => item(t, String(i + 1))), layout), { scopes, what: 'forget $batch' });
        } catch (e: unknown) {
          // The batch itself failed (network, 5xx after the client's retries): nothing of this chunk is known gone.
          return { removed, left: [...failed.map((f) => f.target), ...pending.slice(from)], error: AppError.from(e) };
        }
        chunk.forEach((target, i) => {
          const r = responses[i];
          // Already gone is what Forget wants.
          if (r && ((r.status >= 200 && r.status < 300) || r.status === 404)) {
            removed.push(target);
            settled += 1;
          } else failed.push({ target, response: r });
        });
      }
      if (failed.length === 0) break;
      idle = settled > 0 ? 0 : idle + 1;
      // 424: not run because an earlier item of a sequential batch failed; it can simply go again.
      const canRetry = failed.every((f) => f.response && (isRetryableStatus(f.response.status) || f.response.status === 424));
      if (!canRetry || idle >= ROUNDS) {
        const worst = failed.find((f) => f.response?.status !== 424) ?? failed[0]!;
        const error =
          worst.response && worst.response.status > 0
            ? graphError({ status: worst.response.status, body: worst.response.body, headers: worst.response.headers, what: `delete ${worst.target.kind}` })
            : new AppError({ code: 'network', detail: `delete ${worst.target.kind} ${worst.target.id}: no answer in the $batch` });
        return { removed, left: failed.map((f) => f.target), error };
      }
      if (failed.some((f) => f.response?.status === 429)) layout = 'sequential';
      // "Retry all the failed requests in a new batch after the longest retry-after value"
      // (https://learn.microsoft.com/en-us/graph/throttling#throttling-and-batching); 424s alone need no wait.
      const throttled = failed.filter((f) => f.response?.status !== 424);
      if (throttled.length > 0) {
        const wait = Math.max(1, ...throttled.map((f) => parseRetryAfter(f.response?.headers['retry-after']) ?? 0));
        await sleep(Math.min(wait, MAX_WAIT_SECONDS) * 1000);
      }
      pending = failed.map((f) => f.target);
    }
    return { removed, left: [] };
  },
});
