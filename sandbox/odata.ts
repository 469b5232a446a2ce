// A small but real OData query layer: a $filter tokenizer + recursive-descent parser + evaluator, and the
// $select / $orderby / paging helpers. Unknown properties are rejected with the 400 Graph gives, because an
// app that filters on a misspelt property must fail here as it would against Graph.
import { GraphError } from './core';

export type Literal = string | number | boolean | null;
export type Node =
  | { kind: 'lit'; value: Literal; datetime?: boolean }
  | { kind: 'path'; segs: string[] }
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; left: Node; right: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string[]; variable: string; body: Node | null };

type Token =
  | { t: 'ident'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'dt'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' | ':' | '/' }
  | { t: 'end' };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalidFilter(`unterminated string literal in '${src}'`);
        const d = src[i]!;
        if (d === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += d;
        i++;
      }
      out.push({ t: 'str', v });
      continue;
    }
    if ('(),:/'.includes(c)) {
      out.push({ t: 'punct', v: c as '(' | ')' | ',' | ':' | '/' });
      i++;
      continue;
    }
    const dt = DATETIME.exec(src.slice(i));
    if (dt && dt[0].length > 4) {
      out.push({ t: 'dt', v: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_@$][\w.@$-]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'ident', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw invalidFilter(`syntax error at position ${i} in '${src}'`);
  }
  out.push({ t: 'end' });
  return out;
}

function invalidFilter(detail: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);
}

const CMP = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

