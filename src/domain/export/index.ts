/** Export formats (vCard, iCalendar): pure writers, loaded only when a person asks for a file. */
export { writeVCard, VCARD_VERSIONS, PRODID as VCARD_PRODID, type CardInput, type CardPhoto, type VCardVersion } from './vcard';
export { writeCalendar, rrulePattern, ICS_PRODID, type CalendarInput, type ReminderInput } from './calendar';
export { bytesToBase64 } from './base64';
export { calendarName, fileStem, reminderDescription, type ReminderPerson } from './texts';
