// Mail messages, read only: what "mail exchanged with an alumnus counts as contact" needs, held to what
// Mail.ReadBasic allows. Routes: GET /me/messages, /me/messages/{id}, /me/mailFolders/{folder}/messages
// (folder: a well-known name, inbox, sentitems, drafts, deleteditems).
//
// Sources:
// - List messages (https://learn.microsoft.com/graph/api/user-list-messages): least privileged delegated
//   permission Mail.ReadBasic (then Mail.ReadWrite, Mail.Read); the signed-in user's messages "including the
//   Deleted Items and Clutter folders"; "The default page size is 10 messages. Use $top to customize the page
//   size, within the range of 1 and 1000"; paging by @odata.nextLink. Same table for mailFolder's messages
//   (https://learn.microsoft.com/graph/api/mailfolder-list-messages).
// - Mail.ReadBasic reads mail "except for body, bodyPreview, uniqueBody, attachments, extensions, and any
//   extended properties. Does not include permissions to search messages" (permissions reference, quoted in
//   https://learn.microsoft.com/answers/questions/283657, whose accepted answer shows $filter working with it).
//   CHOICE: what Graph answers to $search under Mail.ReadBasic only is not documented; the harsher reading is
//   the 403 of a missing permission (permissions.ts, denied('outlook')). Asked for with $select, the
//   withheld properties are left out of the answer (never an empty body that looks like a real one).
// - $filter on a recipient collection, `toRecipients/any(r: r/emailAddress/address eq '...')`, is refused with
//   400 ErrorInvalidUrlQueryFilter "The query filter contains one or more invalid nodes."
//   (microsoftgraph/microsoft-graph-explorer-v4#3957, reproduced by the maintainers); `from/emailAddress/address
//   eq 'a' or ...` works (https://learn.microsoft.com/answers/questions/1299368, a Microsoft engineer's answer).
import type { GraphResponse, Json, JsonObject } from './core';
import { GraphError, json, notFound } from './core';
import type { RouteCtx } from './items';
import { contextUrl, etag, selectSuffix, userSeg } from './items';
import type { EntitySchema, Node } from './odata';
import { applySelect, evaluate, getPath, page, parseFilter, parseOrderBy, parseSelect, sortBy, validateFilter } from './odata';
import { denied, has, scopesOf } from './permissions';
import type { StoredMessage } from './store';

const FOLDERS = new Set(['inbox', 'sentitems', 'drafts', 'deleteditems']);

export const MESSAGE_SCHEMA: EntitySchema = {
  typeName: 'microsoft.graph.message',
  unknownPropertyCode: 'RequestBroker--ParseUri',
  properties: [
    'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime',
    'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId',
    'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink', 'inferenceClassification',
    'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag', 'uniqueBody',
  ],
};

/** What Mail.ReadBasic withholds (permissions reference). */
const NOT_BASIC = ['body', 'bodyPreview', 'uniqueBody', 'attachments', 'extensions', 'singleValueExtendedProperties', 'multiValueExtendedProperties'];
const RECIPIENT_COLLECTIONS = new Set(['torecipients', 'ccrecipients', 'bccrecipients', 'replyto']);

const invalidNodes = (): GraphError => new GraphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');

/** Lambdas over a recipient collection: Exchange refuses them (see the header). */
const refuseRecipientLambdas = (n: Node): void => {
  switch (n.kind) {
    case 'lambda':
      if (RECIPIENT_COLLECTIONS.has((n.collection[0] ?? '').toLowerCase())) throw invalidNodes();
      if (n.body) refuseRecipientLambdas(n.body);
      return;
    case 'cmp':
    case 'and':
    case 'or':
      refuseRecipientLambdas(n.left);
      refuseRecipientLambdas(n.right);
      return;
    case 'not':
      refuseRecipientLambdas(n.expr);
      return;
    case 'call':
      n.args.forEach(refuseRecipientLambdas);
      return;
    default:
      return;
  }
};

const messagesOf = (ctx: RouteCtx): StoredMessage[] => {
  // Another user's mailbox needs Mail.Read.Shared and a delegation the demo tenant does not give.
  if (ctx.target.id !== ctx.caller.id) throw denied('outlook');
  return ctx.store.mailbox(ctx.target.id).messages ?? [];
};

