// Delegated permissions: what a token without the right scope gets. The app asks for the fewest scopes, so
// the sandbox must refuse what those scopes do not cover, as Graph does.
import { errorEnvelope, ok, status } from '../check';
import { SRC } from '../sources';
import type { Case, Ctx } from '../types';

const CLAIRE = 'claire.martin@contoso.example';
const onlyScopes = (ctx: Ctx, scopes: string[]): Promise<string> => ctx.sandbox!.token(CLAIRE, { scopes, exactScopes: true });
const WHY = 'needs a token carrying exactly the listed scopes (the sandbox mints one on demand)';

export const permissionCases: Case[] = [
  {
    id: 'permissions.calendarView-needs-calendars',
    title: 'Without a Calendars permission, calendarView is refused with 403',
    source: { url: SRC.calendarView, says: 'List calendarView needs Calendars.ReadBasic (least privileged) or Calendars.Read/ReadWrite; 403: the user might not have enough permission (errors page).' },
    sandboxOnly: WHY,
    async run(ctx) {
      const token = await onlyScopes(ctx, ['User.Read']);
      const from = ctx.day(0);
      const res = await ctx.call('GET', `/me/calendarView?startDateTime=${from}T00:00:00Z&endDateTime=${from}T23:00:00Z`, { token });
      status(res, 403, 'GET calendarView with only User.Read');
      errorEnvelope(res, 'error');
      const allowed = await onlyScopes(ctx, ['User.Read', 'Calendars.ReadWrite']);
      status(await ctx.call('GET', `/me/calendarView?startDateTime=${from}T00:00:00Z&endDateTime=${from}T23:00:00Z`, { token: allowed }), 200, 'GET calendarView with Calendars.ReadWrite');
    },
  },
  {
    id: 'permissions.contact-photo-needs-contacts-readwrite',
    title: 'Without Contacts.ReadWrite, a contact photo PUT is refused with 403',
    source: { url: SRC.photoUpdate, says: 'Updating the photo of a contact needs Contacts.ReadWrite.' },
    sandboxOnly: WHY,
    async run(ctx) {
      const c = await ctx.createContact({ givenName: 'Scope', surname: 'Check' });
      status(c, 201, 'POST contact (full token)');
      const token = await onlyScopes(ctx, ['User.Read', 'Contacts.Read']);
      const res = await ctx.call('PUT', `/me/contacts/${encodeURIComponent(c.body.id)}/photo/$value`, { token, raw: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), headers: { 'Content-Type': 'image/jpeg' } });
      status(res, 403, 'PUT photo with Contacts.Read only');
    },
  },
  {
    id: 'permissions.category-needs-mailboxsettings-readwrite',
    title: 'Without MailboxSettings.ReadWrite, creating a master category is refused with 403',
    source: { url: SRC.createCategory, says: 'Create Outlook category needs MailboxSettings.ReadWrite (delegated).' },
    sandboxOnly: WHY,
    async run(ctx) {
      const token = await onlyScopes(ctx, ['User.Read', 'Calendars.ReadWrite', 'Contacts.ReadWrite']);
      const res = await ctx.call('POST', '/me/outlook/masterCategories', { token, body: { displayName: ctx.tag.subject('scope'), color: 'preset4' } });
      if (res.status === 201 && typeof res.body?.id === 'string') ctx.deleteAfter(`/me/outlook/masterCategories/${encodeURIComponent(res.body.id)}`);
      status(res, 403, 'POST masterCategories without MailboxSettings.ReadWrite');
      ok(res.body?.error, 'no error envelope');
    },
  },
];
