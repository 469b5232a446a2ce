import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/mobile';

/**
 * A stored number (E.164, as the plan's validation keeps it) as its reader writes it: in the national format
 * when the number belongs to the reader's region ("06 12 34 56 78" for a French reader), in the international
 * one otherwise ("+33 6 12 34 56 78" for a British one). Unparseable text comes back as it was.
 * libphonenumber-js's `/mobile` metadata, as the validation uses: it loads with the screens that show numbers.
 */
export const formatPhone = (e164: string, readerRegion: string): string => {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === (readerRegion.toUpperCase() as CountryCode) ? phone.formatNational() : phone.formatInternational();
};
