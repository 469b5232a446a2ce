import type { Localized } from './types';

/**
 * What Au revoir is, and the credit to the column it is built on. The column's title and author are
 * quoted as published; everything else in the app is written in the project's own words.
 */
export const ARTICLE_TITLE = "C'est décidé ! Je fais un entretien de départ";
export const ARTICLE_AUTHOR = 'Sandrine';
export const ARTICLE_BLOG = 'Le calepin RH de Sandrine';

export const ABOUT: Localized = {
  fr:
    'Au revoir aide les managers à bien se quitter avec un collaborateur qui s’en va, puis à garder le lien\u00a0: ' +
    'un entretien de départ préparé avec soin, une fiche contact qui survit au compte professionnel et des rappels ' +
    'pour prendre des nouvelles au fil des années. Tout reste dans votre propre boîte Microsoft\u00a0365. ' +
    `Inspiré de «\u00a0${ARTICLE_TITLE}\u00a0», une chronique de ${ARTICLE_AUTHOR} (blog «\u00a0${ARTICLE_BLOG}\u00a0»).`,
  en:
    'Au revoir helps managers part well with a colleague who is moving on, and stay in touch afterwards: ' +
    'a well-prepared exit conversation, a contact card that outlives the work account, and reminders to catch up ' +
    'over the years. Everything stays in your own Microsoft 365 mailbox. ' +
    `Inspired by “${ARTICLE_TITLE}”, a column by ${ARTICLE_AUTHOR} (blog “${ARTICLE_BLOG}”).`,
};
