import type * as MG from '@microsoft/microsoft-graph-types';
import { AppError } from '../domain/errors';
import type { GraphClient } from './client';
import { queryString, odataString } from './odata';
import { SCOPES } from './scopes';
import { AU_REVOIR_CATEGORY } from '../domain/category';
import { TAG_PROPERTY_SET, tagFilter } from './tags';

/**
 * The app's own state, kept in the user's mailbox so that every device shows the same thing (Teams
 * desktop, web and mobile keep separate browser storage; the Outlook task pane has its own).
 *
 * Where: ONE contact of the user's default contacts folder, "Au revoir (app data)", tagged with the
 * extended property `AuRevoirStateStore`, each state document in an extended property of its own
 * (`AuRevoirState.<key>`, a JSON string). Why a contact: it needs only Contacts.ReadWrite (SCOPES.contactsReadWrite), which the
 * app already has for the leavers' contacts (no new scope); contacts carry single-value extended
 * properties, which the user cannot see or edit in Outlook and Graph can filter on and expand
 * (https://learn.microsoft.com/graph/api/resources/singlevaluelegacyextendedproperty: "Create
 * single-value property" on message, mailFolder, event, calendar, contact, contactFolder; "Get ... using
 * $expand or $filter"; https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties,
 * permissions table: contact → Contacts.ReadWrite, delegated). The alternatives cost a scope (open extensions on the user need User.ReadWrite; the
 * mailbox settings have no place for app data) or are more visible (a calendar event).
 * CHOICE: Graph documents no size limit for a String extended property value; the lists kept here are
 * small (tens of entries), and a document past 32 KB is refused here rather than risked.
 *
 * How it stays out of the way: the alumni view lists contacts whose role tag is `contact`, which this
 * one never has; it has no email address, so it never comes up when addressing a message; it carries
 * the app's category, and a note saying what it is (domain/texts/state-holder.ts).
 *
 * Concurrency: each write sends the contact's change key as If-Match, so two devices writing at once
 * cannot lose each other's change silently: the second gets 412 (Exchange's ErrorIrresolvableConflict),
 * re-reads and re-applies its change (workflows/state.ts).
 */
export const STATE_STORE_TAG_ID = `String ${TAG_PROPERTY_SET} Name AuRevoirStateStore`;
export const STATE_STORE_VERSION = 'v1';
export const stateDocumentPropertyId = (key: string): string => {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(key)) throw new AppError({ code: 'unexpected', detail: `bad state key ${key}` });
  return `String ${TAG_PROPERTY_SET} Name AuRevoirState.${key}`;
};
export const MAX_STATE_DOCUMENT_CHARS = 32_000;

/** The contact holding the documents, as last read: its id and change key (for If-Match). */
export interface StateVersion {
  readonly itemId: string;
  readonly etag: string;
}

export interface StateRead {
  /** The document's JSON text, when it was ever written. */
  readonly value?: string;
  /** Absent when the holder contact does not exist yet. */
  readonly version?: StateVersion;
}

export interface MailboxStateGateway {
  read(key: string): Promise<StateRead>;
  /**
   * Writes one document. With `version`, only if nobody wrote since (else AppError `graph.conflict`);
   * without, creates the holder contact with `holder`'s name and note.
   */
  write(key: string, value: string, version: StateVersion | undefined, holder: { readonly displayName: string; readonly notes: string }): Promise<StateVersion>;
}

const SCOPES_RW = [SCOPES.contactsReadWrite];

type HolderWire = MG.Contact & { '@odata.etag'?: string };

const versionOf = (c: HolderWire): StateVersion => {
  if (!c.id) throw new AppError({ code: 'unexpected', detail: 'state holder without an id' });
  return { itemId: c.id, etag: c['@odata.etag'] ?? (c.changeKey ? `W/"${c.changeKey}"` : '*') };
};

/** Two devices creating the holder at the same moment leave two; the oldest (then the lowest id) is the one everyone uses. */
const canonical = (found: readonly HolderWire[]): HolderWire | undefined =>
  [...found].sort((a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || (a.id ?? '').localeCompare(b.id ?? ''))[0];

export const createMailboxStateGateway = (graph: GraphClient): MailboxStateGateway => {
  const holders = (key: string): Promise<HolderWire[]> => {
    const prop = stateDocumentPropertyId(key);
    const path = `/me/contacts${queryString({
      $filter: tagFilter(STATE_STORE_TAG_ID, STATE_STORE_VERSION),
      $select: 'id,changeKey,createdDateTime',
      $expand: `singleValueExtendedProperties($filter=id eq ${odataString(prop)})`,
      $top: 10,
    })}`;
    return graph.getAll<HolderWire>(path, { scopes: SCOPES_RW, what: 'read app state' });
  };
  return {
    async read(key) {
      const prop = stateDocumentPropertyId(key);
      const holder = canonical(await holders(key));
      if (!holder) return {};
      const value = holder.singleValueExtendedProperties?.find((p) => (p.id ?? '').toLowerCase() === prop.toLowerCase())?.value ?? undefined;
      return { ...(typeof value === 'string' ? { value } : {}), version: versionOf(holder) };
    },

    async write(key, value, version, holder) {
      if (value.length > MAX_STATE_DOCUMENT_CHARS) throw new AppError({ code: 'validation', detail: `state document ${key} too large (${value.length} chars)` });
      const prop = { id: stateDocumentPropertyId(key), value };
      if (!version) {
        const created = await graph.post<HolderWire>(
          '/me/contacts',
          {
            displayName: holder.displayName,
            personalNotes: holder.notes,
            categories: [AU_REVOIR_CATEGORY],
            singleValueExtendedProperties: [{ id: STATE_STORE_TAG_ID, value: STATE_STORE_VERSION }, prop],
          },
          { scopes: SCOPES_RW, what: 'create app state' },
        );
        const mine = versionOf(created);
        // Another device may have created one at the same moment: what went into a holder that is not the
        // one everyone reads would be lost. Ours is then removed, and the caller re-reads and re-applies its
        // change to the canonical one, as after a 412 (contact-delete:
        // https://learn.microsoft.com/graph/api/contact-delete, Contacts.ReadWrite).
        const first = canonical(await holders(key));
        if (first?.id && first.id !== mine.itemId) {
          await graph.delete(`/me/contacts/${encodeURIComponent(mine.itemId)}`, { scopes: SCOPES_RW, what: 'remove a duplicate app state' });
          throw new AppError({ code: 'graph.conflict', detail: `app state ${key}: another device created the holder first` });
        }
        return mine;
      }
      try {
        const updated = await graph.patch<HolderWire>(
          `/me/contacts/${encodeURIComponent(version.itemId)}`,
          { singleValueExtendedProperties: [prop] },
          { scopes: SCOPES_RW, headers: { 'If-Match': version.etag }, what: 'save app state' },
        );
        return updated?.id ? versionOf(updated) : version;
      } catch (e: unknown) {
        const err = AppError.from(e);
        // 412: another device wrote first. 404: the holder was deleted meanwhile. Either way: read again.
        if (err.status === 412 || err.status === 404) throw new AppError({ code: 'graph.conflict', status: err.status, detail: `app state ${key} changed meanwhile`, cause: e });
        throw err;
      }
    },
  };
};
