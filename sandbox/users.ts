// Directory routes: /me, /users, /users/{id|upn}, /me/directReports, /me/manager and profile photos.
import type { GraphResponse, Json, JsonObject } from './core';
import { GraphError, json } from './core';
import type { RouteCtx } from './items';
import { contextUrl, selectSuffix } from './items';
import type { EntitySchema } from './odata';
import { applySelect, compileFilter, getPath, page, parseOrderBy, parseSelect, sortBy } from './odata';
import { BASIC_PROFILE, has, readsFullProfiles, scopesOf } from './permissions';
import type { UserRecord } from './store';

const DEFAULT_PROPS = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const ALL_PROPS = [...DEFAULT_PROPS, 'department', 'employeeLeaveDateTime', 'accountEnabled', 'companyName', 'usageLocation', 'mailNickname', 'userType', 'mailboxSettings', 'manager', 'directReports'];

export const USER_SCHEMA: EntitySchema = {
  typeName: 'Microsoft.DirectoryServices.User',
  unknownPropertyCode: 'Request_BadRequest',
  properties: ALL_PROPS,
};

function fullUser(u: UserRecord): Record<string, unknown> {
  return {
    id: u.id,
    businessPhones: u.businessPhones,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    department: u.department,
    employeeLeaveDateTime: u.employeeLeaveDateTime,
    accountEnabled: true,
    companyName: 'Contoso',
    usageLocation: u.preferredLanguage.endsWith('FR') ? 'FR' : 'US',
    mailNickname: u.userPrincipalName.split('@')[0],
    userType: 'Member',
  };
}

/** Whether this caller may read leave dates: the scope and an admin-like role, both (see renderUser). */
function readsLeaveDates(ctx: RouteCtx): boolean {
  return ctx.caller.canReadLeaveDates && has(scopesOf(ctx.req), 'User-LifeCycleInfo.Read.All');
}

/**
 * Renders a user as Graph would for this caller: default set, or $select. What the caller's permissions do
 * not reach comes back null, not absent (permissions.ts, BASIC_PROFILE):
 * - another user's properties outside the basic profile, unless the token reads full profiles;
 * - employeeLeaveDateTime, unless the token has User-LifeCycleInfo.Read.All and the user an admin-like role
 *   ("To read this property, the calling app must be assigned the User-LifeCycleInfo.Read.All permission ...
 *   in delegated scenarios, the admin needs ... Lifecycle Workflows Administrator, Global Reader": user
 *   resource, https://learn.microsoft.com/graph/api/resources/user). CHOICE: the page does not say whether
 *   a caller without them gets null, no property or a 403 on $select; a field report describes it coming
 *   back empty, not denied, so null, as for the basic profile.
 */
export function renderUser(ctx: RouteCtx, u: UserRecord, select: string[] | null): Record<string, unknown> {
  const full = fullUser(u);
  if (u.id !== ctx.caller.id && !readsFullProfiles(scopesOf(ctx.req))) {
    for (const k of Object.keys(full)) {
      // Leave dates have their own rule, below.
      if (!BASIC_PROFILE.includes(k) && k !== 'employeeLeaveDateTime') full[k] = k === 'businessPhones' ? [] : null;
    }
  }
  if (!readsLeaveDates(ctx)) full.employeeLeaveDateTime = null;
  if (select === null) return applySelect(full, DEFAULT_PROPS);
  for (const s of select) {
    if (!ALL_PROPS.some((p) => p.toLowerCase() === s.toLowerCase())) {
      throw new GraphError(400, 'Request_BadRequest', `Could not find a property named '${s}' on type 'Microsoft.DirectoryServices.User'.`);
    }
  }
  const out = applySelect(full, select, []);
  if (!select.some((s) => s.toLowerCase() === 'id')) delete out.id;
  return out;
}

