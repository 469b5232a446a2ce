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

/**
 * Page size asked of Outlook's collections (events, calendarView, contacts) that the app reads whole,
 * so that listing 50 alumni with their series takes one page each, not one per 100 items.
 * Microsoft's answer for Outlook items: "$top to customize the page size, within the range of 1 and
 * 1000" (https://learn.microsoft.com/answers/questions/1082098/how-to-get-all-messages-in-outlook-using-microsoft.html);
 * "the number of results the client can request in a single page depends on the API"
 * (https://learn.microsoft.com/graph/paging). CHOICE: the events, calendarView and contacts pages
 * name no maximum, so we ask for Outlook's 1000 and keep following @odata.nextLink: should Graph
 * page smaller, the answer stays complete and only the round trips grow.
 */
export const OUTLOOK_MAX_PAGE = 1000;
