// Events in the sandbox, by concern: normalise (what a client may write and Graph's checks on it), store
// (create, attendee copies, series expansion), render (Graph's shape in the caller's zone) and routes (the
// HTTP handlers). This module is what the rest of the sandbox imports.
export { EVENT_SCHEMA } from './normalise';
export type { CreateOptions } from './store';
export { busyOf, createEvent, instancesOf, occurrenceId, parseOccurrenceId } from './store';
export { renderEvent } from './render';
export { getCalendar, supportedTimeZones } from './calendar';
export {
  calendarView,
  cancelEvent,
  deleteEvent,
  eventExtensions,
  extensionRoute,
  getEvent,
  instances,
  listEvents,
  patchEvent,
  postEvent,
} from './routes';