const render = (m: StoredMessage): Record<string, unknown> => ({
  '@odata.etag': etag(m.changeKey),
  id: m.id,
  createdDateTime: m.createdDateTime,
  lastModifiedDateTime: m.lastModifiedDateTime,
  changeKey: m.changeKey,
  parentFolderId: m.folder,
  categories: [],
  isDraft: m.folder === 'drafts',
  ...m.data,
});

/** Whether the token reads full messages (Mail.Read or Mail.ReadWrite), not only Mail.ReadBasic. */
const readsFull = (ctx: RouteCtx): boolean => has(scopesOf(ctx.req), 'Mail.Read', 'Mail.ReadWrite');

const output = (ctx: RouteCtx, m: StoredMessage, select: string[] | null): Record<string, unknown> => {
  const r = render(m);
  if (!readsFull(ctx)) for (const k of NOT_BASIC) delete r[k];
  return applySelect(r, select === null ? null : select.filter((s) => readsFull(ctx) || !NOT_BASIC.includes(s)));
};

/** A `"property:value"` KQL term or free text, on subject and the participants (Mail.Read and up only). */
const searchMatch = (term: string, m: StoredMessage): boolean => {
  const t = term.replace(/^"|"$/g, '').trim().toLowerCase();
  const r = render(m) as { subject?: string; from?: { emailAddress?: { address?: string } }; toRecipients?: Array<{ emailAddress?: { address?: string } }>; ccRecipients?: Array<{ emailAddress?: { address?: string } }> };
  const from = (r.from?.emailAddress?.address ?? '').toLowerCase();
  const to = [...(r.toRecipients ?? []), ...(r.ccRecipients ?? [])].map((x) => (x.emailAddress?.address ?? '').toLowerCase());
  const kv = /^(participants|from|to|subject):(.*)$/.exec(t);
  if (!kv) return (r.subject ?? '').toLowerCase().includes(t);
  const [, key, value] = kv as unknown as [string, string, string];
  if (key === 'from') return from === value;
  if (key === 'to') return to.includes(value);
  if (key === 'subject') return (r.subject ?? '').toLowerCase().includes(value);
  return from === value || to.includes(value);
};

export function listMessages(ctx: RouteCtx, folder?: string): GraphResponse {
  const q = ctx.req.query;
  let items = messagesOf(ctx);
  if (folder !== undefined) {
    const f = folder.toLowerCase();
    if (!FOLDERS.has(f)) throw notFound();
    items = items.filter((m) => m.folder === f);
  }
  const search = q.get('$search');
  if (search !== null) {
    if (!readsFull(ctx)) throw denied('outlook');
    items = items.filter((m) => searchMatch(search, m));
  }
  const src = q.get('$filter');
  if (src !== null && src.trim() !== '') {
    const ast = parseFilter(src);
    refuseRecipientLambdas(ast);
    validateFilter(ast, MESSAGE_SCHEMA);
    items = items.filter((m) => evaluate(ast, (segs) => getPath(render(m), segs)) === true);
  }
  const order = parseOrderBy(q);
  // Newest first when no order is asked, as Outlook lists mail.
  items = order.length > 0 ? sortBy(items, order, (m, segs) => getPath(render(m), segs)) : [...items].sort((a, b) => String(b.data.receivedDateTime ?? '').localeCompare(String(a.data.receivedDateTime ?? '')));
  const select = parseSelect(q);
  const p = page(items, q, { defaultTop: 10, maxTop: 1000, selfUrl: `${ctx.graphUrl}${ctx.req.path}`, style: 'skip' });
  const seg = folder === undefined ? 'messages' : `mailFolders('${folder}')/messages`;
  const body: JsonObject = { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/${seg}${selectSuffix(q)}`) };
  body.value = p.items.map((m) => output(ctx, m, select)) as Json;
  if (p.nextLink) body['@odata.nextLink'] = p.nextLink;
  return json(200, body);
}

export function getMessage(ctx: RouteCtx, id: string): GraphResponse {
  const m = messagesOf(ctx).find((x) => x.id === id);
  if (!m) throw notFound();
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/messages${selectSuffix(ctx.req.query)}/$entity`), ...output(ctx, m, parseSelect(ctx.req.query)) } as Json);
}
