import { defaultAgenda } from '../../../domain/agenda';
import { CADENCE_PRESETS } from '../../../domain/cadence';
import type { CadencePresetId } from '../../../domain/cadence/model';
import type { Lang } from '../../../domain/types';
import { DEFAULT_CONVERSATION_MINUTES } from '../../../domain/plan/limits';
import type { BulkSettings } from './plans';

export type Rhythm = CadencePresetId | 'none';
export const RHYTHMS: readonly Rhythm[] = ['gentle', 'quarterly', 'yearly', 'none'];

/** The HR partner's choices for the whole run: one agenda, one length, one place, one rhythm. */
export interface BulkForm {
  readonly agendaLang: Lang;
  readonly durationMinutes: number;
  readonly placeKind: 'teams' | 'place';
  readonly location: string;
  /** "In a place" was chosen and the run was asked for with no place written. */
  readonly locationMissing: boolean;
  readonly rhythm: Rhythm;
}

export type BulkFormAction =
  | { readonly type: 'agendaLang'; readonly lang: Lang }
  | { readonly type: 'duration'; readonly minutes: number }
  | { readonly type: 'placeKind'; readonly kind: 'teams' | 'place' }
  | { readonly type: 'location'; readonly text: string }
  | { readonly type: 'rhythm'; readonly rhythm: Rhythm }
  | { readonly type: 'locationMissing' };

/** The screen opens on the agenda in the user's language, 45 minutes in Teams, the gentle rhythm. */
export const initialBulkForm = (lang: Lang): BulkForm => ({
  agendaLang: lang,
  durationMinutes: DEFAULT_CONVERSATION_MINUTES,
  placeKind: 'teams',
  location: '',
  locationMissing: false,
  rhythm: 'gentle',
});

export const bulkFormReducer = (form: BulkForm, action: BulkFormAction): BulkForm => {
  switch (action.type) {
    case 'agendaLang':
      return { ...form, agendaLang: action.lang };
    case 'duration':
      return { ...form, durationMinutes: action.minutes };
    case 'placeKind':
      return { ...form, placeKind: action.kind };
    case 'location':
      // Typing answers the "a place is needed" message.
      return { ...form, location: action.text, locationMissing: false };
    case 'rhythm':
      return { ...form, rhythm: action.rhythm };
    case 'locationMissing':
      return { ...form, locationMissing: true };
  }
};

/** Whether the run can start: a place, when "in a place" is chosen, is written. */
export const lacksLocation = (form: BulkForm): boolean => form.placeKind === 'place' && form.location.trim() === '';

/** What every plan of the run is built with (bulk/plans.ts). */
export const bulkSettings = (form: BulkForm): BulkSettings => ({
  agenda: defaultAgenda(form.agendaLang),
  cadence: CADENCE_PRESETS[form.rhythm === 'none' ? 'gentle' : form.rhythm],
  reconnect: form.rhythm !== 'none',
  durationMinutes: form.durationMinutes,
  place: form.placeKind === 'teams' ? { kind: 'teams' } : { kind: 'place', location: form.location.trim() },
});
