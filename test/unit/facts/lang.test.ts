import { langFromLocale } from '../../../src/domain/lang';

// One rule for every place a locale comes from: Teams' context, Outlook's display language, the
// mailbox's settings (reminder labels, exports), `?locale=` and the browser.
test('a French locale, in any spelling, is French', () => {
  for (const locale of ['fr', 'fr-FR', 'fr-CA', 'FR-be', 'fr_CH']) expect(langFromLocale(locale)).toBe('fr');
});

test('everything else, or no locale at all, is English', () => {
  for (const locale of ['en-US', 'en-GB', 'de-DE', 'french', 'f', '', null, undefined]) expect(langFromLocale(locale)).toBe('en');
});
