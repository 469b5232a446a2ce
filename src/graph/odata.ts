/**
 * OData helpers. User text never goes into a query string by concatenation: string literals are
 * built here (single quotes doubled, as OData 4 requires), then the whole value is URL-encoded.
 */

/** An OData string literal: `O'Brien` → `'O''Brien'`. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Quoted term for `$search` (ConsistencyLevel: eventual): double quotes and backslashes escaped. */
export const searchTerm = (property: string, value: string): string =>
  `"${property}:${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Builds `?a=b&c=d` with every value URL-encoded; undefined values are left out. */
export const queryString = (params: Readonly<Record<string, string | number | undefined>>): string => {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
};
