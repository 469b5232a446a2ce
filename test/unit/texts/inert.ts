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

/**
 * Asserts `html` is inert and shows each of `inputs`; returns the decoded visible text. One expect
 * per call (jest's expect() is costly, and property tests call this thousands of times); a failure
 * lists every broken rule.
 */
export const expectInert = (html: string, inputs: readonly string[]): string => {
  const broken: string[] = [];
  if (!html.startsWith('<div ')) broken.push("does not start with the renderer's <div>");
  if (!html.endsWith('</div>')) broken.push('does not end with </div>');
  const rest = stripOwnMarkup(html);
  const stray = /[<>"]/.exec(rest);
  if (stray) broken.push(`${stray[0]} left outside the renderer's tags: …${rest.slice(Math.max(0, stray.index - 20), stray.index + 20)}…`);
  // Every & left must start one of escape-html's entities.
  if (rest.replace(/&(?:amp|lt|gt|quot|#39);/g, '').includes('&')) broken.push('an & that starts no escape-html entity');
  const text = visible(decodeEntities(rest));
  for (const input of inputs) if (!text.includes(visible(input))) broken.push(`does not show ${JSON.stringify(input)}`);
  expect(broken.length === 0 ? [] : [...broken, `in ${html}`]).toEqual([]);
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

/**
 * One code point, exactly as fast-check's `unit: 'binary'` draws it (index i is U+i below the surrogates,
 * U+(i + 0x800) above them: the same values for the same seed), with an unmapper that computes the
 * index instead of looking it up. fast-check's own unit is a `mapToConstant` whose unmapper builds a
 * 1.1-million-entry reverse Map the first time `fc.string` probes it (for its "dangerous strings"
 * slices): 1.4-2.3 s of every test file that used it, profiled with `node --cpu-prof` (safeMapSet).
 */
const SURROGATES = 0xe000 - 0xd800;
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (value) => {
    const cp = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (cp === undefined || String.fromCodePoint(cp) !== value || (cp >= 0xd800 && cp < 0xe000)) throw new Error('not one code point');
    return cp < 0xd800 ? cp : cp - SURROGATES;
  },
);

/** Built once per file: an arbitrary is immutable, and building it is what costs. */
const USER_STRING: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: binaryUnit, maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY, '<', '>', '"', "'", '&', '\n'), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((xs) => xs.join('')),
);
export const userString = (): fc.Arbitrary<string> => USER_STRING;
