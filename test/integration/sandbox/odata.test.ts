// The sandbox's $filter parser and evaluator on their own: precedence, escaping, lambdas, literals and the
// errors Graph gives. (Pure, but it lives with the sandbox's tests.)
import { GraphError } from '../../../sandbox/core';
import type { EntitySchema } from '../../../sandbox/odata';
import { compileFilter, parseExpand, parseFilter } from '../../../sandbox/odata';
import './helpers';

const schema: EntitySchema = {
  typeName: 'microsoft.graph.event',
  unknownPropertyCode: 'RequestBroker--ParseUri',
  properties: ['subject', 'start', 'categories', 'isAllDay', 'importance', 'singleValueExtendedProperties', 'reminderMinutesBeforeStart'],
};

const item = {
  subject: "Pot d'au revoir",
  start: { dateTime: '2026-12-21T16:00:00.0000000' },
  categories: ['Au revoir', 'Red category'],
  isAllDay: false,
  importance: 'high',
  reminderMinutesBeforeStart: 15,
  singleValueExtendedProperties: [{ id: 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name Plan', value: 'p-1' }],
};

const matches = (filter: string): boolean => compileFilter(filter, schema)!((segs) => segs.reduce<unknown>((o, s) => (o as Record<string, unknown>)?.[s], item));

describe('$filter', () => {
  it.each([
    ["subject eq 'Pot d''au revoir'", true],
    ["subject eq 'pot d''au revoir'", true],
    ["subject ne 'Pot d''au revoir'", false],
    ["startswith(subject,'Pot')", true],
    ["contains(subject,'revoir')", true],
    ["categories/any(c:c eq 'Au revoir')", true],
    ["categories/any(c:c eq 'Blue category')", false],
    ["categories/any(c: c eq 'Blue category' or c eq 'Red category')", true],
    ["singleValueExtendedProperties/Any(ep: ep/id eq 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name Plan' and ep/value eq 'p-1')", true],
    ["singleValueExtendedProperties/Any(ep: ep/id eq 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name Plan' and ep/value eq 'p-2')", false],
    ["start/dateTime ge '2026-12-21T00:00:00' and start/dateTime lt '2026-12-22T00:00:00'", true],
    ['start/dateTime gt 2026-12-21T16:00:00Z', false],
    ['isAllDay eq false', true],
    ['not isAllDay eq true', true],
    ['reminderMinutesBeforeStart le 15 and reminderMinutesBeforeStart gt 14', true],
    // and binds tighter than or; parentheses override it.
    ["importance eq 'low' and isAllDay eq true or importance eq 'high'", true],
    ["importance eq 'low' and (isAllDay eq true or importance eq 'high')", false],
    ['subject eq null', false],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('rejects unknown properties with the message Graph gives, and syntax errors with 400', () => {
    const unknown = (): unknown => compileFilter("mood eq 'happy'", schema);
    expect(unknown).toThrow(GraphError);
    expect(unknown).toThrow("Could not find a property named 'mood' on type 'microsoft.graph.event'.");
    for (const bad of ["subject eq 'open", 'subject eq', '(subject eq 1', "subject eq 'a' garbage", 'frobnicate(subject)']) {
      try {
        compileFilter(bad, schema);
        throw new Error(`accepted ${bad}`);
      } catch (err) {
        expect(err).toBeInstanceOf(GraphError);
        expect((err as GraphError).status).toBe(400);
      }
    }
  });

  it('parses lambda bodies into an AST with the range variable', () => {
    const ast = parseFilter("categories/any(c:c eq 'X')");
    expect(ast).toEqual({ kind: 'lambda', op: 'any', collection: ['categories'], variable: 'c', body: { kind: 'cmp', op: 'eq', left: { kind: 'path', segs: ['c'] }, right: { kind: 'lit', value: 'X' } } });
  });
});

describe('$expand', () => {
  it('splits on top-level commas only and keeps the inner $filter', () => {
    const q = new URLSearchParams({ $expand: "singleValueExtendedProperties($filter=id eq 'a, b' or id eq 'c'),extensions($filter=id eq 'Com.X')" });
    expect(parseExpand(q)).toEqual([
      { name: 'singleValueExtendedProperties', filter: "id eq 'a, b' or id eq 'c'" },
      { name: 'extensions', filter: "id eq 'Com.X'" },
    ]);
  });
});
