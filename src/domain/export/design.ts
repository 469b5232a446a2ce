import ICAL from 'ical.js';

/**
 * ical.js writes both formats from its component model and escapes every value it writes. Two of its
 * vCard rules are adjusted here, each to the letter of the vCard RFC a version follows, so that what a
 * person typed never changes meaning on the way out:
 *
 * - vCard 3.0, TEXT: RFC 2426 section 4 (`text-value = *(SAFE-CHAR / ":" / DQUOTE / ESCAPED-CHAR)`,
 *   SAFE-CHAR excluding ";" and ",") makes `\;` as mandatory as `\,`. ical.js 2.2.1 escapes ";" only
 *   inside structured values (N, ADR, ORG), so a note "Lunch; call back" would be written unescaped.
 * - vCard 4.0, URI: ical.js 2.2.1 escapes URI values like TEXT (kewisch/ical.js#287: the maintainer called it
 *   a bug, a contributor read RFC 6350 section 3.4 as asking for it). A `data:` URL then reads
 *   `data:image/jpeg;base64\,...`, which address books fail to decode (sabre-io/vobject#382: "the image
 *   cannot be parsed in the addressbook clients"; nextcloud/contacts#4189). CHOICE: URI values (PHOTO's
 *   data URL, TEL's tel: URI, URL) are written as RFC 3986 URIs, unescaped, as sabre/vobject does since
 *   sabre-io/vobject#266. The URIs written here never hold a CR or LF: the data URL is base64, the tel:
 *   URI is E.164 and the profile URL goes through the URL parser first, which drops them.
 *
 * Everything else (line folding at 75 octets on UTF-8 boundaries, CRLF, parameter quoting, structured
 * values) is the library's.
 */
type DesignSet = (typeof ICAL.design)['vcard'];

const withValues = (base: DesignSet, values: Record<string, unknown>): DesignSet =>
  ({ ...base, value: { ...base.value, ...values } }) as DesignSet;

interface ValueType {
  toICAL?: (value: string, structuredValue?: string | boolean) => string;
}

const vcard3Text = (ICAL.design.vcard3.value as Record<string, ValueType>)['text'];

export const VCARD3_DESIGN: DesignSet = withValues(ICAL.design.vcard3, {
  text: {
    ...vcard3Text,
    toICAL: (value: string, structured?: string | boolean): string => {
      const escaped = vcard3Text?.toICAL ? vcard3Text.toICAL(value, structured) : value;
      // In a structured value ical.js escapes ";" itself; elsewhere it leaves it, and RFC 2426 does not.
      return structured ? escaped : escaped.replace(/;/g, '\\;');
    },
  },
});

export const VCARD4_DESIGN: DesignSet = withValues(ICAL.design.vcard, { uri: {} });

export { ICAL };
