import { isLang, type Lang } from '../types';

/*
 * What the leaver agreed to when the manager kept their personal details: kept with the contact for as
 * long as the contact exists (graph/contacts.ts: one extended property), so the card can always say
 * when, how and to which words. Read leniently like the outcome log: what is not a record reads as none.
 */

/** Where the consent was ticked: the Teams tab's booking wizard or the Outlook add-in's task pane. */
export type ConsentChannel = 'tabWizard' | 'outlookAddin';
const CHANNELS: readonly ConsentChannel[] = ['tabWizard', 'outlookAddin'];

export interface ConsentRecord {
  /** ISO instant (UTC) the booking was made with the box ticked. */
  readonly givenAt: string;
  readonly channel: ConsentChannel;
  /** The language the text was shown in (the plan's). */
  readonly lang: Lang;
  /** The sentence exactly as shown next to the checkbox, the leaver's name in it. */
  readonly text: string;
}

export const CONSENT_TEXT_MAX = 1_000;

export const serialiseConsent = (c: ConsentRecord): string =>
  JSON.stringify({ v: 1, givenAt: c.givenAt, channel: c.channel, lang: c.lang, text: c.text.slice(0, CONSENT_TEXT_MAX) });

export const parseConsent = (stored: string | undefined | null): ConsentRecord | undefined => {
  if (!stored) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const { givenAt, channel, lang, text } = doc as Record<string, unknown>;
  if (typeof givenAt !== 'string' || Number.isNaN(Date.parse(givenAt))) return undefined;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (!isLang(lang) || !(CHANNELS as readonly unknown[]).includes(channel)) return undefined;
  return { givenAt: new Date(Date.parse(givenAt)).toISOString(), channel: channel as ConsentChannel, lang, text: text.slice(0, CONSENT_TEXT_MAX) };
};

/**
 * The plan with its consent record, when the leaver agreed: `text` is the checkbox's sentence as shown,
 * in the plan's language; `at` the moment the manager booked. A plan that already has one keeps it (a
 * resumed booking does not move the date).
 */
export const withConsentRecord = <P extends { readonly leaver: { readonly consentToKeepContact: boolean }; readonly consentRecord?: unknown }>(
  plan: P,
  input: { readonly at: Date; readonly channel: ConsentChannel; readonly text: string },
): P =>
  !plan.leaver.consentToKeepContact || plan.consentRecord
    ? plan
    : { ...plan, consentRecord: { givenAt: input.at.toISOString(), channel: input.channel, text: input.text.slice(0, CONSENT_TEXT_MAX) } };
