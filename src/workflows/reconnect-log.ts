/**
 * Local stand-in for the domain's alumni log (src/domain/alumni: appendReconnect, parseReconnectLog,
 * lastContacted), which another helper is writing; swap the imports in alumni.ts when it lands.
 * Format: one line per reconnect, `[YYYY-MM-DD] note`, newest first, at the top of personalNotes.
 */
export interface ReconnectEntry {
  readonly date: string;
  readonly text: string;
}

const LINE = /^\[(\d{4}-\d{2}-\d{2})\]\s?(.*)$/;

export const parseReconnectLog = (notes: string): ReconnectEntry[] =>
  notes
    .split(/\r?\n/)
    .map((l) => LINE.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ date: m[1] as string, text: (m[2] ?? '').trim() }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

export const appendReconnect = (notes: string, at: Date, note: string): string => {
  const line = `[${at.toISOString().slice(0, 10)}] ${note.replace(/\s+/g, ' ').trim()}`.trim();
  return notes.trim() === '' ? line : `${line}\n${notes}`;
};

export const lastContacted = (entries: readonly ReconnectEntry[]): string | undefined => entries[0]?.date;
