import pLimit from 'p-limit';
import { AppError } from '../domain/errors';
import type { Plan } from '../domain/plan/model';
import { bookPlan, type BookPlanDeps } from './book';
import type { Receipt } from './service';

export interface BulkProgress {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly planId?: string;
}

export type BulkResult = { readonly planId: string; readonly receipt: Receipt } | { readonly planId: string; readonly error: AppError };

export interface BookPlansOptions {
  readonly onProgress?: (p: BulkProgress) => void;
  /** Requests the whole run may have in flight on the mailbox (Exchange allows 4). */
  readonly maxInFlight?: number;
  /** Plans already attempted (resumed: lookup first). */
  readonly attempted?: ReadonlySet<string>;
}

/**
 * Books many plans for an HR partner, all in the same mailbox. Exchange allows 4 concurrent requests
 * per mailbox (sub-requests of a $batch count one each), so up to `maxInFlight` plans run side by
 * side, each with a single request in flight: its $batch is laid out as a dependsOn chain. One
 * plan failing never stops the others; it comes back with its error.
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
          let receipt = await bookPlan(deps, plan, { parallel: 1, resume: options.attempted?.has(plan.id) === true });
          // One more pass for a plan left incomplete by a transient failure: it resumes (lookup first).
          if (!receipt.complete) receipt = await bookPlan(deps, plan, { parallel: 1, resume: true });
          result = { planId: plan.id, receipt };
          if (!receipt.complete) failed += 1;
        } catch (e) {
          failed += 1;
          result = { planId: plan.id, error: AppError.from(e) };
        }
        done += 1;
        options.onProgress?.({ done, total: plans.length, failed, planId: plan.id });
        return result;
      }),
    ),
  );
};
