import type { BatchRequestItem } from './client';

/**
 * How the app lays out a JSON batch. Graph runs only two shapes, and the app only builds those two:
 *
 * - "Batch should be either fully sequential or fully parallel"
 *   (https://learn.microsoft.com/en-us/graph/json-batching#sequencing-requests-with-the-dependson-property).
 *   A batch mixing independent items with a dependsOn chain is refused whole with
 *   400 "Batch should be either fully sequential or fully parallel." (microsoftgraph/microsoft-graph-docs#16280,
 *   confirmed by the docs team). The JS SDK also admits a "same dependency" shape
 *   (msgraph-sdk-javascript src/content/BatchRequestContent.ts, validateDependencies); we never use it.
 * - A dependency must appear earlier in the array, or Graph answers "Invalid dependency for request Id..."
 *   (microsoftgraph/msgraph-sdk-dotnet-core#891): a sequential batch chains each item to the one before it.
 *
 * What each shape costs on an Outlook mailbox, which allows four concurrent requests per app
 * ("Limits per mailbox", https://learn.microsoft.com/en-us/graph/throttling-limits#limits-per-mailbox):
 *
 * - parallel: "Microsoft Graph sends the Outlook service up to four individual requests from the batch at a
 *   time, regardless of the target mailboxes", so one parallel batch "stays within Outlook's concurrency
 *   limits for the same mailbox" ("Outlook service limits for JSON batching", same page; restated by
 *   CharanyaB-MSFT, https://learn.microsoft.com/en-us/answers/questions/1660054). It uses all four slots:
 *   nothing else of ours may run on that mailbox meanwhile. Older field reports (Glen Scales, 2022,
 *   https://learn.microsoft.com/en-us/answers/questions/734143) saw the 5th and later items of a parallel
 *   batch come back 429 MailboxConcurrency instead; the callers resend those (see docs/graph-and-booking.md).
 * - sequential: "Microsoft Graph sends the Outlook service one request from the batch at a time", and apps
 *   may "have up to four such batch requests run concurrently" (same section). After a failed item every
 *   later one comes back 424 (json-batching page), so items whose ordinary answer may be a 4xx go last.
 */
export type BatchLayout = 'parallel' | 'sequential';

/** Outlook's concurrent requests per app and mailbox (throttling-limits, "Limits per mailbox"). */
export const MAILBOX_CONCURRENCY = 4;

/**
 * The items as a fully parallel (no dependsOn) or fully sequential (each on the one before) batch. For a
 * sequential one, `mayFail` items (an ordinary answer that is a 4xx) are moved to the end, in their order,
 * so that their failure 424s only other such items.
 */
export const layOut = (items: readonly BatchRequestItem[], layout: BatchLayout, mayFail: (item: BatchRequestItem) => boolean = () => false): BatchRequestItem[] => {
  const bare = items.map(({ dependsOn: _ignored, ...item }) => item);
  if (layout === 'parallel') return bare;
  const ordered = [...bare.filter((i) => !mayFail(i)), ...bare.filter((i) => mayFail(i))];
  return ordered.map((item, i) => (i === 0 ? item : { ...item, dependsOn: [ordered[i - 1]!.id] }));
};

/** Which of Graph's two shapes a payload has, or null for one Graph refuses (mixed, forward or unknown). */
export const layoutOf = (items: readonly BatchRequestItem[]): BatchLayout | null => {
  const deps = (i: BatchRequestItem): readonly string[] => i.dependsOn ?? [];
  if (items.every((i) => deps(i).length === 0)) return 'parallel';
  const chained = items.every((item, i) => (i === 0 ? deps(item).length === 0 : deps(item).length === 1 && deps(item)[0] === items[i - 1]!.id));
  return chained ? 'sequential' : null;
};
