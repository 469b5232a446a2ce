/**
 * The Outlook category Au revoir gives everything it books: the tab through Graph (created once in the
 * master list), the Outlook add-in through Office.js on the item being composed. One name and one colour,
 * so a manager's calendar shows the same category whichever app booked.
 */
export const AU_REVOIR_CATEGORY = 'Au revoir';
/**
 * Teal. Outlook maps the preset constants to colours: preset4 is Green, preset5 is Teal (outlookCategory
 * resource, "Pre-set constant" table: https://learn.microsoft.com/graph/api/resources/outlookcategory;
 * Office.js says the same: https://learn.microsoft.com/javascript/api/outlook/office.mailboxenums.categorycolor).
 */
export const AU_REVOIR_CATEGORY_COLOR = 'preset5';
