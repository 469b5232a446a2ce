import { odataString, queryString, searchTerm } from '../../../src/graph/odata';
import { tagFilter, PLAN_TAG_ID, readTags, ROLE_TAG_ID, transactionIdFor } from '../../../src/graph/tags';

describe('OData literals', () => {
  test('single quotes are doubled, the rest is kept', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(odataString("''")).toBe("''''''");
    expect(odataString('Émilie & co')).toBe("'Émilie & co'");
  });
  test('a quote in user text cannot close the literal and add a clause', () => {
    const filter = tagFilter(PLAN_TAG_ID, "x' or ep/value ne '");
    expect(filter).toContain("ep/value eq 'x'' or ep/value ne '''");
  });
  test('search terms escape double quotes and backslashes', () => {
    expect(searchTerm('displayName', 'Jean "JJ" \\ Dupont')).toBe('"displayName:Jean \\"JJ\\" \\\\ Dupont"');
  });
  test('query strings URL-encode every value and skip undefined ones', () => {
    expect(queryString({ $filter: "a eq 'b&c'", $top: 5, $skip: undefined })).toBe("?$filter=a%20eq%20'b%26c'&$top=5");
    expect(queryString({})).toBe('');
  });
});

describe('tags', () => {
  test('read back whatever the case Graph echoes the id in', () => {
    expect(
      readTags([
        { id: PLAN_TAG_ID.toUpperCase(), value: 'p1' },
        { id: ROLE_TAG_ID, value: 'series:call' },
        { id: 'String {00000000-0000-0000-0000-000000000000} Name Other', value: 'x' },
      ]),
    ).toEqual({ planId: 'p1', role: 'series:call' });
  });
  test('transaction ids are stable per plan and role and differ between roles', () => {
    expect(transactionIdFor('p', 'conversation')).toBe(transactionIdFor('p', 'conversation'));
    expect(transactionIdFor('p', 'conversation')).not.toBe(transactionIdFor('p', 'prep'));
    expect(transactionIdFor('p', 'touchpoint:1')).not.toBe(transactionIdFor('q', 'touchpoint:1'));
  });
});
