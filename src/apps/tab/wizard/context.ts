import { createContext, useContext } from 'react';
import type { CadencePlan } from '../../../domain/cadence/model';
import type { IanaTimeZone, Lang } from '../../../domain/types';
import type { AuRevoirService } from '../../../workflows/service';
import type { Draft, StepId, WizardContext } from './draft';
import type { WizardT } from './i18n';
import type { ProblemsApi } from './steps/problems';

/** Merges `patch` into the draft; `fields` are the plan fields it edits, whose old problems then go. */
export type UpdateDraft = (patch: Partial<Draft>, fields?: readonly string[]) => void;

/**
 * What every step of the wizard reads, given once by PlanWizard instead of the same six to nine props
 * to each step. A step's own props are only what no other step needs (When's `needTime`).
 */
export interface WizardShared {
  /** The wizard's translator, fixed to `lang`. */
  readonly t: WizardT;
  /** The UI language (the agenda's language is `draft.agendaLang`). */
  readonly lang: Lang;
  readonly service: AuRevoirService;
  /** Who plans, with whom, until when: the facts a plan is built from (draft.ts). */
  readonly ctx: WizardContext;
  /** The manager's mailbox time zone: every time the wizard shows or reads is in it. */
  readonly zone: IanaTimeZone;
  /** The clock (the tests give a fixed one). */
  readonly now: () => Date;
  readonly draft: Draft;
  readonly update: UpdateDraft;
  /** The problems of the last Book, by field. */
  readonly problems: ProblemsApi;
  /** Moves to a step, focus on its heading. */
  readonly goTo: (step: StepId) => void;
  /** The reconnect cadence laid out, or undefined when the custom fields cannot make one. */
  readonly cadencePlan: CadencePlan | undefined;
}

export const WizardSharedContext = createContext<WizardShared | undefined>(undefined);

/** The wizard's shared state, for a step; a step rendered outside PlanWizard is a programming error. */
export const useWizard = (): WizardShared => {
  const shared = useContext(WizardSharedContext);
  if (!shared) throw new Error('A wizard step was rendered outside PlanWizard');
  return shared;
};
