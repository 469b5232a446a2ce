import type { Lang } from '../types';

/** Who a reminder is about and how to reach them, as the exported reminders' plain-text description says it. */
export interface ReminderPerson {
  readonly displayName: string;
  readonly personalEmail?: string;
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly company?: string;
  readonly jobTitle?: string;
}

const LABELS: Readonly<Record<Lang, { email: string; mobile: string; profile: string; intro: string; calendar: string }>> = {
  fr: { email: 'E-mail', mobile: 'Mobile', profile: 'Profil', intro: 'Reprendre contact avec', calendar: 'Au revoir · rappels' },
  en: { email: 'Email', mobile: 'Mobile', profile: 'Profile', intro: 'Get back in touch with', calendar: 'Au revoir · reminders' },
};

/** The name phones and calendars show for the imported reminders. */
export const calendarName = (person: Pick<ReminderPerson, 'displayName'>, lang: Lang): string => `${LABELS[lang].calendar} · ${person.displayName}`;

/**
 * Plain text (the .ics DESCRIPTION is TEXT, RFC 5545 section 3.8.1.5): no HTML, nothing to escape here —
 * ical.js escapes it when writing. French puts a space before the colon, as French typography does.
 */
export const reminderDescription = (p: ReminderPerson, lang: Lang): string => {
  const l = LABELS[lang];
  const colon = lang === 'fr' ? '\u202f:' : ':';
  const where = [p.jobTitle, p.company].filter(Boolean).join(' · ');
  return [
    `${l.intro} ${p.displayName}${where ? ` (${where})` : ''}`,
    ...(p.personalEmail ? [`${l.email}${colon} ${p.personalEmail}`] : []),
    ...(p.mobilePhone ? [`${l.mobile}${colon} ${p.mobilePhone}`] : []),
    ...(p.profileUrl ? [`${l.profile}${colon} ${p.profileUrl}`] : []),
  ].join('\n');
};

/**
 * A file name from a person's name: letters and digits of any script kept, accents dropped, the rest
 * become hyphens; never empty, never a path.
 */
export const fileStem = (name: string): string => {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return stem || 'contact';
};
