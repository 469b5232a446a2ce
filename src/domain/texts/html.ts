import escapeHtml from 'escape-html';
import type { Lang } from '../types';

/**
 * The small HTML vocabulary every Au revoir mail body is built from. Outlook on the web, new
 * Outlook, classic Outlook (Word engine) and the mobile apps all drop <style> blocks, classes and
 * external resources to some degree, so bodies use a handful of plain tags with inline styles.
 * User text only ever reaches the markup through `esc`/`escMultiline`, and attribute values only
 * through the URL builders below, so no input can open a tag or an attribute.
 */

/** Escapes user text for element content or a double-quoted attribute (`& < > " '`). */
export const esc = (s: string): string => escapeHtml(s);

const LINE_BREAK = /\r\n|\r|\n/;
// Control characters other than tab and line breaks: invisible, and some (NUL) are invalid in HTML.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** User text for a body: invisible control characters dropped, line breaks normalised to \n. */
export const cleanText = (s: string): string => s.replace(INVISIBLE, '').replace(/\r\n|\r|\u2028|\u2029/g, '\n');

/** Escapes text and keeps the writer's line breaks visible as <br>. */
export const escMultiline = (s: string): string => cleanText(s).split(LINE_BREAK).map(esc).join('<br>');

// Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, Arabic presentation forms...).
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;

/**
 * Wraps a name that contains right-to-left letters in Unicode isolates (FSI … PDI), so that a name
 * like «ليلى» in a French sentence does not drag the surrounding punctuation along with it. Latin
 * names are left untouched to keep the common case byte-for-byte plain.
 */
export const isolate = (s: string): string => (RTL.test(s) ? `\u2068${s}\u2069` : s);

/** Inline styles, kept in one place so every body looks the same. Constants only: never user text. */
export const STYLE = {
  // overflow-wrap: a long link or word typed by a user wraps instead of widening the mail on a phone.
  root: "font-family:'Segoe UI',-apple-system,'Helvetica Neue',Arial,sans-serif;font-size:14px;line-height:1.5;color:#242424;max-width:640px;overflow-wrap:break-word;word-wrap:break-word",
  p: 'margin:0 0 12px 0',
  h2: 'margin:20px 0 8px 0;font-size:18px;font-weight:600',
  h3: 'margin:16px 0 4px 0;font-size:15px;font-weight:600',
  purpose: 'margin:0 0 6px 0;color:#616161',
  ul: 'margin:0 0 8px 0;padding-left:22px',
  li: 'margin:0 0 4px 0',
  small: 'margin:16px 0 0 0;font-size:12px;color:#616161',
  a: 'color:#0f6cbd',
} as const;

/** The root element: one <div> with the language set, so screen readers pick the right voice. */
export const root = (lang: Lang, inner: readonly string[]): string =>
  `<div lang="${lang}" style="${STYLE.root}">${inner.join('')}</div>`;

/** A paragraph of already-safe HTML. */
export const p = (html: string, style: string = STYLE.p): string => `<p style="${style}">${html}</p>`;

/** A paragraph of user text; `dir="auto"` lets a right-to-left prompt read in its own direction. */
export const pUser = (text: string, style: string = STYLE.p): string =>
  `<p dir="auto" style="${style}">${escMultiline(text)}</p>`;

export const ulUser = (items: readonly string[]): string =>
  items.length === 0
    ? ''
    : `<ul style="${STYLE.ul}">${items.map((t) => `<li dir="auto" style="${STYLE.li}">${escMultiline(t)}</li>`).join('')}</ul>`;

/** A link whose href was built by one of the URL helpers below (already safe for the attribute). */
export const link = (href: string, textHtml: string): string => `<a href="${esc(href)}" style="${STYLE.a}">${textHtml}</a>`;

const EMAIL_LIKE = /^[^\s@<>"]+@[^\s@<>"]+$/;

/**
 * `mailto:` URL for an address, or undefined when the text does not look like one (the caller
 * then shows it as plain text). Percent-encodes everything but the `@` so that `?`, `&`, `#` or
 * quotes in a mistyped address cannot add headers or break out of the attribute.
 */
export const mailtoUrl = (email: string): string | undefined => {
  const e = email.trim();
  if (!EMAIL_LIKE.test(e)) return undefined;
  return `mailto:${encodeURIComponent(e).replace(/%40/g, '@')}`;
};

/** `tel:` URL made of the digits and a leading +, or undefined when there are fewer than 3 digits. */
export const telUrl = (phone: string): string | undefined => {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
};

/**
 * The normalised URL when `s` is an absolute http(s) URL, else undefined: `javascript:`, `data:`
 * and other schemes never become links.
 */
export const webUrl = (s: string): string | undefined => {
  const u = parseUrl(s.trim());
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : undefined;
};

const parseUrl = (s: string): URL | undefined => {
  try {
    return new URL(s);
  } catch (e) {
    // The URL constructor throws a TypeError for anything that is not an absolute URL: that is an
    // answer (no link), not a failure. Anything else is unexpected and goes up as it came. The name
    // is checked, not `instanceof`: the error may come from another realm (Node's URL under jest).
    if (typeof e === 'object' && e !== null && (e as { readonly name?: unknown }).name === 'TypeError') return undefined;
    throw e;
  }
};

/** Graph caps an event subject at 255 characters. */
export const SUBJECT_MAX = 255;

/**
 * One line of plain text: invisible control characters dropped (as in cleanText), line breaks and
 * tabs turned into spaces, runs of spaces collapsed. No-break spaces are kept: French typography
 * puts them before « : ? ! ».
 */
export const oneLine = (s: string): string =>
  s.replace(INVISIBLE, '').replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(/ {2,}/g, ' ').trim();

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `s` to at most `max` UTF-16 units, ending with an ellipsis when cut, without splitting an
 * emoji, a surrogate pair or a letter from its accent.
 */
export const truncate = (s: string, max: number): string => {
  if (s.length <= max) return s;
  let out = '';
  for (const { segment } of segmenter.segment(s)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
};

/**
 * A subject built as `template(name)`, with the name shortened first so the fixed words survive,
 * and the whole capped at SUBJECT_MAX.
 */
export const subjectWithName = (template: (name: string) => string, rawName: string): string => {
  const name = oneLine(rawName);
  const room = SUBJECT_MAX - template('').length;
  return truncate(oneLine(template(truncate(name, Math.max(room, 1)))), SUBJECT_MAX);
};

export { fill } from './fill';

/** French typography: a no-break space before « ; : ! ? » and inside guillemets, so they never start a line. */
export const frenchSpacing = (s: string): string =>
  s
    .replace(/ ([;:!?»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0');
