/**
 * Sizes the plan's texts must respect so Graph and Exchange take them as they are, instead of
 * refusing the request or silently cutting the text. Graph's reference pages give no per-property
 * limits for events and contacts; Exchange's do (EWS documents the same store properties), so the
 * limits come from there, and where nothing is documented we pick a bound well inside what is.
 * Lengths are counted in UTF-16 code units, as Exchange counts them (an emoji counts two).
 */

/** Exchange store items' Subject "is limited to 255 characters" (EWS Subject element; longer ones are cut with "..."). */
export const EVENT_SUBJECT_MAX = 255;

/**
 * The leaver's name goes into the invite's subject after our own words ("Entretien de départ avec ",
 * about 40 characters) and becomes the contact's display name: 200 keeps the subject under 255.
 */
export const DISPLAY_NAME_MAX = 200;

/** RFC 5321: a path is at most 256 octets including the angle brackets, so 254 for the address; 64 for the local part. */
export const EMAIL_MAX = 254;
export const EMAIL_LOCAL_PART_MAX = 64;

/** The event's location display name: no documented limit; we hold it to the subject's 255 so Outlook shows it whole. */
export const LOCATION_MAX = 255;

/** Contact's companyName and jobTitle: short single-line store properties, held to the subject's 255 too. */
export const CONTACT_TEXT_MAX = 255;

/** Contact's businessHomePage: 2,048 is the URL length every Outlook client and browser handles. */
export const PROFILE_URL_MAX = 2048;

/**
 * Agenda texts and prep notes end up in event bodies. Graph takes bodies of any length but a
 * request is at most 4 MB, and a $batch of 20 requests shares that; these per-text bounds keep
 * the whole plan far below it while leaving room for any real agenda.
 */
export const AGENDA_TITLE_MAX = 255;
export const AGENDA_TEXT_MAX = 2000;
export const AGENDA_MAX_SECTIONS = 20;
export const AGENDA_MAX_PROMPTS = 12;
export const PREP_NOTES_MAX = 20000;

/** The exit conversation: a quarter of an hour at least, half a day at most. */
export const CONVERSATION_MIN_MINUTES = 15;
export const CONVERSATION_MAX_MINUTES = 240;

/**
 * The lengths the apps offer for the conversation, the same in the tab, the HR partner's screen and the
 * Outlook template (which rounds an existing meeting to the nearest), and the one they start on. The
 * agenda scales to any of them (domain/agenda).
 */
export const CONVERSATION_LENGTHS = [30, 45, 60, 90] as const;
export const DEFAULT_CONVERSATION_MINUTES = 45;
