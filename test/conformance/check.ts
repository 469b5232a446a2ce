// Small assertions that read well in a failure line and work the same under jest and under tsx.
import type { Res } from './types';

export class CheckFailed extends Error {}

export function ok(cond: unknown, message: string): asserts cond {
  if (!cond) throw new CheckFailed(message);
}

export function eq<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new CheckFailed(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const brief = (res: Res): string => {
  const text = typeof res.body === 'string' ? res.body : res.body instanceof Uint8Array ? `<${res.body.length} bytes>` : JSON.stringify(res.body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

export function status(res: Res, expected: number | number[], what: string): void {
  const list = Array.isArray(expected) ? expected : [expected];
  if (!list.includes(res.status)) throw new CheckFailed(`${what}: expected HTTP ${list.join(' or ')}, got ${res.status} ${brief(res)}`);
}

/** Graph's error envelope: {"error":{"code","message","innerError":{"request-id","date"}}} (learn.microsoft.com/graph/errors). */
export function errorEnvelope(res: Res, what: string): { code: string; message: string } {
  const e = res.body?.error;
  ok(e && typeof e === 'object', `${what}: no "error" object in ${brief(res)}`);
  ok(typeof e.code === 'string' && e.code !== '', `${what}: error.code missing`);
  ok(typeof e.message === 'string', `${what}: error.message missing`);
  return { code: e.code, message: e.message };
}

/** Wall-clock "yyyy-mm-ddThh:mm" of a Graph dateTime ("2017-04-15T11:00:00.0000000"). */
export const wall = (dateTime: string | undefined): string => (dateTime ?? '').slice(0, 16);
