import type { Lang } from './types';

/**
 * The product's language for a locale, wherever one comes from (Teams' context, Outlook's display
 * language, the mailbox's settings, `?locale=`, the browser): `fr`, `fr-FR`, `fr_CA` → fr; anything
 * else, or nothing, → en. Kept alone (no import but a type) so that the page's first script
 * (src/apps/shell/boot.ts, under 1 KB) can use the same rule as the apps.
 */
export const langFromLocale = (locale: string | null | undefined): Lang =>
  locale && /^fr(\b|[-_])/i.test(locale) ? 'fr' : 'en';
