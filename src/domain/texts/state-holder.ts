import type { Localized } from '../types';

/**
 * What a person sees of the contact in which Au revoir keeps its shared state (src/graph/state.ts):
 * a clear name, and a note saying what it is for and what deleting it costs.
 */
export const STATE_HOLDER_NAME: Localized = {
  fr: 'Au revoir (données de l’application)',
  en: 'Au revoir (app data)',
};

export const STATE_HOLDER_NOTES: Localized = {
  fr: 'Au revoir garde ici, dans votre boîte aux lettres, la liste des départs que vous avez ajoutés et les réservations interrompues, pour les retrouver sur tous vos appareils (Teams, Outlook). Le supprimer vide cette liste et oublie ces réservations ; rien de votre calendrier ni de vos contacts n’est perdu.',
  en: 'Au revoir keeps here, in your own mailbox, the departures you added by hand and the bookings that were interrupted, so every device (Teams, Outlook) shows the same list and can finish them. Deleting it empties that list and forgets those bookings; nothing in your calendar or contacts is lost.',
};
