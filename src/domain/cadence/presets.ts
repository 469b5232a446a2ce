import type { Localized } from '../types';
import type { Cadence, CadencePresetId, TouchpointKind } from './model';

/** The order kinds rotate in when a cadence does not say otherwise. */
export const DEFAULT_KINDS: readonly TouchpointKind[] = ['call', 'email', 'lunch'];

export const TOUCHPOINT_KINDS: readonly TouchpointKind[] = ['call', 'email', 'lunch'];

/**
 * The three presets of the product. Months count from the leaver's last working day.
 * - gentle: a first word after a month, another after three, then every six months for two years;
 * - quarterly: every three months for two years;
 * - yearly: once a year for five years.
 */
export const CADENCE_PRESETS: Readonly<Record<CadencePresetId, Cadence>> = {
  gentle: { preset: 'gentle', early: [1, 3], steady: { everyMonths: 6, fromMonth: 6, untilMonth: 24 } },
  quarterly: { preset: 'quarterly', early: [], steady: { everyMonths: 3, fromMonth: 3, untilMonth: 24 } },
  yearly: { preset: 'yearly', early: [], steady: { everyMonths: 12, fromMonth: 12, untilMonth: 60 } },
};

export const CADENCE_PRESET_IDS: readonly CadencePresetId[] = ['gentle', 'quarterly', 'yearly'];

// The presets' names are UI text: the `common` catalogue's `cadence` group (src/ui/strings.ts), one
// label each for the tab and the add-in.

export const TOUCHPOINT_KIND_LABELS: Readonly<Record<TouchpointKind, Localized>> = {
  call: { fr: 'Appel', en: 'Call' },
  email: { fr: 'E-mail', en: 'Email' },
  lunch: { fr: 'Déjeuner', en: 'Lunch' },
};

/**
 * Where each kind sits in the manager's day: a short email first thing, a call late morning, lunch
 * at lunch time. `start` is wall-clock `HH:mm` in the manager's time zone.
 */
export const TOUCHPOINT_SLOTS: Readonly<Record<TouchpointKind, { readonly start: string; readonly minutes: number }>> = {
  email: { start: '09:30', minutes: 15 },
  call: { start: '11:00', minutes: 30 },
  lunch: { start: '12:30', minutes: 60 },
};

/** Limits of a custom cadence: reminders ten years on, or more than forty, help nobody. */
export const CADENCE_MAX_MONTHS = 120;
export const CADENCE_MAX_TOUCHPOINTS = 40;
