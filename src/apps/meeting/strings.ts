import { registerStrings } from '../../ui/i18n';

export const MEETING_NAMESPACE = 'meeting';
// Keys typed for t() in this namespace (test/unit/i18n/types.test.ts proves a wrong key fails).
declare module 'i18next' { interface ResourceNamespaceMap { meeting: typeof en } }

/** Strings of the meeting side panel, namespace `meeting`. */
const en = {
  title: 'Exit conversation guide',
  settings: {
    heading: 'Add the Au revoir guide to this meeting',
    body: 'The guide walks you through the agenda of the exit conversation, with private notes only you can see. Select Save to add it.',
  },
  notInMeeting: {
    title: 'Open this in the meeting',
    body: 'The guide works inside the Teams meeting of an exit conversation booked with Au revoir.',
  },
  notBooked: {
    title: 'Au revoir didn’t book this meeting',
    body: 'The guide opens in the exit conversations booked with Au revoir. Plan the conversation from the Au revoir tab, then open the guide from that meeting.',
  },
  noAgenda: 'The agenda couldn’t be read from the invite (it may have been edited). Your notes and the summary still work.',
  guide: {
    heading: 'Agenda',
    progress: 'Section {{current}} of {{total}}',
    previous: 'Previous section',
    next: 'Next section',
    start: 'Start the timer',
    pause: 'Pause the timer',
    minutes: '{{count}} min planned',
    untimed: 'No time set for this section',
    left: '{{time}} left',
    over: '{{time}} over, move on when you’re ready',
    announceLeft_one: '{{count}} minute left in {{title}}',
    announceLeft_other: '{{count}} minutes left in {{title}}',
    announceSoon: 'Less than a minute left in {{title}}',
    announceOver: 'Time planned for {{title}} is up',
    prompts: 'Prompts',
    timerLabel: 'Time used in this section',
  },
  notes: {
    heading: 'My private notes',
    hint: 'Only you see these. They’re never shared with attendees or posted in the meeting chat, and they stay in this window until you keep a summary.',
    label: 'Private notes',
  },
  summary: {
    heading: 'Keep a summary',
    intro: 'What you keep becomes a dated entry in {{name}}’s contact notes, in the agenda’s language, where the alumni card shows it.',
    fromNotes: 'Start from my notes',
    label: 'Summary',
    keep: 'Keep a summary',
    keeping: 'Keeping…',
    kept: 'Kept in {{name}}’s notes, dated {{date}}.',
    empty: 'Write a few words first.',
    noContact: '{{name}} wasn’t saved as a contact, so there is nowhere to keep a summary. Copy your notes before closing the meeting.',
  },
};

const fr: typeof en = {
  title: 'Guide de l’entretien de départ',
  settings: {
    heading: 'Ajouter le guide Au revoir à cette réunion',
    body: 'Le guide vous accompagne dans l’ordre du jour de l’entretien de départ, avec des notes privées que vous seul voyez. Sélectionnez Enregistrer pour l’ajouter.',
  },
  notInMeeting: {
    title: 'Ouvrez-le dans la réunion',
    body: 'Le guide fonctionne dans la réunion Teams d’un entretien de départ planifié avec Au revoir.',
  },
  notBooked: {
    title: 'Cette réunion n’a pas été planifiée avec Au revoir',
    body: 'Le guide s’ouvre dans les entretiens de départ planifiés avec Au revoir. Planifiez l’entretien depuis l’onglet Au revoir, puis ouvrez le guide depuis cette réunion.',
  },
  noAgenda: 'L’ordre du jour n’a pas pu être lu dans l’invitation (elle a peut-être été modifiée). Vos notes et le résumé restent disponibles.',
  guide: {
    heading: 'Ordre du jour',
    progress: 'Partie {{current}} sur {{total}}',
    previous: 'Partie précédente',
    next: 'Partie suivante',
    start: 'Démarrer le minuteur',
    pause: 'Mettre le minuteur en pause',
    minutes: '{{count}} min prévues',
    untimed: 'Pas de durée prévue pour cette partie',
    left: 'encore {{time}}',
    over: '{{time}} de plus que prévu, passez à la suite quand vous voulez',
    announceLeft_one: 'Encore {{count}} minute pour {{title}}',
    announceLeft_other: 'Encore {{count}} minutes pour {{title}}',
    announceSoon: 'Moins d’une minute pour {{title}}',
    announceOver: 'Le temps prévu pour {{title}} est écoulé',
    prompts: 'Pistes',
    timerLabel: 'Temps passé sur cette partie',
  },
  notes: {
    heading: 'Mes notes privées',
    hint: 'Vous seul les voyez. Elles ne sont jamais partagées avec les participants ni publiées dans la conversation de la réunion, et restent dans cette fenêtre jusqu’à ce que vous gardiez un résumé.',
    label: 'Notes privées',
  },
  summary: {
    heading: 'Garder un résumé',
    intro: 'Ce que vous gardez devient une entrée datée dans les notes du contact de {{name}}, dans la langue de l’ordre du jour, là où la fiche alumni l’affiche.',
    fromNotes: 'Partir de mes notes',
    label: 'Résumé',
    keep: 'Garder un résumé',
    keeping: 'Enregistrement…',
    kept: 'Gardé dans les notes de {{name}}, à la date du {{date}}.',
    empty: 'Écrivez d’abord quelques mots.',
    noContact: '{{name}} n’a pas été enregistré comme contact : il n’y a pas où garder un résumé. Copiez vos notes avant de quitter la réunion.',
  },
};

export const MEETING_STRINGS = registerStrings(MEETING_NAMESPACE, { en, fr });
