import { DateTime } from 'luxon';
import { isoDate, type IanaTimeZone, type IsoDate } from './types';

/**
 * Today's date on the manager's calendar: `now` read in the mailbox's time zone, not the browser's. A
 * plan's dates (the last working day, a logged reconnect or outcome) are dates of that calendar, so
 * the earliest last day a form offers and the date it proposes are too; a manager in Paris with a
 * laptop still on New York time must not be offered yesterday.
 */
export const todayIn = (zone: IanaTimeZone, now: Date): IsoDate => isoDate(DateTime.fromJSDate(now, { zone }).toISODate() ?? '');

/** The shortest notice a suggested conversation gives both people. */
export const SUGGESTION_LEAD_MINUTES = 60;
/** Suggested times fall on this grid, as Outlook's own scheduling suggestions do. */
const SUGGESTION_GRID_MINUTES = 30;

/**
 * The earliest start the app asks findMeetingTimes to suggest: an hour from now, on the next half hour.
 * A product choice, not a Graph rule: findMeetingTimes itself suggests from the start of the window it is
 * given, so a window opening "now" offered a slot a few minutes away, which nobody can prepare for (and
 * which had often passed by the time the manager reached Review). A time typed by hand is not limited.
 */
export const earliestSuggestion = (now: Date): Date => {
  const grid = SUGGESTION_GRID_MINUTES * 60_000;
  return new Date(Math.ceil((now.getTime() + SUGGESTION_LEAD_MINUTES * 60_000) / grid) * grid);
};
