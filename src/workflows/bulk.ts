import pLimit from 'p-limit';
import { AppError } from '../domain/errors';
import type { Plan } from '../domain/plan/model';
import { bookPlan, type BookPlanDeps } from './book';
import type { BookingProgress, BulkBookingOptions, BulkPlanResult } from './service';

export interface BulkProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly planId?: string;
}

export type BulkResult = BulkPlanResult;

/** `onPlanProgress` / `onPlanDone` (BulkBookingOptions) feed the HR partner's progress bar per plan. */
export interface BookPlansOptions extends BulkBookingOptions {
  readonly onProgress?: (p: BulkProgress) => void;
  /** Requests the whole run may have in flight on the mailbox (Exchange allows 4). */
  readonly maxInFlight?: number;
  /** Plans already attempted (resumed: lookup first). */
  readonly attempted?: ReadonlySet<string>;
}

/**
 * Books many plans for an HR partner, all in the same mailbox. Outlook allows 4 concurrent requests per
 * app and mailbox, and Graph documents the way to keep several batches inside it: "use the dependsOn
 * property to order requests in a batch, and have up to four such batch requests run concurrently"
 * (https://learn.microsoft.com/en-us/graph/throttling-limits#outlook-service-limits-for-json-batching).
 * So up to `maxInFlight` (4) plans run side by side, each with a single request in flight: its batches
 * are fully sequential (`parallel: 1`), Graph runs them one item at a time, and the contact photo PUT
 * that follows is that plan's one request too. This holds under both batch behaviours (graph/batch.ts):
 * a sequential batch is never fed more than one item at a time. One plan failing never stops the
 * others; it comes back with its error.
 */
export const bookPlans = async (deps: BookPlanDeps, plans: readonly Plan[], options: BookPlansOptions = {}): Promise<BulkResult[]> => {
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? 4));
  const limit = pLimit(maxInFlight);
  let done = 0;
  let failed = 0;
  options.onProgress?.({ done, total: plans.length, failed });
  return Promise.all(
    plans.map((plan) =>
      limit(async (): Promise<BulkResult> => {
        let result: BulkResult;
        try {
          const onPlanProgress = options.onPlanProgress;
          const progress = onPlanProgress ? { onProgress: (p: BookingProgress) => onPlanProgress(plan.id, p) } : {};
          let receipt = await bookPlan(deps, plan, { parallel: 1, resume: options.attempted?.has(plan.id) === true, ...progress });
          // One more pass for a plan left incomplete by a transient failure: it resumes (lookup first).
          if (!receipt.complete) receipt = await bookPlan(deps, plan, { parallel: 1, resume: true, ...progress });
          result = { planId: plan.id, receipt };
          if (!receipt.complete) failed += 1;
        } catch (e) {
          failed += 1;
          result = { planId: plan.id, error: AppError.from(e) };
        }
        done += 1;
        options.onPlanDone?.(result);
        options.onProgress?.({ done, total: plans.length, failed, planId: plan.id });
        return result;
      }),
    ),
  );
};
