import { registerStrings } from '../i18n';

export const REAL_CONTACT_NS = 'realContact';
// Keys typed for t() in this namespace (test/unit/i18n/types.test.ts proves a wrong key fails).
declare module 'i18next' { interface ResourceNamespaceMap { realContact: typeof en } }

/** Strings of "real contact resets the rhythm" (namespace `realContact`), both languages. */
const en = {
  foundEvent: '“{{subject}}” on {{date}} found in your calendar: last contacted moved to that day.',
  foundMail: 'Email on {{date}} found in your mailbox: last contacted moved to that day.',
  moved: 'The next reminder moved from {{from}} to {{to}}.',
  undo: 'Undo',
  undoLabel: 'Undo: {{name}} was not contacted on {{date}}',
  undoing: 'Undoing…',
  undone: 'Undone: last contacted and the reminder are back as they were.',
  noticeLabel: 'Real contact found for {{name}}',
  mailSwitch: 'Count emails as contact',
  mailSwitchHint:
    'Au revoir then looks at who your emails come from and go to (never their content), and asks your permission to read your mailbox’s senders and subjects the first time.',
  mailSwitchOn: 'Emails with alumni now count as contact.',
  mailSwitchOff: 'Emails no longer count as contact.',
};

const fr: typeof en = {
  foundEvent: '« {{subject}} » le {{date}}, trouvé dans votre agenda : dernier contact avancé à ce jour.',
  foundMail: 'Courriel du {{date}} trouvé dans votre boîte : dernier contact avancé à ce jour.',
  moved: 'Le prochain rappel passe du {{from}} au {{to}}.',
  undo: 'Annuler',
  undoLabel: 'Annuler : pas de contact avec {{name}} le {{date}}',
  undoing: 'Annulation…',
  undone: 'Annulé : le dernier contact et le rappel sont revenus comme avant.',
  noticeLabel: 'Contact réel trouvé pour {{name}}',
  mailSwitch: 'Compter les courriels comme contact',
  mailSwitchHint:
    'Au revoir regarde alors de qui viennent et à qui partent vos courriels (jamais leur contenu) et, la première fois, vous demande l’autorisation de lire les expéditeurs et objets de votre boîte.',
  mailSwitchOn: 'Les courriels avec vos anciens collègues comptent désormais comme contact.',
  mailSwitchOff: 'Les courriels ne comptent plus comme contact.',
};

export const REAL_CONTACT_STRINGS = registerStrings(REAL_CONTACT_NS, { en, fr });
