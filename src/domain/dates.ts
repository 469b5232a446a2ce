import { DateTime } from 'luxon';
import { isoDate, type IanaTimeZone, type IsoDate } from './types';

/**
 * Today's date on the manager's calendar: `now` read in the mailbox's time zone, not the browser's. A
 * plan's dates (the last working day, a logged reconnect or outcome) are dates of that calendar, so
 * the earliest last day a form offers and the date it proposes are too; a manager in Paris with a
 * laptop still on New York time must not be offered yesterday.
 */
export const todayIn = (zone: IanaTimeZone, now: Date): IsoDate => isoDate(DateTime.fromJSDate(now, { zone }).toISODate() ?? '');
