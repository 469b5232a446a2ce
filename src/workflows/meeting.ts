import { sameThread, summaryNote, threadIdFromJoinUrl } from '../domain/meeting';
import { isLang, type Lang, type PlanId } from '../domain/types';
import {
  createCalendarGateway,
  createContactsGateway,
  createMeetingGateway,
  type ContactsGateway,
  type MeetingGateway,
} from '../graph';
import { AppError } from '../domain/errors';
import { markReconnected, type AlumniDeps } from './alumni';
import { graphClientFor, guard, type GraphSessionOptions } from './session';

/** The exit conversation a Teams meeting belongs to, as the side panel needs it. */
export interface MeetingPlan {
  readonly planId: PlanId;
  readonly eventId: string;
  readonly subject: string;
  /** The agenda's language (the invite's), from the event's tag; the subject's words otherwise. */
  readonly lang: Lang;
  readonly start?: string;
  readonly end?: string;
  /** The invite's body, where the agenda is. */
  readonly bodyHtml: string;
  /** The leaver's contact, when they agreed to be kept: where the summary goes. */
  readonly contact?: { readonly id: string; readonly displayName: string };
}

export interface MeetingDeps {
  readonly meeting: MeetingGateway;
  readonly contacts: ContactsGateway;
}

const langOfEvent = (tag: string | undefined, subject: string): Lang =>
  isLang(tag) ? tag : /^entretien/i.test(subject.trim()) ? 'fr' : 'en';

/**
 * Finds the plan of the meeting whose chat is `threadId`: the exit conversation whose Teams join
 * URL carries that thread. Undefined when Au revoir did not book this meeting (or it was cancelled).
 */
export const findMeetingPlan = async (deps: MeetingDeps, threadId: string): Promise<MeetingPlan | undefined> => {
  const events = await deps.meeting.conversations();
  const event = events.find((e) => !e.isCancelled && e.planId && sameThread(threadIdFromJoinUrl(e.joinUrl), threadId));
  if (!event?.planId) return undefined;
  const [bodyHtml, contacts] = await Promise.all([deps.meeting.bodyHtml(event.id), deps.contacts.planContacts(event.planId)]);
  const contact = contacts.find((c) => c.planId === event.planId) ?? contacts[0];
  return {
    planId: event.planId as PlanId,
    eventId: event.id,
    subject: event.subject,
    lang: langOfEvent(event.lang, event.subject),
    ...(event.start ? { start: event.start } : {}),
    ...(event.end ? { end: event.end } : {}),
    bodyHtml,
    ...(contact ? { contact: { id: contact.id, displayName: contact.displayName } } : {}),
  };
};

/**
 * "Keep a summary": one dated entry in the contact's notes, in the agenda's language — the same
 * reconnect log the alumni card reads, written by the same path as "Reconnected" (markReconnected:
 * dated on the manager's calendar, appended under the log's heading, the rest of the notes kept).
 */
export const keepSummary = async (
  deps: AlumniDeps,
  input: { contactId: string; summary: string; covered: readonly string[]; lang: Lang; at: Date },
): Promise<void> => {
  if (input.summary.trim() === '') throw new AppError({ code: 'validation', detail: 'keepSummary: the summary is empty' });
  await markReconnected(deps, { contactId: input.contactId, note: summaryNote(input.lang, input.summary, input.covered), at: input.at, lang: input.lang });
};

export interface MeetingService {
  findPlan(threadId: string): Promise<MeetingPlan | undefined>;
  keepSummary(input: { contactId: string; summary: string; covered: readonly string[]; lang: Lang; at: Date }): Promise<void>;
}


/** The side panel's service: its own Graph client, as each page has one. */
export const createMeetingService = (options: GraphSessionOptions): MeetingService => {
  const graph = graphClientFor(options);
  const contacts = createContactsGateway(graph);
  const deps = { meeting: createMeetingGateway(graph), contacts, calendar: createCalendarGateway(graph) };
  return {
    findPlan: (threadId) => guard(() => findMeetingPlan(deps, threadId)),
    keepSummary: (input) => guard(() => keepSummary(deps, input)),
  };
};
