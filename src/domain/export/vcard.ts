import { ICAL, VCARD3_DESIGN, VCARD4_DESIGN } from './design';
import { bytesToBase64 } from './base64';

/**
 * The two vCard versions a person can pick. 3.0 (RFC 2426) is what phones import: iPhone's Contacts,
 * Android's Contacts and Google Contacts read it, and Outlook writes it. 4.0 (RFC 6350) is what CardDAV
 * address books and desktop clients (Nextcloud, Thunderbird, macOS Contacts) prefer.
 */
export type VCardVersion = '3.0' | '4.0';
export const VCARD_VERSIONS: readonly VCardVersion[] = ['3.0', '4.0'];

export interface CardPhoto {
  /** e.g. `image/jpeg`; what Graph's photo/$value answered with. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** One alumnus as a card: the personal details they chose to share, and the manager's notes. */
export interface CardInput {
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly personalEmail?: string;
  /** E.164, as the plan's validation stores it. */
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  /** The contact's notes as they are (the conversation summary and the reconnect log). */
  readonly notes?: string;
  readonly photo?: CardPhoto;
}

/** Who wrote the card (PRODID, RFC 6350 section 6.7.3 / RFC 2426 section 3.6.3). */
export const PRODID = '-//Au revoir//Alumni export//EN';

/** The subtype of an image media type as vCard 3.0's TYPE parameter names it (RFC 2426 section 3.1.4: "JPEG"). */
const imageType = (contentType: string): string => (contentType.split('/')[1] ?? 'jpeg').split(';')[0]!.trim().toUpperCase();

/** Only web links leave as URLs; the URL parser also drops any CR, LF or tab a stored value could hold. */
const webUrl = (raw: string | undefined): string | undefined => {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The alumnus as a vCard of the chosen version, written by ical.js (every value escaped by the library;
 * design.ts says where its rules were adjusted). Properties, by RFC 6350 section 6 / RFC 2426 section 3:
 * FN and N (identification), EMAIL (TYPE home: a personal address), TEL (cell; a `tel:` URI in 4.0 as
 * RFC 6350 section 6.4.1 recommends, plain text in 3.0), URL, ORG, TITLE, NOTE, PHOTO (embedded: 4.0 as a
 * `data:` URI, RFC 6350 section 6.2.4; 3.0 as `ENCODING=b;TYPE=JPEG`, RFC 2426 section 3.1.4), PRODID.
 */
export const writeVCard = (input: CardInput, version: VCardVersion): string => {
  const card = new ICAL.Component('vcard');
  // RFC 6350 section 6.7.9: VERSION comes right after BEGIN (ical.js also picks its design set from it).
  card.addPropertyWithValue('version', version);
  card.addPropertyWithValue('prodid', PRODID);
  card.addPropertyWithValue('fn', input.displayName);
  const n = new ICAL.Property('n', card);
  // family; given; additional; prefixes; suffixes
  n.setValue([input.surname ?? '', input.givenName ?? (input.surname ? '' : input.displayName), '', '', ''] as unknown as string);
  card.addProperty(n);

  if (input.personalEmail) {
    const email = card.addPropertyWithValue('email', input.personalEmail);
    // 3.0 lists INTERNET as the default type and most importers expect it spelled out.
    email.setParameter('type', version === '3.0' ? ['internet', 'home'] : 'home');
  }
  if (input.mobilePhone && E164.test(input.mobilePhone)) {
    if (version === '4.0') {
      const tel = new ICAL.Property('tel', card);
      tel.resetType('uri');
      tel.setValue(`tel:${input.mobilePhone}`);
      tel.setParameter('type', ['cell', 'voice']);
      tel.setParameter('value', 'uri');
      card.addProperty(tel);
    } else {
      const tel = card.addPropertyWithValue('tel', input.mobilePhone);
      tel.setParameter('type', ['cell', 'voice']);
    }
  }
  const url = webUrl(input.profileUrl);
  if (url) {
    const p = new ICAL.Property('url', card);
    p.resetType('uri');
    p.setValue(url);
    card.addProperty(p);
  }
  if (input.company) {
    // ORG is structured (organisation; units): one field, so a ";" in the name stays in the name.
    const org = new ICAL.Property('org', card);
    org.setValue([input.company] as unknown as string);
    card.addProperty(org);
  }
  if (input.jobTitle) card.addPropertyWithValue('title', input.jobTitle);
  if (input.notes && input.notes.trim()) card.addPropertyWithValue('note', input.notes.replace(/\r\n?/g, '\n'));
  if (input.photo && input.photo.bytes.length > 0) {
    const b64 = bytesToBase64(input.photo.bytes);
    const photo = new ICAL.Property('photo', card);
    if (version === '4.0') {
      photo.resetType('uri');
      photo.setValue(`data:${input.photo.contentType.split(';')[0]!.trim()};base64,${b64}`);
    } else {
      photo.resetType('binary');
      photo.setValue(b64);
      photo.setParameter('encoding', 'b');
      photo.setParameter('type', imageType(input.photo.contentType));
    }
    card.addProperty(photo);
  }
  return `${ICAL.stringify.component(card.jCal, version === '4.0' ? VCARD4_DESIGN : VCARD3_DESIGN)}\r\n`;
};
