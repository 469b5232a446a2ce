import type { Lang } from '../types';
import { esc, fill, frenchSpacing, isolate, oneLine, p, root, subjectWithName } from './html';
import type { RenderedMessage } from './prep';

/**
 * The yearly question to the manager (issue 12, consent that lasts as long as the data): is keeping this
 * person's details still welcome? An event for the manager alone, once a year, from the first
 * anniversary of the last working day.
 */
const WORDS: Readonly<Record<Lang, { subject: (name: string) => string; body: readonly string[] }>> = {
  fr: {
    subject: (name) => `Toujours d’accord pour garder ses coordonnées ? ${name}`,
    body: [
      frenchSpacing('Une fois par an, Au revoir vous pose la question : {{name}} souhaite-t-il ou souhaite-t-elle toujours que vous gardiez ses coordonnées personnelles ?'),
      frenchSpacing('Si oui, rien à faire. Sinon, ouvrez Au revoir, onglet Anciens, et choisissez « Oublier cette personne » : le contact, sa photo, les rappels et le journal des suites seront supprimés en une fois.'),
    ],
  },
  en: {
    subject: (name) => `Still happy for you to keep their details? ${name}`,
    body: [
      'Once a year, Au revoir asks: is {{name}} still happy for you to keep their personal details?',
      'If so, nothing to do. If not, open Au revoir, Alumni tab, and choose "Forget this person": the contact, their photo, the reminders and the outcome log are deleted in one step.',
    ],
  },
};

export const renderConsentCheck = (input: { readonly lang: Lang; readonly leaverName: string }): RenderedMessage => {
  const w = WORDS[input.lang];
  const name = oneLine(input.leaverName);
  const lines = w.body.map((b) => fill(b, { name: isolate(name) }));
  return {
    subject: subjectWithName(w.subject, name),
    html: root(input.lang, lines.map((l) => p(esc(l)))),
    text: `${lines.join('\n\n')}\n`,
  };
};
