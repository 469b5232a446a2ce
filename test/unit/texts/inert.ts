/**
 * Test helpers that check a rendered body is inert: once the renderer's own tags (a known, short
 * list, with only the renderer's own attributes) are taken out, no `<`, `>` or `"` may remain, so
 * nothing a user typed can have opened a tag or an attribute. The decoded text must still contain
 * what the user typed (escaping must not eat it).
 */
import fc from 'fast-check';

const OWN_TAGS = 'div|p|h2|h3|ul|li|em|strong|br|a';
const OWN_ATTRS = 'style|lang|dir|href';
/** An opening or closing tag of the renderer, its attribute values free of quotes and brackets. */
export const OWN_TAG = new RegExp(`<(/?)(${OWN_TAGS})((?:\\s+(?:${OWN_ATTRS})="[^"<>]*")*)\\s*>`, 'g');

/** Removes the renderer's tags; <br> becomes a line break, the others a space. */
export const stripOwnMarkup = (html: string): string =>
  html.replace(OWN_TAG, (_m, _close: string, tag: string) => (tag === 'br' ? '\n' : ' '));

/** Decodes exactly the entities escape-html produces. */
export const decodeEntities = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// eslint-disable-next-line no-control-regex -- mirrors the renderer dropping invisible controls
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** What a reader sees of a string: invisible controls gone, whitespace runs as one space. */
export const visible = (s: string): string => s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

/** Every href the renderer wrote, decoded. */
export const hrefs = (html: string): string[] => [...html.matchAll(/ href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));

/** Asserts `html` is inert and shows each of `inputs`; returns the decoded visible text. */
export const expectInert = (html: string, inputs: readonly string[]): string => {
  expect(html.startsWith('<div ')).toBe(true);
  expect(html.endsWith('</div>')).toBe(true);
  const rest = stripOwnMarkup(html);
  expect(rest).not.toMatch(/[<>"]/);
  // Every & left must start one of escape-html's entities.
  expect(rest.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  const text = visible(decodeEntities(rest));
  for (const input of inputs) expect(text).toContain(visible(input));
  return text;
};

/** Strings that have broken HTML renderers before, plus random ones of every kind. */
export const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(1)">clic</a>',
  '&amp; &lt;b&gt; & && &#39;',
  '</div></li></ul><h2 style="color:red">',
  '<!-- x --> <![CDATA[ y ]]>',
  '👩🏽‍💻 Zoë 🇫🇷 café',
  'ليلى بن علي',
  'שלום "עולם" <b>',
  '\u202Egnp.exe\u202C',
  'a\u0000b\u0007c\r\nd\u2028e',
  '   ',
  '',
];

export const userString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.oneof(fc.constantFrom(...NASTY, '<', '>', '"', "'", '&', '\n'), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((xs) => xs.join('')),
  );
