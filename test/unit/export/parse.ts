/**
 * The independent reader used to check what the exporters write: node-ical (its own RFC 5545 line parser,
 * unrelated to ical.js which writes the files; it reads vCards with the same content-line grammar), and the
 * RRULE expansion it carries (rrule-temporal).
 */
import * as ical from 'node-ical';

export type Parsed = Record<string, unknown> & { type: string };

export const parseAll = (text: string): Parsed[] => Object.values(ical.sync.parseICS(text)) as unknown as Parsed[];

/** The one VCARD in `text`. */
export const parseCard = (text: string): Parsed => {
  const cards = parseAll(text).filter((c) => c.type === 'VCARD');
  if (cards.length !== 1) throw new Error(`expected one VCARD, got ${cards.length}`);
  return cards[0]!;
};

/** A property's value and parameters, whether node-ical gave a bare value or `{ params, val }`. */
export const prop = (o: Parsed, name: string): { val: string; params: Record<string, string> } => {
  const v = o[name] as unknown;
  if (v === undefined) throw new Error(`no ${name}`);
  if (typeof v === 'string') return { val: v, params: {} };
  const p = v as { val: string; params?: Record<string, string> };
  return { val: p.val, params: p.params ?? {} };
};

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: Date & { tz?: string };
  end: Date & { tz?: string };
  transparency?: string;
  categories?: string[];
  rrule?: { all(): Date[]; toString(): string; options?: unknown };
  [key: string]: unknown;
}

export const parseEvents = (text: string): ParsedEvent[] =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as unknown as ParsedEvent[];

/** Every content line, unfolded neither way: for the line-level rules (CRLF, 75 octets). */
export const rawLines = (text: string): string[] => text.split('\r\n').filter((l, i, all) => l !== '' || i < all.length - 1);
