// Mail under Mail.ReadBasic: what "mail exchanged with an alumnus counts as contact" leans on
// (src/graph/real-contact.ts, sandbox/messages.ts).
import { eq, errorEnvelope, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';

const CLAIRE = 'claire.martin@contoso.example';
const onlyScopes = (ctx: Ctx, scopes: string[]): Promise<string> => ctx.sandbox!.token(CLAIRE, { scopes, exactScopes: true });
const WHY = 'needs a token carrying exactly the listed scopes (the sandbox mints one on demand)';
const SINCE = '2000-01-01T00:00:00Z';
/** The run's token carries the app's sign-in scopes; mail needs Mail.ReadBasic (asked later by the app). */
const mailToken = async (ctx: Ctx): Promise<{ token?: string }> => (ctx.sandbox ? { token: await ctx.sandbox.token(CLAIRE, { scopes: ['User.Read', 'Mail.ReadBasic'] }) } : {});

export const mailCases: Case[] = [
  {
    id: 'mail.list-needs-a-mail-permission',
    title: 'Listing messages without a Mail permission is refused with 403; Mail.ReadBasic is enough',
    source: { url: SRC.listMessages, says: 'List messages: least privileged delegated permission Mail.ReadBasic, then Mail.ReadWrite, Mail.Read.' },
    sandboxOnly: WHY,
    async run(ctx) {
      const without = await onlyScopes(ctx, ['User.Read', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.ReadWrite']);
      const res = await ctx.call('GET', '/me/messages?$select=subject', { token: without });
      status(res, 403, 'GET messages with the sign-in scopes only');
      eq(errorEnvelope(res, 'error').code, 'ErrorAccessDenied', 'error code');
      const basic = await onlyScopes(ctx, ['User.Read', 'Mail.ReadBasic']);
      status(await ctx.call('GET', '/me/messages?$select=subject', { token: basic }), 200, 'GET messages with Mail.ReadBasic');
      status(await ctx.call('GET', '/me/mailFolders/sentitems/messages?$select=subject', { token: basic }), 200, 'GET Sent Items with Mail.ReadBasic');
    },
  },
  {
    id: 'mail.readbasic-withholds-body-and-search',
    title: 'Under Mail.ReadBasic a message comes without body or bodyPreview, and $search is refused',
    source: { url: SRC.mailReadBasic, says: 'Mail.ReadBasic reads mail except body, bodyPreview, uniqueBody, attachments, extensions and extended properties, and does not include permission to search messages (CHOICE: 403, the harsher reading).' },
    sandboxOnly: WHY,
    async run(ctx) {
      const basic = await onlyScopes(ctx, ['User.Read', 'Mail.ReadBasic']);
      const res = await ctx.call('GET', '/me/messages?$select=subject,from,body,bodyPreview&$top=5', { token: basic });
      status(res, 200, 'GET messages with $select=body under Mail.ReadBasic');
      const value = res.body.value as Array<Record<string, unknown>>;
      ok(value.length > 0, 'the seeded demo mail is listed');
      for (const m of value) {
        ok(typeof m.subject === 'string', 'subject is readable');
        ok(!('body' in m) && !('bodyPreview' in m), 'body and bodyPreview are withheld');
      }
      const full = await onlyScopes(ctx, ['User.Read', 'Mail.Read']);
      const withBody = await ctx.call('GET', '/me/messages?$select=subject,body&$top=1', { token: full });
      ok(typeof withBody.body.value?.[0]?.body?.content === 'string', 'Mail.Read reads the body');
      status(await ctx.call('GET', `/me/messages?$search=${encodeURIComponent('"participants:marc.lefebvre@fabrikam.example"')}`, { token: basic }), 403, '$search under Mail.ReadBasic');
      status(await ctx.call('GET', `/me/messages?$search=${encodeURIComponent('"participants:marc.lefebvre@fabrikam.example"')}`, { token: full }), 200, '$search under Mail.Read');
    },
  },
  {
    id: 'mail.filter-by-sender-works',
    title: '$filter on from/emailAddress/address (several joined with or) and receivedDateTime is accepted',
    source: { url: SRC.filterFrom, says: "A Microsoft engineer: filter with from/emailAddress/address eq '...' or from/emailAddress/address eq '...'; 'in' is not accepted." },
    async run(ctx) {
      const filter = `receivedDateTime ge ${SINCE} and (from/emailAddress/address eq 'marc.lefebvre@fabrikam.example' or from/emailAddress/address eq 'nobody@example.org')`;
      const res = await ctx.call('GET', `/me/messages?$filter=${encodeURIComponent(filter)}&$select=subject,from,receivedDateTime`, await mailToken(ctx));
      status(res, 200, 'GET messages filtered by sender');
      if (ctx.sandbox) ok((res.body.value as unknown[]).length > 0, 'the seeded mail from Marc is found');
      for (const m of res.body.value as Array<{ from?: { emailAddress?: { address?: string } } }>) {
        ok(['marc.lefebvre@fabrikam.example', 'nobody@example.org'].includes((m.from?.emailAddress?.address ?? '').toLowerCase()), 'only the asked senders');
      }
    },
  },
  {
    id: 'mail.filter-on-recipients-refused',
    title: '$filter with toRecipients/any(...) is refused with 400 ErrorInvalidUrlQueryFilter',
    source: { url: SRC.filterToRecipients, says: 'me/messages?$filter=toRecipients/any(i:i/emailAddress/address eq ...) gives ErrorInvalidUrlQueryFilter "The query filter contains one or more invalid nodes." (reproduced by the maintainers).' },
    async run(ctx) {
      const filter = "toRecipients/any(r:r/emailAddress/address eq 'marc.lefebvre@fabrikam.example')";
      const res = await ctx.call('GET', `/me/messages?$filter=${encodeURIComponent(filter)}`, await mailToken(ctx));
      status(res, 400, 'GET messages filtered on toRecipients');
      eq(errorEnvelope(res, 'error').code, 'ErrorInvalidUrlQueryFilter', 'error code');
    },
  },
];
