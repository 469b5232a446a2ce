import { useState } from 'react';
import type { AppError } from '../../../domain/errors';
import type { Plan } from '../../../domain/plan/model';
import type { PlanId } from '../../../domain/types';
import { bulkPlanId } from '../../../workflows/bulkIds';
import type { AuRevoirService, BookingProgress, MailboxSettings, OrgDeparture, Person, Receipt, SlotSuggestion } from '../../../workflows/service';
import { assignSlots, bulkPlan, type BulkSettings } from './plans';

/** Where one departure stands in a run. */
export type RowState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'finding' }
  | { readonly kind: 'noSlot' }
  | { readonly kind: 'booking'; readonly progress?: BookingProgress }
  | { readonly kind: 'booked'; readonly receipt: Receipt }
  | { readonly kind: 'failed'; readonly error?: AppError; readonly missing?: number };

/** A run's plans and slots, kept so a retry books the same plans (same ids: nothing booked twice). */
export interface Run {
  readonly me: Person;
  readonly settings: MailboxSettings;
  readonly plans: ReadonlyMap<string, Plan>;
  readonly slots: ReadonlyMap<string, SlotSuggestion>;
}

/** At most `n` calls at once (findMeetingTimes runs on the HR partner's mailbox: Exchange allows 4). */
const pooled = async <T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
};

export interface BulkRun {
  /** Each departure of the run by person id; empty before a run (the form is shown). */
  readonly rows: ReadonlyMap<string, RowState>;
  readonly run: Run | undefined;
  /** Finding times or booking: the form and the selection are locked. */
  readonly running: boolean;
  /** What stopped the run before any plan was handed to bookPlans. */
  readonly runError: unknown;
  /** Finds each chosen departure a time in both calendars, builds the plans and books them. */
  readonly start: (chosen: readonly OrgDeparture[], settings: BulkSettings) => Promise<void>;
  /** Books the plans of `ids` again, under the same plan ids. */
  readonly retry: (ids: readonly string[]) => Promise<void>;
  /** Back to the form (another window, or Start over). */
  readonly reset: () => void;
}

/**
 * The HR partner's run: slots found side by side (4 at a time), plans built (bulk/plans.ts) and booked
 * with a progress per plan, then Retry for the ones that failed.
 */
export const useBulkRun = (service: AuRevoirService, now: () => Date): BulkRun => {
  const [rows, setRows] = useState<ReadonlyMap<string, RowState>>(new Map());
  const [run, setRun] = useState<Run | undefined>();
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>();

  const setRow = (id: string, row: RowState) => setRows((m) => new Map(m).set(id, row));

  /** Books `plans` (a first run or a retry: the same plan ids, so nothing is booked twice). */
  const book = async (plans: readonly Plan[]) => {
    if (!service.bookPlans || plans.length === 0) return;
    const byPlan = new Map<PlanId, string>(plans.map((p) => [p.id, p.leaver.userId ?? p.leaver.workEmail]));
    for (const p of plans) setRow(byPlan.get(p.id)!, { kind: 'booking' });
    await service.bookPlans(plans, {
      onPlanProgress: (id, progress) => {
        const who = byPlan.get(id);
        if (who) setRow(who, { kind: 'booking', progress });
      },
      onPlanDone: (r) => {
        const who = byPlan.get(r.planId);
        if (!who) return;
        if ('receipt' in r && r.receipt.complete) setRow(who, { kind: 'booked', receipt: r.receipt });
        else if ('receipt' in r) setRow(who, { kind: 'failed', missing: r.receipt.missing.length });
        else setRow(who, { kind: 'failed', error: r.error });
      },
    });
  };

  const start = async (chosen: readonly OrgDeparture[], bulk: BulkSettings) => {
    setRunError(undefined);
    setRunning(true);
    setRows(new Map(chosen.map((d) => [d.person.id, { kind: 'finding' } as RowState])));
    try {
      const [me, settings] = await Promise.all([service.me(), service.mailboxSettings()]);
      const at = now();
      const suggestions = await pooled(chosen, 4, async (departure: OrgDeparture) => ({
        departure,
        suggestions: await service
          .suggestSlots({ attendeeEmail: departure.person.mail, before: departure.lastWorkingDay, durationMinutes: bulk.durationMinutes, now: at })
          .catch((): SlotSuggestion[] => []),
      }));
      const slots = assignSlots(suggestions, me, settings, at);
      const plans = new Map<string, Plan>();
      for (const d of chosen) {
        const slot = slots.get(d.person.id);
        if (!slot) {
          setRow(d.person.id, { kind: 'noSlot' });
          continue;
        }
        plans.set(d.person.id, bulkPlan({ departure: d, planId: bulkPlanId(me.mail, d.person.id, d.lastWorkingDay), slot }, me, settings, bulk));
        setRow(d.person.id, { kind: 'waiting' });
      }
      setRun({ me, settings, plans, slots });
      await book([...plans.values()]);
    } catch (e: unknown) {
      // Nothing was booked if the run stopped before bookPlans (which never throws for one plan): back to the form.
      setRows((m) => (run === undefined && [...m.values()].every((r) => r.kind === 'finding') ? new Map() : m));
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };

  const retry = async (ids: readonly string[]) => {
    if (!run) return;
    setRunError(undefined);
    setRunning(true);
    try {
      await book(ids.map((id) => run.plans.get(id)).filter((p): p is Plan => p !== undefined));
    } catch (e: unknown) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    setRows(new Map());
    setRun(undefined);
  };

  return { rows, run, running, runError, start, retry, reset };
};
