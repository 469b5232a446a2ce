import { graphAll, type Stack } from './harness';

/** The parts of Graph's event and contact the e2e assertions read. */
export interface GraphEvent {
  id: string;
  subject: string;
  type?: string;
  showAs?: string;
  isReminderOn?: boolean;
  categories?: string[];
  start: { dateTime: string; timeZone: string };
  attendees?: { emailAddress: { address: string; name?: string } }[];
  body?: { contentType: string; content: string };
  isOnlineMeeting?: boolean;
  onlineMeeting?: { joinUrl?: string } | null;
  location?: { displayName?: string };
  recurrence?: unknown;
}

export interface GraphContact {
  id: string;
  displayName: string;
  emailAddresses?: { address: string; name?: string }[];
  mobilePhone?: string | null;
  companyName?: string | null;
  personalNotes?: string | null;
  categories?: string[];
}

export const listEvents = (stack: Stack, upn: string): Promise<GraphEvent[]> =>
  graphAll<GraphEvent>(
    stack,
    upn,
    '/me/events?$top=100&$select=subject,type,showAs,isReminderOn,categories,start,attendees,body,isOnlineMeeting,onlineMeeting,location,recurrence',
  );

export const listContacts = (stack: Stack, upn: string): Promise<GraphContact[]> =>
  graphAll<GraphContact>(stack, upn, '/me/contacts?$top=100&$select=displayName,emailAddresses,mobilePhone,companyName,personalNotes,categories');

/** Events present now that were not in `before` (ids). */
export const newSince = (before: readonly GraphEvent[], after: readonly GraphEvent[]): GraphEvent[] => {
  const old = new Set(before.map((e) => e.id));
  return after.filter((e) => !old.has(e.id));
};

export const attendeeAddresses = (e: GraphEvent): string[] =>
  (e.attendees ?? []).map((a) => a.emailAddress.address.toLowerCase());

/** `subject @ start` keys that occur more than once: duplicates a retry must never create. */
export const duplicates = (events: readonly GraphEvent[]): string[] => {
  const seen = new Map<string, number>();
  for (const e of events) {
    const key = `${e.subject} @ ${e.start.dateTime}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
};
