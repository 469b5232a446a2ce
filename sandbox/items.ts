// What events and contacts share: the route context, extended properties, open extensions, $expand, and the
// error Graph gives for properties a type does not have.
import type { GraphRequest, Json, JsonObject } from './core';
import { GraphError, isObject, badRequest } from './core';
import { ExtendedPropertyId, compileFilter, parseExpand } from './odata';
import type { ExtProp, Store, UserRecord } from './store';

export interface RouteCtx {
  store: Store;
  now: () => Date;
  graphUrl: string;
  req: GraphRequest;
  caller: UserRecord;
  /** The mailbox/user the route addresses (/me → caller). */
  target: UserRecord;
  /** Zone asked with Prefer: outlook.timezone (as written), or undefined. */
  preferZone: string | undefined;
  /** Set by handlers that honoured the Prefer zone, so the server can send Preference-Applied. */
  preferenceApplied: string[];
}

export const OPEN_EXT_PREFIX = 'Microsoft.OutlookServices.OpenTypeExtension.';

/** Graph's 400 when a request body names a property the type does not have. */
export function unknownBodyProperty(name: string, typeName: string): GraphError {
  return new GraphError(
    400,
    'RequestBodyRead',
    `The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
}

export function checkBodyProperties(body: Record<string, unknown>, allowed: readonly string[], typeName: string): void {
  const known = new Set(allowed.map((a) => a.toLowerCase()));
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (!known.has(key.toLowerCase())) throw unknownBodyProperty(key, typeName);
  }
}

export function requireObjectBody(req: GraphRequest): Record<string, unknown> {
  if (!isObject(req.body)) throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  return req.body;
}

/** Extended property ids look like "String {guid} Name X"; Graph matches them case-insensitively. */
export function upsertExtProps(current: ExtProp[], incoming: unknown): ExtProp[] {
  if (incoming === undefined || incoming === null) return current;
  if (!Array.isArray(incoming)) throw badRequest("Invalid value for 'singleValueExtendedProperties'.", 'RequestBodyRead');
  const out = [...current];
  for (const p of incoming) {
    if (!isObject(p) || typeof p.id !== 'string' || (typeof p.value !== 'string' && p.value !== null)) {
      throw badRequest('Each singleValueExtendedProperty needs a string id and value.', 'RequestBodyRead');
    }
    if (!/^(String|Integer|Boolean|SystemTime|Binary|Double|Guid|Long|Short|Float|Currency|ApplicationTime|CLSID|Null|Object)\s+(\{[0-9a-f-]{36}\}\s+(Name|Id)\s+\S.*|0x[0-9a-f]{1,4})$/i.test(p.id)) {
      throw new GraphError(400, 'ErrorInvalidExtendedPropertyValue', `The extended property id '${p.id}' is not valid.`);
    }
    const i = out.findIndex((x) => x.id.toLowerCase() === (p.id as string).toLowerCase());
    if (p.value === null) {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = { id: out[i]!.id, value: p.value as string };
    else out.push({ id: p.id, value: p.value as string });
  }
  return out;
}

/** Extended properties as a $filter lambda sees them (`ep/id` compares its Name case-sensitively). */
export function filterableExtProps(props: readonly ExtProp[]): Array<{ id: ExtendedPropertyId; value: string }> {
  return props.map((p) => ({ id: new ExtendedPropertyId(p.id), value: p.value }));
}

export function makeExtension(raw: unknown): JsonObject {
  if (!isObject(raw) || typeof raw.extensionName !== 'string' || raw.extensionName === '') {
    throw badRequest('An open extension needs an extensionName.', 'RequestBodyRead');
  }
  const ext: JsonObject = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'id') continue;
    ext[k] = v as Json;
  }
  ext['@odata.type'] = '#microsoft.graph.openTypeExtension';
  ext.id = OPEN_EXT_PREFIX + raw.extensionName;
  return ext;
}

export function matchesExtension(ext: JsonObject, idOrName: string): boolean {
  const key = idOrName.toLowerCase();
  return String(ext.id).toLowerCase() === key || String(ext.extensionName).toLowerCase() === key;
}

export function upsertExtensions(current: JsonObject[], incoming: unknown): JsonObject[] {
  if (incoming === undefined || incoming === null) return current;
  if (!Array.isArray(incoming)) throw badRequest("Invalid value for 'extensions'.", 'RequestBodyRead');
  const out = [...current];
  for (const raw of incoming) {
    const ext = makeExtension(raw);
    const i = out.findIndex((e) => matchesExtension(e, String(ext.extensionName)));
    if (i >= 0) out[i] = ext;
    else out.push(ext);
  }
  return out;
}

const EXT_PROP_SCHEMA = { typeName: 'microsoft.graph.singleValueLegacyExtendedProperty', unknownPropertyCode: 'BadRequest', properties: ['id', 'value'] };
const EXTENSION_SCHEMA = { typeName: 'microsoft.graph.extension', unknownPropertyCode: 'BadRequest', properties: ['id', 'extensionName'] };

/** Applies $expand=singleValueExtendedProperties($filter=...) and extensions($filter=...) to a rendered item. */
export function applyExpand(out: Record<string, unknown>, item: { extProps: ExtProp[]; extensions: JsonObject[] }, q: URLSearchParams): void {
  for (const e of parseExpand(q)) {
    const name = e.name.toLowerCase();
    if (name === 'singlevalueextendedproperties') {
      const f = compileFilter(e.filter, EXT_PROP_SCHEMA);
      const hits = item.extProps.filter((p) => f === null || f((segs) => (segs[0]!.toLowerCase() === 'id' ? new ExtendedPropertyId(p.id) : p.value)));
      // Graph leaves the property out when no extended property matched.
      if (hits.length > 0) out.singleValueExtendedProperties = hits.map((p) => ({ id: p.id, value: p.value }));
    } else if (name === 'extensions') {
      const f = compileFilter(e.filter, EXTENSION_SCHEMA);
      // Accept both the full id (Microsoft.OutlookServices.OpenTypeExtension.X) and the bare name, as Graph does.
      const as = (x: JsonObject, id: unknown) => (segs: string[]): unknown => (segs[0]!.toLowerCase() === 'id' ? id : x.extensionName);
      out.extensions = item.extensions.filter((x) => f === null || f(as(x, x.id)) || f(as(x, x.extensionName)));
    } else if (name !== 'attachments' && name !== 'instances') {
      throw new GraphError(400, 'BadRequest', `Could not find a property named '${e.name}' on type 'microsoft.graph.outlookItem'.`);
    }
  }
}

export function etag(changeKey: string): string {
  return `W/"${changeKey}"`;
}

export function isoNow(now: () => Date): string {
  return now().toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export function stringArray(v: unknown, name: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw badRequest(`Invalid value for '${name}'.`, 'RequestBodyRead');
  return v as string[];
}

export function contextUrl(ctx: RouteCtx, fragment: string): string {
  return `${ctx.graphUrl}/$metadata#${fragment}`;
}

export function userSeg(ctx: RouteCtx): string {
  return `users('${encodeURIComponent(ctx.target.userPrincipalName)}')`;
}

export function selectSuffix(q: URLSearchParams): string {
  const s = q.get('$select');
  return s ? `(${s})` : '';
}

/** Honours If-Match on PATCH/DELETE the way Exchange does: a stale change key is a 412. */
export function checkIfMatch(ctx: RouteCtx, changeKey: string): void {
  const given = ctx.req.headers['if-match'];
  if (given === undefined || given.trim() === '*') return;
  if (given.trim() !== etag(changeKey) && given.trim() !== changeKey && given.trim() !== `"${changeKey}"`) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}
