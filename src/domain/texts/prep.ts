import type { Agenda } from '../agenda/model';
import { minutesLong, renderSectionsHtml, renderSectionsText } from '../agenda/render';
import { timeAgenda } from '../agenda/scale';
import type { Lang } from '../types';
import { STYLE, cleanText, esc, fill, frenchSpacing, isolate, oneLine, p, pUser, root, subjectWithName, ulUser } from './html';

/**
 * The manager's private prep block before the exit conversation: an event for the manager alone,
 * so this is the one body where the private prep notes appear (the invite never gets them).
 */
export interface PrepReminderInput {
  readonly lang: Lang;
  readonly leaverName: string;
  readonly prepNotes: string;
  readonly agenda: Agenda;
  readonly durationMinutes: number;
}

export interface RenderedMessage {
  /** Plain text, one line, at most 255 characters. */
  readonly subject: string;
  /** Outlook-friendly HTML fragment (one root <div>, inline styles). */
  readonly html: string;
  readonly text: string;
}

interface PrepWords {
  readonly subject: (name: string) => string;
  readonly subjectBare: string;
  /** Slots: {{name}}, {{length}}. */
  readonly intro: string;
  /** When the leaver has no name yet. Slot: {{length}}. */
  readonly introBare: string;
  readonly notes: string;
  readonly noNotes: string;
  readonly tipsHeading: string;
  readonly tips: readonly string[];
  readonly agendaHeading: (length: string) => string;
}

const WORDS: Readonly<Record<Lang, PrepWords>> = {
  fr: {
    subject: (name) => `Préparer l’entretien de départ avec ${name}`,
    subjectBare: 'Préparer l’entretien de départ',
    intro: frenchSpacing(
      'Quelques minutes pour préparer votre entretien de départ avec {{name}} ({{length}}). Personne d’autre n’est invité : vos notes restent entre vous et votre agenda.',
    ),
    introBare: frenchSpacing(
      'Quelques minutes pour préparer votre entretien de départ ({{length}}). Personne d’autre n’est invité : vos notes restent entre vous et votre agenda.',
    ),
    notes: 'Vos notes',
    noNotes: 'Pas encore de notes pour cet entretien.',
    tipsHeading: 'Pour bien vous préparer',
    tips: [
      'Repensez à deux ou trois situations précises où ses qualités ont compté : un exemple parle plus qu’un long compliment.',
      'Réfléchissez à ce que vous pourriez faire pour la personne : une recommandation, une mise en relation, une porte à ouvrir.',
      'Gardez vos propres coordonnées personnelles sous la main, au cas où vous les échangeriez.',
      'Prévoyez un endroit calme et un moment sans interruption.',
    ].map(frenchSpacing),
    agendaHeading: (length) => `L’ordre du jour (${length})`,
  },
  en: {
    subject: (name) => `Prepare your exit conversation with ${name}`,
    subjectBare: 'Prepare your exit conversation',
    intro: 'A few minutes to get ready for your exit conversation with {{name}} ({{length}}). No one else is invited: your notes stay between you and your calendar.',
    introBare: 'A few minutes to get ready for your exit conversation ({{length}}). No one else is invited: your notes stay between you and your calendar.',
    notes: 'Your notes',
    noNotes: 'No notes for this conversation yet.',
    tipsHeading: 'Before you go in',
    tips: [
      'Think of two or three specific moments when their strengths made a difference: one real example beats a string of compliments.',
      'Consider what you could do for them: a reference, an introduction, a door you could open.',
      'Have your own personal contact details to hand, in case you swap them.',
      'Find a quiet spot and keep the time free of interruptions.',
    ],
    agendaHeading: (length) => `The agenda (${length})`,
  },
};

export const renderPrepReminder = (input: PrepReminderInput): RenderedMessage => {
  const w = WORDS[input.lang];
  // The agenda keeps its own language; the reminder's words follow `lang`.
  const timed = timeAgenda(input.agenda, input.durationMinutes);
  const name = oneLine(input.leaverName);
  const length = minutesLong(input.lang, timed.durationMinutes);
  const hasNotes = input.prepNotes.trim() !== '';
  const agendaHeading = w.agendaHeading(length);

  const subject = name === '' ? w.subjectBare : subjectWithName(w.subject, name);
  const intro = fill(name === '' ? w.introBare : w.intro, { name: isolate(name), length });
  const html = root(input.lang, [
    p(esc(intro)),
    `<h2 style="${STYLE.h2}">${esc(w.notes)}</h2>`,
    hasNotes ? pUser(input.prepNotes) : p(`<em>${esc(w.noNotes)}</em>`),
    `<h2 style="${STYLE.h2}">${esc(w.tipsHeading)}</h2>`,
    ulUser(w.tips),
    `<h2 style="${STYLE.h2}">${esc(agendaHeading)}</h2>`,
    renderSectionsHtml(timed),
  ]);
  const text = [
    intro,
    '',
    w.notes,
    '-'.repeat(w.notes.length),
    hasNotes ? cleanText(input.prepNotes) : w.noNotes,
    '',
    w.tipsHeading,
    '-'.repeat(w.tipsHeading.length),
    ...w.tips.map((t) => `- ${t}`),
    '',
    agendaHeading,
    '-'.repeat(agendaHeading.length),
    '',
    renderSectionsText(timed),
    '',
  ].join('\n');
  return { subject, html, text };
};
