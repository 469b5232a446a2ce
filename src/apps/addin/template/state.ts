import type { CadencePresetId } from '../../../domain/cadence/model';
import type { Lang } from '../../../domain/types';
import type { ApplyResult } from '../../../hosts/office';
import type { BookingProgress, MailboxSettings, Person, Receipt } from '../../../workflows/service';
import { isEmail } from '../../../domain/plan';
import { instantFromLocal, type LeaverChoice } from '../plan';

/** What the pane reads once per item before the form shows (template/load.ts). */
export interface TemplateContext {
  readonly me: Person;
  readonly settings: MailboxSettings;
  readonly candidates: readonly LeaverChoice[];
  /** Last working days from the departures list, by lower-cased work email. */
  readonly lastDays: ReadonlyMap<string, string>;
  /** The meeting's length in minutes, rounded to one of CONVERSATION_LENGTHS (domain/plan/limits). */
  readonly length: number;
}

/** The Select's value for "someone else", found with the directory search. */
export const OTHER = '__other__';

/** The inputs the user types or picks directly, with nothing else depending on them. */
export interface TemplateFields {
  readonly lastDay: string;
  readonly agendaLang: Lang;
  readonly length: number;
  /** The conversation's start as typed in a datetime-local input (mode `sender`). */
  readonly start: string;
  readonly consent: boolean;
  readonly personalEmail: string;
  readonly mobile: string;
  readonly profileUrl: string;
  readonly preset: CadencePresetId;
}

export interface TemplateState extends TemplateFields {
  /** A candidate's email, or OTHER. */
  readonly choice: string;
  /** The person picked in the directory when `choice` is OTHER. */
  readonly other: Person | undefined;
  /** Validation messages show only once the user has tried to apply or save. */
  readonly showErrors: boolean;
  readonly applying: boolean;
  readonly applied: ApplyResult | undefined;
  readonly applyError: unknown;
  /** Set while bookPlan runs; undefined otherwise. */
  readonly progress: BookingProgress | undefined;
  readonly receipt: Receipt | undefined;
  readonly bookError: unknown;
}

export type TemplateAction =
  /** The Select changed; `knownLastDay` is the departures list's day for that person, if any. */
  | { readonly type: 'chooseLeaver'; readonly choice: string; readonly knownLastDay: string | undefined }
  | { readonly type: 'pickOther'; readonly person: Person | undefined; readonly knownLastDay: string | undefined }
  | { readonly type: 'edit'; readonly changes: Partial<TemplateFields> }
  /** Apply or save was clicked: from now on, say what is missing. */
  | { readonly type: 'validate' }
  | { readonly type: 'applyStarted' }
  | { readonly type: 'applied'; readonly result: ApplyResult }
  | { readonly type: 'applyFailed'; readonly error: unknown }
  | { readonly type: 'dismissApplyError' }
  | { readonly type: 'bookStarted' }
  | { readonly type: 'bookProgress'; readonly progress: BookingProgress }
  | { readonly type: 'booked'; readonly receipt: Receipt }
  | { readonly type: 'bookFailed'; readonly error: unknown }
  | { readonly type: 'dismissBookError' };

/** The form as it opens on an item: the first attendee as leaver, with their last day if the departures list knows it. */
export const initialTemplateState = ({ ctx, uiLang }: { readonly ctx: TemplateContext; readonly uiLang: Lang }): TemplateState => {
  const first = ctx.candidates[0];
  return {
    choice: first ? first.email : OTHER,
    other: undefined,
    lastDay: first ? (ctx.lastDays.get(first.email.toLowerCase()) ?? '') : '',
    agendaLang: uiLang,
    length: ctx.length,
    start: '',
    consent: false,
    personalEmail: '',
    mobile: '',
    profileUrl: '',
    preset: 'gentle',
    showErrors: false,
    applying: false,
    applied: undefined,
    applyError: undefined,
    progress: undefined,
    receipt: undefined,
    bookError: undefined,
  };
};

/** Every change the template form goes through. Pure: the pane's handlers do the Office and Graph calls. */
export const templateReducer = (state: TemplateState, action: TemplateAction): TemplateState => {
  switch (action.type) {
    case 'chooseLeaver':
      // A known last day replaces what was there; an unknown one leaves what the user typed.
      return { ...state, choice: action.choice, lastDay: action.knownLastDay ?? state.lastDay };
    case 'pickOther':
      return { ...state, other: action.person, lastDay: action.knownLastDay ?? state.lastDay };
    case 'edit':
      return { ...state, ...action.changes };
    case 'validate':
      return { ...state, showErrors: true };
    case 'applyStarted':
      return { ...state, applying: true, applyError: undefined };
    case 'applied':
      return { ...state, applying: false, applied: action.result };
    case 'applyFailed':
      return { ...state, applying: false, applyError: action.error };
    case 'dismissApplyError':
      return { ...state, applyError: undefined };
    case 'bookStarted':
      return { ...state, bookError: undefined, receipt: undefined };
    case 'bookProgress':
      return { ...state, progress: action.progress };
    case 'booked':
      return { ...state, progress: undefined, receipt: action.receipt };
    case 'bookFailed':
      return { ...state, progress: undefined, bookError: action.error };
    case 'dismissBookError':
      return { ...state, bookError: undefined };
  }
};

/** The leaver the form stands for: a meeting attendee, or the person picked in the directory. */
export const chosenLeaver = (state: TemplateState, candidates: readonly LeaverChoice[]): LeaverChoice | undefined => {
  if (state.choice !== OTHER) return candidates.find((c) => c.email === state.choice);
  const p = state.other;
  return p ? { displayName: p.displayName, email: p.mail, userId: p.id, ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}) } : undefined;
};

/** The addin catalogue's keys for what is wrong with the form, each undefined when that part is right. */
export interface TemplateProblems {
  readonly leaver: 'validation.leaver' | 'validation.email' | undefined;
  readonly lastDay: 'validation.lastDay' | undefined;
  readonly start: 'validation.start' | undefined;
  /** The typed start as an instant in the mailbox's zone (mode `sender`), when it is one. */
  readonly startInstant: Date | undefined;
}

/** Any of the keys above: what a field shows under it once the user tried to apply or save. */
export type ProblemKey = NonNullable<TemplateProblems['leaver'] | TemplateProblems['lastDay'] | TemplateProblems['start']>;

export const templateProblems = (
  state: TemplateState,
  leaver: LeaverChoice | undefined,
  mode: 'compose' | 'sender',
  timeZone: string,
): TemplateProblems => {
  const startInstant = mode === 'sender' ? instantFromLocal(state.start, timeZone) : undefined;
  return {
    leaver: !leaver ? 'validation.leaver' : !isEmail(leaver.email.trim()) ? 'validation.email' : undefined,
    lastDay: /^\d{4}-\d{2}-\d{2}$/.test(state.lastDay) ? undefined : 'validation.lastDay',
    start: mode === 'sender' && !startInstant ? 'validation.start' : undefined,
    startInstant,
  };
};
