import type { Lang } from '../types';
import { STYLE, cleanText, esc, escMultiline, frenchSpacing, isolate, oneLine, p, root, subjectWithName, ulUser } from '../texts/html';
import type { Agenda, TimedAgenda, TimedAgendaSection } from './model';
import { timeAgenda } from './scale';

/**
 * The invite body of the exit conversation, as Outlook-friendly HTML and as plain text.
 *
 * The HTML is one <div> with inline styles and a few plain tags (div, p, h2, h3, ul, li, em, br):
 * no class, <style>, <script>, image, font or external CSS, which Outlook on the web, new Outlook,
 * classic Outlook and the mobile apps all render the same way. Every string that comes from a person
 * (names, titles, purposes, prompts) goes through `esc`; the only attributes are the renderer's own
 * (`lang`, `dir`, `style`). The invite never contains the manager's private prep notes: they are
 * not part of its input.
 */
export interface InviteInput {
  readonly agenda: Agenda;
  readonly durationMinutes: number;
  readonly leaverName: string;
  /** Signs the invite; omitted when empty. */
  readonly managerName?: string;
}

interface InviteWords {
  readonly greeting: (name: string) => string;
  readonly intro: string;
  readonly heading: (total: string) => string;
  readonly signOff: string;
}

const WORDS: Readonly<Record<Lang, InviteWords>> = {
  fr: {
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: frenchSpacing(
      'Avant votre départ, je tiens à ce que nous prenions un vrai moment ensemble : revenir sur notre collaboration, parler de la suite et nous donner les moyens de rester en contact. Voici ce que je vous propose d’aborder. Rien n’est figé : ajoutez sans hésiter ce qui compte pour vous.',
    ),
    heading: (total) => `Au programme (${total})`,
    signOff: 'À très bientôt,',
  },
  en: {
    greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
    intro:
      "Before you go, I'd like us to set aside some proper time together: to look back on working together, hear about what's next for you, and make sure we keep in touch. Here's what I thought we could cover. None of it is set in stone, so do add anything that matters to you.",
    heading: (total) => `What we'll cover (${total})`,
    signOff: 'See you then,',
  },
};

/** `45 minutes`, `1 minute` (French keeps 0 and 1 singular). */
export const minutesLong = (lang: Lang, n: number): string =>
  `${n}\u00a0${n === 1 || (lang === 'fr' && n === 0) ? 'minute' : 'minutes'}`;

/** `6 min`, with a no-break space so the unit never wraps away from its number. */
export const minutesShort = (n: number): string => `${n}\u00a0min`;

/** `1. Title · 6 min` for a section; sections that got no minute show no timing. */
const sectionHeadingText = (s: TimedAgendaSection, i: number, title: string): string =>
  s.minutes > 0 ? `${i + 1}. ${title} · ${minutesShort(s.minutes)}` : `${i + 1}. ${title}`;

/** The sections as HTML (headings, purposes, prompts). Shared with the prep reminder. */
export const renderSectionsHtml = (timed: TimedAgenda, options: { readonly purposes?: boolean; readonly prompts?: boolean } = {}): string =>
  timed.sections
    .map((s, i) => {
      const heading = `<h3 dir="auto" style="${STYLE.h3}">${sectionHeadingText(s, i, esc(oneLine(s.title)))}</h3>`;
      const purpose = options.purposes === false || s.purpose.trim() === '' ? '' : `<p dir="auto" style="${STYLE.purpose}"><em>${escMultiline(s.purpose)}</em></p>`;
      const prompts = options.prompts === false ? '' : ulUser(s.prompts.map((pr) => pr.text).filter((t) => t.trim() !== ''));
      return heading + purpose + prompts;
    })
    .join('');

const indent = (text: string, by: string): string => cleanText(text).split('\n').join(`\n${by}`);

/** The sections as plain text. Shared with the prep reminder. */
export const renderSectionsText = (timed: TimedAgenda, options: { readonly purposes?: boolean; readonly prompts?: boolean } = {}): string =>
  timed.sections
    .map((s, i) => {
      const lines = [sectionHeadingText(s, i, oneLine(s.title))];
      if (options.purposes !== false && s.purpose.trim() !== '') lines.push(`   ${indent(s.purpose, '   ')}`);
      if (options.prompts !== false) {
        for (const pr of s.prompts) if (pr.text.trim() !== '') lines.push(`   - ${indent(pr.text, '     ')}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');

export const renderInviteHtml = (input: InviteInput): string => {
  const timed = timeAgenda(input.agenda, input.durationMinutes);
  const lang = input.agenda.lang;
  const w = WORDS[lang];
  const leaver = oneLine(input.leaverName);
  const manager = oneLine(input.managerName ?? '');
  return root(lang, [
    p(esc(w.greeting(isolate(leaver)))),
    p(esc(w.intro)),
    `<h2 style="${STYLE.h2}">${esc(w.heading(minutesLong(lang, timed.durationMinutes)))}</h2>`,
    renderSectionsHtml(timed),
    p(manager ? `${esc(w.signOff)}<br>${esc(isolate(manager))}` : esc(w.signOff), 'margin:20px 0 0 0'),
  ]);
};

export const renderInviteText = (input: InviteInput): string => {
  const timed = timeAgenda(input.agenda, input.durationMinutes);
  const lang = input.agenda.lang;
  const w = WORDS[lang];
  const leaver = oneLine(input.leaverName);
  const manager = oneLine(input.managerName ?? '');
  const heading = w.heading(minutesLong(lang, timed.durationMinutes));
  return [
    w.greeting(isolate(leaver)),
    '',
    w.intro,
    '',
    heading,
    '-'.repeat(heading.length),
    '',
    renderSectionsText(timed),
    '',
    w.signOff,
    ...(manager ? [isolate(manager)] : []),
    '',
  ].join('\n');
};

const SUBJECTS: Readonly<Record<Lang, { readonly named: (name: string) => string; readonly bare: string }>> = {
  fr: { named: (name) => `Entretien de départ avec ${name}`, bare: 'Entretien de départ' },
  en: { named: (name) => `Exit conversation with ${name}`, bare: 'Exit conversation' },
};

/** The invite's subject: plain text on one line, at most 255 characters (the name is shortened first). */
export const inviteSubject = (lang: Lang, leaverName: string): string =>
  oneLine(leaverName) === '' ? SUBJECTS[lang].bare : subjectWithName(SUBJECTS[lang].named, leaverName);