export function parseFilter(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Token => toks[p]!;
  const next = (): Token => toks[p++]!;
  const isIdent = (v: string): boolean => {
    const t = peek();
    return t.t === 'ident' && t.v.toLowerCase() === v;
  };
  const expect = (v: string): void => {
    const t = next();
    if (t.t !== 'punct' || t.v !== v) throw invalidFilter(`expected '${v}' in '${src}'`);
  };

  function orExpr(): Node {
    let left = andExpr();
    while (isIdent('or')) {
      next();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): Node {
    let left = notExpr();
    while (isIdent('and')) {
      next();
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  }
  function notExpr(): Node {
    if (isIdent('not')) {
      next();
      return { kind: 'not', expr: notExpr() };
    }
    return cmpExpr();
  }
  function cmpExpr(): Node {
    const left = primary();
    const t = peek();
    if (t.t === 'ident' && CMP.has(t.v.toLowerCase())) {
      next();
      const op = t.v.toLowerCase() as 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
      return { kind: 'cmp', op, left, right: primary() };
    }
    return left;
  }
  function primary(): Node {
    const t = next();
    if (t.t === 'punct' && t.v === '(') {
      const e = orExpr();
      expect(')');
      return e;
    }
    if (t.t === 'str') return { kind: 'lit', value: t.v };
    if (t.t === 'num') return { kind: 'lit', value: t.v };
    if (t.t === 'dt') return { kind: 'lit', value: t.v, datetime: true };
    if (t.t === 'ident') {
      const lower = t.v.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'lit', value: lower === 'true' };
      if (lower === 'null') return { kind: 'lit', value: null };
      const after = peek();
      if (after.t === 'punct' && after.v === '(') {
        next();
        const args: Node[] = [];
        const close = peek();
        if (!(close.t === 'punct' && close.v === ')')) {
          args.push(orExpr());
          while (peek().t === 'punct' && (peek() as { v: string }).v === ',') {
            next();
            args.push(orExpr());
          }
        }
        expect(')');
        return { kind: 'call', name: lower, args };
      }
      const segs = [t.v];
      while (peek().t === 'punct' && (peek() as { v: string }).v === '/') {
        next();
        const seg = next();
        if (seg.t !== 'ident') throw invalidFilter(`expected a property name after '/' in '${src}'`);
        const sl = seg.v.toLowerCase();
        const open = peek();
        if ((sl === 'any' || sl === 'all') && open.t === 'punct' && open.v === '(') {
          next();
          const close = peek();
          if (close.t === 'punct' && close.v === ')') {
            next();
            return { kind: 'lambda', op: sl, collection: segs, variable: '', body: null };
          }
          const v = next();
          if (v.t !== 'ident') throw invalidFilter(`expected a range variable in '${src}'`);
          expect(':');
          const body = orExpr();
          expect(')');
          return { kind: 'lambda', op: sl, collection: segs, variable: v.v, body };
        }
        segs.push(seg.v);
      }
      return { kind: 'path', segs };
    }
    throw invalidFilter(`unexpected token in '${src}'`);
  }

  const ast = orExpr();
  if (peek().t !== 'end') throw invalidFilter(`unexpected text after the expression in '${src}'`);
  return ast;
}

/** Describes what a $filter may reference on an entity type, and the error Graph gives otherwise. */
export interface EntitySchema {
  /** e.g. 'microsoft.graph.event' (users: 'Microsoft.DirectoryServices.User'). */
  typeName: string;
  /** Error code Graph uses for unknown properties on this type. */
  unknownPropertyCode: string;
  properties: string[];
}

export function validateFilter(ast: Node, schema: EntitySchema, vars: Set<string> = new Set()): void {
  const known = new Set(schema.properties.map((p) => p.toLowerCase()));
  const check = (segs: string[]): void => {
    const head = segs[0]!;
    if (vars.has(head)) return;
    if (!known.has(head.toLowerCase())) {
      throw new GraphError(400, schema.unknownPropertyCode, `Could not find a property named '${head}' on type '${schema.typeName}'.`);
    }
  };
  switch (ast.kind) {
    case 'lit':
      return;
    case 'path':
      return check(ast.segs);
    case 'cmp':
    case 'and':
    case 'or':
      validateFilter(ast.left, schema, vars);
      validateFilter(ast.right, schema, vars);
      return;
    case 'not':
      return validateFilter(ast.expr, schema, vars);
    case 'call':
      if (!['startswith', 'endswith', 'contains', 'tolower', 'toupper'].includes(ast.name)) {
        throw new GraphError(400, 'BadRequest', `An unknown function with name '${ast.name}' was found.`);
      }
      ast.args.forEach((a) => validateFilter(a, schema, vars));
      return;
    case 'lambda':
      check(ast.collection);
      if (ast.body) validateFilter(ast.body, schema, new Set([...vars, ast.variable]));
      return;
  }
}

/** Case-insensitive property lookup, following a path of segments. */
export function getPath(obj: unknown, segs: string[]): unknown {
  let cur: unknown = obj;
  for (const s of segs) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    const rec = cur as Record<string, unknown>;
    if (s in rec) {
      cur = rec[s];
      continue;
    }
    const key = Object.keys(rec).find((k) => k.toLowerCase() === s.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

/**
 * The id of an extended property as a $filter sees it. "Filtering the string name (Name) in the id of an
 * extended property is case-sensitive. Filtering the value property of an extended property is
 * case-insensitive." (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get).
 * CHOICE: the docs say nothing of the type keyword and the GUID before the Name; a GUID is the same GUID in
 * either case, so that part compares case-insensitively, and the Name exactly.
 */
export class ExtendedPropertyId {
  constructor(readonly id: string) {}
  /** [type and set, Name] for the named form ("String {guid} Name X"); the tag form has no Name. */
  parts(): [string, string | null] {
    const m = /^(.*?\s+Name\s+)(\S.*)$/i.exec(this.id);
    return m ? [m[1]!.toLowerCase().replace(/\s+/g, ' '), m[2]!] : [this.id.toLowerCase(), null];
  }
  equals(other: string): boolean {
    const [a, an] = this.parts();
    const [b, bn] = new ExtendedPropertyId(other).parts();
    return a === b && an === bn;
  }
}

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function toInstant(v: string): number {
  // Graph treats a date-time without offset in a filter as UTC.
  const s = /Z$|[+-]\d{2}:\d{2}$/.test(v) ? v : v + 'Z';
  return Date.parse(s);
}

function compare(a: unknown, b: unknown): number | null {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b ? 0 : null;
  // Only eq/ne make sense on an extended property id: equal or not, never ordered.
  if (a instanceof ExtendedPropertyId && typeof b === 'string') return a.equals(b) ? 0 : null;
  if (b instanceof ExtendedPropertyId && typeof a === 'string') return b.equals(a) ? 0 : null;
  if (typeof a === 'string' && typeof b === 'string') {
    if (ISO_LIKE.test(a) && ISO_LIKE.test(b)) {
      const x = toInstant(a);
      const y = toInstant(b);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return String(a) === String(b) ? 0 : null;
}

/**
 * Evaluates a filter against one entity. `resolve` maps a top-level property path to its value (so entities
 * can expose computed values, e.g. an event's start/dateTime in UTC).
 */
export function evaluate(ast: Node, resolve: (segs: string[]) => unknown, env: Map<string, unknown> = new Map()): unknown {
  const value = (n: Node): unknown => evaluate(n, resolve, env);
  switch (ast.kind) {
    case 'lit':
      return ast.value;
    case 'path': {
      const head = ast.segs[0]!;
      if (env.has(head)) return getPath(env.get(head), ast.segs.slice(1));
      return resolve(ast.segs);
    }
    case 'cmp': {
      const c = compare(value(ast.left), value(ast.right));
      switch (ast.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'gt':
          return c !== null && c > 0;
        case 'ge':
          return c !== null && c >= 0;
        case 'lt':
          return c !== null && c < 0;
        case 'le':
          return c !== null && c <= 0;
      }
      return false;
    }
    case 'and':
      return value(ast.left) === true && value(ast.right) === true;
    case 'or':
      return value(ast.left) === true || value(ast.right) === true;
    case 'not':
      return value(ast.expr) !== true;
    case 'call': {
      const args = ast.args.map(value);
      const s = (i: number): string => (typeof args[i] === 'string' ? (args[i] as string).toLowerCase() : '');
      switch (ast.name) {
        case 'startswith':
          return typeof args[0] === 'string' && s(0).startsWith(s(1));
        case 'endswith':
          return typeof args[0] === 'string' && s(0).endsWith(s(1));
        case 'contains':
          return typeof args[0] === 'string' && s(0).includes(s(1));
        case 'tolower':
          return typeof args[0] === 'string' ? args[0].toLowerCase() : null;
        case 'toupper':
          return typeof args[0] === 'string' ? args[0].toUpperCase() : null;
      }
      return null;
    }
    case 'lambda': {
      const coll = env.has(ast.collection[0]!) ? getPath(env.get(ast.collection[0]!), ast.collection.slice(1)) : resolve(ast.collection);
      const items = Array.isArray(coll) ? coll : [];
      if (ast.body === null) return ast.op === 'any' ? items.length > 0 : true;
      const test = (item: unknown): boolean => evaluate(ast.body!, resolve, new Map([...env, [ast.variable, item]])) === true;
      return ast.op === 'any' ? items.some(test) : items.every(test);
    }
  }
}

export function compileFilter(src: string | null, schema: EntitySchema): ((resolve: (segs: string[]) => unknown) => boolean) | null {
  if (src === null || src.trim() === '') return null;
  const ast = parseFilter(src);
  validateFilter(ast, schema);
  return (resolve) => evaluate(ast, resolve) === true;
}

/** $select=a,b → ['a','b'] (null when absent). */
export function parseSelect(q: URLSearchParams): string[] | null {
  const s = q.get('$select');
  if (s === null || s.trim() === '') return null;
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

export function applySelect(obj: Record<string, unknown>, select: string[] | null, always: string[] = ['id']): Record<string, unknown> {
  if (select === null) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.')) out[k] = v;
  }
  const wanted = new Set([...always, ...select].map((s) => s.toLowerCase()));
  for (const [k, v] of Object.entries(obj)) {
    if (wanted.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}

export interface OrderKey {
  segs: string[];
  desc: boolean;
}

export function parseOrderBy(q: URLSearchParams): OrderKey[] {
  const s = q.get('$orderby');
  if (s === null || s.trim() === '') return [];
  return s.split(',').map((part) => {
    const [path = '', dir = 'asc'] = part.trim().split(/\s+/);
    return { segs: path.split('/'), desc: dir.toLowerCase() === 'desc' };
  });
}

export function sortBy<T>(items: T[], keys: OrderKey[], resolve: (item: T, segs: string[]) => unknown): T[] {
  if (keys.length === 0) return items;
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const c = compare(resolve(a, k.segs), resolve(b, k.segs)) ?? 0;
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}

export function parseIntParam(q: URLSearchParams, name: string, fallback: number): number {
  const s = q.get(name);
  if (s === null) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new GraphError(400, 'BadRequest', `Invalid value '${s}' for query option ${name}.`);
  return n;
}

/**
 * Cuts one page out of `items` and builds the @odata.nextLink the way Graph does: events and contacts use
 * $skip, directory objects use an opaque $skiptoken.
 */
export function page<T>(
  items: T[],
  q: URLSearchParams,
  opts: { defaultTop: number; maxTop?: number; selfUrl: string; style: 'skip' | 'skiptoken' },
): { items: T[]; nextLink?: string } {
  const top = Math.min(parseIntParam(q, '$top', opts.defaultTop), opts.maxTop ?? 1000);
  let skip = parseIntParam(q, '$skip', 0);
  const token = q.get('$skiptoken');
  if (token !== null) {
    const n = Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, ''));
    if (!Number.isInteger(n)) throw new GraphError(400, 'Request_BadRequest', 'The specified page token value has expired and can no longer be included in your request.');
    skip = n;
  }
  const slice = items.slice(skip, skip + top);
  if (skip + top >= items.length) return { items: slice };
  const nq = new URLSearchParams(q);
  nq.delete('$skip');
  nq.delete('$skiptoken');
  if (opts.style === 'skip') nq.set('$skip', String(skip + top));
  else nq.set('$skiptoken', Buffer.from(`offset:${skip + top}`).toString('base64url'));
  if (!nq.has('$top') && opts.style === 'skip') nq.set('$top', String(top));
  return { items: slice, nextLink: `${opts.selfUrl}?${decodeQuery(nq)}` };
}

/** URLSearchParams encodes '$' and ',' which Graph leaves readable; keep links readable like Graph's. */
function decodeQuery(q: URLSearchParams): string {
  return q
    .toString()
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/')
    .replace(/%3A/gi, ':');
}

/** Parses `$expand=a($filter=...),b` into names and their inner $filter. */
export function parseExpand(q: URLSearchParams): Array<{ name: string; filter: string | null }> {
  const s = q.get('$expand');
  if (s === null || s.trim() === '') return [];
  const out: Array<{ name: string; filter: string | null }> = [];
  let depth = 0;
  let cur = '';
  const flush = (): void => {
    const part = cur.trim();
    cur = '';
    if (!part) return;
    const m = /^([\w.]+)\s*(?:\((.*)\))?$/s.exec(part);
    if (!m) throw new GraphError(400, 'BadRequest', `Invalid $expand clause '${part}'.`);
    let filter: string | null = null;
    if (m[2] !== undefined) {
      const f = /^\s*\$filter\s*=\s*(.*)$/s.exec(m[2]);
      if (!f) throw new GraphError(400, 'BadRequest', `Only $filter is supported inside $expand, got '${m[2]}'.`);
      filter = f[1]!;
    }
    out.push({ name: m[1]!, filter });
  };
  let inStr = false;
  for (const c of s) {
    if (c === "'") inStr = !inStr;
    if (!inStr) {
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (c === ',' && depth === 0) {
        flush();
        continue;
      }
    }
    cur += c;
  }
  flush();
  return out;
}
