import { AppError } from '../../domain/errors';
import { mergeAgendaIntoBody } from './body';
import type { MailItemPort, Recipient } from './item';

export interface TemplateInput {
  readonly subject: string;
  /** The agenda as HTML (renderInviteHtml): already escaped. */
  readonly agendaHtml: string;
  readonly leaver: Recipient;
  readonly category: string;
  /** Outlook preset colour name, e.g. `preset5` (teal). */
  readonly categoryColor: string;
  /** false when the client lacks Mailbox 1.8: the category step is skipped, not failed. */
  readonly categoriesSupported: boolean;
}

export interface ApplyResult {
  readonly teamsBlockKept: boolean;
  readonly replacedPrevious: boolean;
  readonly attendeeAdded: boolean;
  readonly categoryAdded: boolean;
  /** Why the category could not be added; the rest of the template still applied. */
  readonly categoryError?: AppError;
}

/**
 * Applies the exit-conversation template to the meeting being composed: subject, agenda body
 * (keeping Outlook's Teams block), the leaver as required attendee (once), the category. Calls run
 * one after another: Outlook rejects overlapping writes to the same item.
 */
export const applyTemplate = async (item: MailItemPort, input: TemplateInput): Promise<ApplyResult> => {
  if (item.kind !== 'appointmentCompose')
    throw new AppError({ code: 'host.unsupported', detail: `the template applies to a meeting being composed, not ${item.kind}` });
  await item.setSubject(input.subject);
  const existing = await item.getBodyHtml();
  const merged = mergeAgendaIntoBody(existing, input.agendaHtml);
  await item.setBodyHtml(merged.html);

  const attendees = await item.getRequiredAttendees();
  const email = input.leaver.email.trim().toLowerCase();
  const present = attendees.some((a) => a.email.trim().toLowerCase() === email);
  if (!present) await item.addRequiredAttendees([input.leaver]);

  let categoryAdded = false;
  let categoryError: AppError | undefined;
  if (input.categoriesSupported) {
    try {
      await item.addCategories([input.category], input.categoryColor);
      categoryAdded = true;
    } catch (e) {
      categoryError = AppError.from(e);
    }
  }
  return {
    teamsBlockKept: merged.teamsBlockKept,
    replacedPrevious: merged.replacedPrevious,
    attendeeAdded: !present,
    categoryAdded,
    ...(categoryError ? { categoryError } : {}),
  };
};
