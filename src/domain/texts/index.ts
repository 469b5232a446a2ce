// The texts Au revoir writes into the mailbox besides the invite: the prep reminder, the reconnect
// reminders, and the about text. The invite itself lives with the agenda (../agenda).
export { renderPrepReminder } from './prep';
export type { PrepReminderInput, RenderedMessage } from './prep';
export { renderTouchpoint, touchpointPrompts } from './touchpoint';
export type { TouchpointInput, TouchpointLeaver } from './touchpoint';
export { SUBJECT_MAX, cleanText, esc, mailtoUrl, oneLine, telUrl, truncate, webUrl } from './html';
export { ABOUT, ARTICLE_AUTHOR, ARTICLE_BLOG, ARTICLE_TITLE } from '../about';
export { renderConsentCheck } from './consentCheck';
