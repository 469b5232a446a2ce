import type { Lang } from '../types';

/**
 * The agenda of the exit conversation. Sections come from the source article's ideas, in the
 * project's own words; the manager may edit everything. Minutes are derived from `weight` and the
 * meeting length (see scale.ts), so edits never leave the timings summing to the wrong total.
 */
export interface AgendaPrompt {
  /** Stable within the agenda, so the UI can key lists and edits survive reordering. */
  readonly id: string;
  readonly text: string;
}

export interface AgendaSection {
  readonly id: string;
  readonly title: string;
  /** Why this section matters, for the manager; shown in the preview and the invite. */
  readonly purpose: string;
  readonly prompts: readonly AgendaPrompt[];
  /** Relative share of the meeting; minutes are scaled from it. Positive integer. */
  readonly weight: number;
}

export interface Agenda {
  readonly lang: Lang;
  readonly sections: readonly AgendaSection[];
}

/** An agenda with its minutes worked out for a meeting length. */
export interface TimedAgendaSection extends AgendaSection {
  readonly minutes: number;
}

/** The agenda with minutes per section for one meeting length; the minutes sum to `durationMinutes`. */
export interface TimedAgenda extends Agenda {
  readonly durationMinutes: number;
  readonly sections: readonly TimedAgendaSection[];
}
