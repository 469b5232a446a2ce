import type { Lang, Localized } from '../types';

/*
 * The exit conversation, while it happens: which Teams meeting is ours, the agenda as a guide with
 * a gentle timer per section, and the summary the manager keeps afterwards. Pure: the clock comes
 * in as elapsed seconds.
 */

const THREAD = /19:meeting_[A-Za-z0-9_-]+@thread\.v2/;

/**
 * The chat thread id inside a Teams join URL, e.g. `https://teams.microsoft.com/l/meetup-join/
 * 19%3ameeting_XXXX%40thread.v2/0?context=…` → `19:meeting_XXXX@thread.v2`. That thread is the
 * meeting's chat (Graph's `onlineMeeting.chatInfo.threadId` has the same form,
 * https://learn.microsoft.com/graph/api/resources/chatinfo), so it ties a calendar event to the
 * meeting a side panel runs in. CHOICE: Microsoft documents the join URL as opaque; when the thread
 * cannot be read from it the event simply does not match (the panel then says it did not find its
 * plan) rather than being matched by time or subject.
 */
export const threadIdFromJoinUrl = (joinUrl: string | undefined): string | undefined => {
  if (!joinUrl) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(joinUrl);
  } catch (e: unknown) {
    // URIError on a malformed escape: read the URL as it is (a thread id needs no decoding to match).
    if (!(e instanceof URIError)) throw e;
    decoded = joinUrl;
  }
  return THREAD.exec(decoded)?.[0];
};

/** Thread ids compare case-insensitively (the join URL's escapes come in either case). */
export const sameThread = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** One section of the agenda as the guide shows it. */
export interface GuideSection {
  readonly title: string;
  readonly purpose: string;
  /** Minutes the agenda gives it; 0 when the heading gave none. */
  readonly minutes: number;
  readonly prompts: readonly string[];
}

const HEADING = /^\s*(?:\d+\s*[.)]\s*)?(.*?)(?:\s*·\s*(\d+)\s*min\.?)?\s*$/u;

/**
 * A section heading of the invite, as src/domain/agenda/render.ts writes it: `2. Title · 6 min`
 * (no-break spaces included). The manager may have edited it in Outlook: no number, no minutes
 * and extra spaces are fine.
 */
export const parseSectionHeading = (text: string): { readonly title: string; readonly minutes: number } => {
  // Markup whitespace collapses; the no-break spaces of French typography in the title stay.
  const clean = text.replace(/[ \t\r\n]+/g, ' ').trim();
  const m = HEADING.exec(clean);
  const title = (m?.[1] ?? clean).trim();
  const minutes = m?.[2] ? Number(m[2]) : 0;
  return { title: title || clean, minutes: Number.isFinite(minutes) ? minutes : 0 };
};

export interface SectionTimer {
  /** Seconds left in the section's minutes; 0 once they are used up. */
  readonly remainingSeconds: number;
  /** Seconds spent beyond the section's minutes. */
  readonly overSeconds: number;
  /** Share of the section's time used, 0..1. */
  readonly used: number;
  /** gentle: plenty left; soon: the last minute (or the last fifth of a short section); over. */
  readonly phase: 'untimed' | 'gentle' | 'soon' | 'over';
}

/** Where a section's timer stands after `elapsedSeconds` in it. */
export const sectionTimer = (minutes: number, elapsedSeconds: number): SectionTimer => {
  const total = Math.max(0, Math.round(minutes * 60));
  const elapsed = Math.max(0, Math.floor(elapsedSeconds));
  if (total === 0) return { remainingSeconds: 0, overSeconds: 0, used: 0, phase: 'untimed' };
  const remainingSeconds = Math.max(0, total - elapsed);
  const overSeconds = Math.max(0, elapsed - total);
  const soonAt = Math.min(60, Math.ceil(total / 5));
  return {
    remainingSeconds,
    overSeconds,
    used: Math.min(1, elapsed / total),
    phase: overSeconds > 0 || remainingSeconds === 0 ? 'over' : remainingSeconds <= soonAt ? 'soon' : 'gentle',
  };
};

/**
 * What a screen reader is told, and when: not every second, only when the phase changes or a whole
 * minute goes by. Returns the whole minutes left (or over) when an announcement is due.
 */
export const announcementDue = (minutes: number, before: number, after: number): boolean => {
  const a = sectionTimer(minutes, before);
  const b = sectionTimer(minutes, after);
  if (a.phase !== b.phase) return true;
  if (b.phase === 'untimed') return false;
  const minuteOf = (t: SectionTimer): number => (t.phase === 'over' ? -Math.floor(t.overSeconds / 60) : Math.ceil(t.remainingSeconds / 60));
  return minuteOf(a) !== minuteOf(b);
};

export const SUMMARY_LABEL: Localized = {
  fr: 'Entretien de départ',
  en: 'Exit conversation',
};

const COVERED: Localized = { fr: 'Abordé', en: 'Covered' };

/**
 * The note of the reconnect-log entry that keeps the summary: in the agenda's language, the
 * summary as typed, then the sections that were covered. Plain text; appendReconnect dates it.
 */
export const summaryNote = (lang: Lang, summary: string, covered: readonly string[]): string => {
  const lines = summary
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = `${SUMMARY_LABEL[lang]}${lang === 'fr' ? '\u00a0:' : ':'} ${lines[0] ?? ''}`.trim();
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  return [first, ...lines.slice(1), ...(covered.length > 0 ? [`${COVERED[lang]}${sep}${covered.join(', ')}`] : [])].join('\n');
};
