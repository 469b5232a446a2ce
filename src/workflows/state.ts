import { AppError } from '../domain/errors';
import { STATE_HOLDER_NAME, STATE_HOLDER_NOTES } from '../domain/texts/state-holder';
import type { Lang } from '../domain/types';
import type { MailboxStateGateway } from '../graph/state';

/**
 * The app's state documents in the manager's mailbox (graph/state.ts), by key, as JSON. Anything the
 * app used to keep in one browser's localStorage and must follow the manager from device to device
 * lives here: the hand-added departures (`departures.v1`, workflows/added.ts) and the journal of
 * unfinished bookings (`bookings.v1`, workflows/journal.ts). Reads are never cached across calls: another device may have written.
 */
export interface MailboxState {
  /** The document, parsed by `parse`; undefined when never written (or unreadable: logged, not fatal). */
  get<T>(key: string, parse: (raw: unknown) => T | undefined): Promise<T | undefined>;
  /**
   * Read, change, write, with the holder's change key: when another device wrote meanwhile, reads
   * again and re-applies `change` to what is there now (a bounded number of times). When `change`
   * returns the document it was given (the very object), nothing needed changing: nothing is written.
   */
  update<T>(key: string, parse: (raw: unknown) => T | undefined, change: (current: T | undefined) => T): Promise<T>;
}

const MAX_ATTEMPTS = 4;

const parseJson = <T>(key: string, text: string | undefined, parse: (raw: unknown) => T | undefined): T | undefined => {
  if (text === undefined) return undefined;
  try {
    return parse(JSON.parse(text) as unknown);
  } catch (e: unknown) {
    // A document edited by hand or by a future version must not break the screen; start afresh.
    console.warn(`Au revoir: ignoring unreadable app state ${key}`, e instanceof Error ? e.message : String(e));
    return undefined;
  }
};

export const createMailboxState = (gateway: MailboxStateGateway, lang: () => Promise<Lang>): MailboxState => ({
  async get(key, parse) {
    return parseJson(key, (await gateway.read(key)).value, parse);
  },

  async update(key, parse, change) {
    for (let attempt = 1; ; attempt++) {
      const read = await gateway.read(key);
      const current = parseJson(key, read.value, parse);
      const next = change(current);
      if (current !== undefined && next === current) return next;
      const l = await lang();
      try {
        await gateway.write(key, JSON.stringify(next), read.version, { displayName: STATE_HOLDER_NAME[l], notes: STATE_HOLDER_NOTES[l] });
        return next;
      } catch (e: unknown) {
        if (AppError.is(e) && e.code === 'graph.conflict' && attempt < MAX_ATTEMPTS) continue;
        throw e;
      }
    }
  },
});