export function getUser(ctx: RouteCtx): GraphResponse {
  const select = parseSelect(ctx.req.query);
  const body = renderUser(ctx, ctx.target, select);
  const context = contextUrl(ctx, `users${selectSuffix(ctx.req.query)}/$entity`);
  return json(200, { '@odata.context': context, ...body } as Json);
}

export function resolveUser(ctx: Pick<RouteCtx, 'store'>, idOrUpn: string): UserRecord {
  const u = ctx.store.user(idOrUpn);
  if (!u) {
    throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return u;
}

/**
 * $search on users: quoted clauses "property:term" (or "term" for displayName) joined by AND / OR (AND binds
 * tighter; juxtaposition is AND), with backslash escapes inside quotes. A clause matches when a word of the
 * property starts with the term (Azure AD's tokenised search), ignoring case and accents.
 */
export function parseSearch(src: string): Array<Array<{ prop: string; term: string }>> {
  const tokens: Array<{ kind: 'clause'; text: string } | { kind: 'op'; op: 'AND' | 'OR' }> = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let text = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) i++;
        text += src[i];
        i++;
      }
      if (i >= src.length) throw new GraphError(400, 'Request_UnsupportedQuery', `Syntax error: unterminated quote in $search '${src}'.`);
      i++;
      tokens.push({ kind: 'clause', text });
      continue;
    }
    const word = /^[^\s"]+/.exec(src.slice(i))![0];
    i += word.length;
    if (word === 'AND' || word === 'OR') tokens.push({ kind: 'op', op: word });
    else tokens.push({ kind: 'clause', text: word });
  }
  const groups: Array<Array<{ prop: string; term: string }>> = [[]];
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (t.op === 'OR') groups.push([]);
      continue;
    }
    const m = /^(\w+):(.*)$/s.exec(t.text);
    groups[groups.length - 1]!.push({ prop: m ? m[1]! : 'displayName', term: (m ? m[2]! : t.text).trim() });
  }
  return groups.filter((g) => g.length > 0);
}

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function searchMatches(u: UserRecord, groups: Array<Array<{ prop: string; term: string }>>): boolean {
  return groups.some((g) =>
    g.every(({ prop, term }) => {
      const value = fold(String(getPath(fullUser(u), [prop]) ?? ''));
      const t = fold(term);
      return value.startsWith(t) || value.split(/[\s.@_'’-]+/).some((w) => w.startsWith(t));
    }),
  );
}

function eventual(ctx: RouteCtx): boolean {
  return (ctx.req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
}

function listUsers(ctx: RouteCtx, users: UserRecord[], contextPath: string, odataType: boolean): GraphResponse {
  const q = ctx.req.query;
  const search = q.get('$search');
  if (search !== null && !eventual(ctx)) {
    throw new GraphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  if (q.get('$count') === 'true' && !eventual(ctx)) {
    throw new GraphError(400, 'Request_BadRequest', "$count is not currently supported without the 'ConsistencyLevel: eventual' header.");
  }
  const filterSrc = q.get('$filter');
  // $filter on employeeLeaveDateTime (checked after the permission below: a caller who may not read the
  // property is refused first). The user resource says it "Supports $filter (eq, ne, not, ge, le, in)"
  // (https://learn.microsoft.com/en-us/graph/api/resources/user?view=graph-rest-1.0). Whether that is a
  // default or an advanced query, the table of "Advanced query capabilities on Microsoft Entra ID objects"
  // (https://learn.microsoft.com/en-us/graph/aad-advanced-queries, user properties) does not say: it has no
  // row for employeeLeaveDateTime (and lists employeeHireDate twice). CHOICE: the harsher reading, as its
  // sibling employeeHireDate (every operator "Advanced"): without ConsistencyLevel: eventual AND $count=true
  // the filter is refused with 400 Request_UnsupportedQuery, the answer maintainers describe for another
  // property filtered without them (employeeType: "Add the $count query parameter and the ConsistencyLevel
  // header with the value of eventual", https://github.com/microsoftgraph/microsoft-graph-docs/issues/12591).
  // The advanced-queries page: "the requestor must set the ConsistencyLevel header to eventual and, except
  // for $search, use the $count query parameter".
  // CHOICE: filtering on a property the caller may not read is refused (403) rather than matching nothing.
  if (filterSrc !== null && /employeeLeaveDateTime/i.test(filterSrc) && !readsLeaveDates(ctx)) {
    throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  if (filterSrc !== null && /employeeLeaveDateTime/i.test(filterSrc) && !(eventual(ctx) && q.get('$count') === 'true')) {
    throw new GraphError(400, 'Request_UnsupportedQuery', "Unsupported or invalid query filter clause specified for property 'employeeLeaveDateTime' of resource 'User'.");
  }
  const filter = compileFilter(filterSrc, USER_SCHEMA);
  const select = parseSelect(q);
  let items = users;
  if (filter) items = items.filter((u) => filter((segs) => getPath(fullUser(u), segs)));
  if (search !== null) {
    const groups = parseSearch(search);
    items = items.filter((u) => searchMatches(u, groups));
  }
  const order = parseOrderBy(q);
  items = sortBy(items, order.length > 0 ? order : [], (u, segs) => getPath(fullUser(u), segs));
  const p = page(items, q, { defaultTop: 100, maxTop: 999, selfUrl: `${ctx.graphUrl}${ctx.req.path}`, style: 'skiptoken' });
  const body: JsonObject = { '@odata.context': contextUrl(ctx, contextPath + selectSuffix(q)) };
  if (q.get('$count') === 'true') body['@odata.count'] = items.length;
  body.value = p.items.map((u) => (odataType ? { '@odata.type': '#microsoft.graph.user', ...renderUser(ctx, u, select) } : renderUser(ctx, u, select))) as Json;
  if (p.nextLink) body['@odata.nextLink'] = p.nextLink;
  return json(200, body);
}

export function listAllUsers(ctx: RouteCtx): GraphResponse {
  return listUsers(ctx, ctx.store.state.users, 'users', false);
}

export function countUsers(ctx: RouteCtx): GraphResponse {
  if (!eventual(ctx)) {
    throw new GraphError(400, 'Request_BadRequest', "Count is not currently supported without the 'ConsistencyLevel: eventual' header.");
  }
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from(String(ctx.store.state.users.length)) };
}

export function directReports(ctx: RouteCtx): GraphResponse {
  const reports = ctx.store.state.users.filter((u) => u.managerId === ctx.target.id);
  return listUsers(ctx, reports, 'directoryObjects', true);
}

export function manager(ctx: RouteCtx): GraphResponse {
  const m = ctx.target.managerId ? ctx.store.user(ctx.target.managerId) : undefined;
  if (!m) throw new GraphError(404, 'Request_ResourceNotFound', `Resource 'manager' does not exist or one of its queried reference-property objects are not present.`);
  return json(200, { '@odata.context': contextUrl(ctx, 'directoryObjects/$entity'), '@odata.type': '#microsoft.graph.user', ...renderUser(ctx, m, parseSelect(ctx.req.query)) } as Json);
}

function imageNotFound(): GraphError {
  return new GraphError(404, 'ImageNotFound', "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
}

export function photoValue(ctx: RouteCtx): GraphResponse {
  if (ctx.target.photo === null) throw imageNotFound();
  return { status: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from(ctx.target.photo, 'base64') };
}

export function photoMeta(ctx: RouteCtx): GraphResponse {
  if (ctx.target.photo === null) throw imageNotFound();
  return json(200, {
    '@odata.context': contextUrl(ctx, `users('${ctx.target.id}')/photo/$entity`),
    '@odata.mediaContentType': 'image/png',
    '@odata.mediaEtag': `W/"${ctx.target.photo.length.toString(16)}"`,
    id: '96X96',
    height: 96,
    width: 96,
  });
}

