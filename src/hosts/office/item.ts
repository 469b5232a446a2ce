import { AppError } from '../../domain/errors';
import type {
  OfficeApi,
  OfficeAsyncProperty,
  OfficeCallback,
  OfficeEmailAddressDetails,
  OfficeItem,
  OfficeRecipients,
} from './office-types';

/** A person on an Outlook item. */
export interface Recipient {
  readonly email: string;
  readonly displayName: string;
}

/** What the item the task pane was opened on is. */
export type ItemKind = 'appointmentCompose' | 'appointmentRead' | 'messageRead' | 'messageCompose';

/**
 * The Outlook item, promise-based and free of Office types: what the task pane's logic works
 * against. Built from Office.js by `officeMailItem`, or in memory for the plain-browser demo.
 */
export interface MailItemPort {
  readonly kind: ItemKind;
  /** Graph (REST) id of a saved item; undefined for an unsaved new meeting. */
  readonly restId?: string;
  getSubject(): Promise<string>;
  setSubject(subject: string): Promise<void>;
  getBodyHtml(): Promise<string>;
  setBodyHtml(html: string): Promise<void>;
  getRequiredAttendees(): Promise<readonly Recipient[]>;
  addRequiredAttendees(people: readonly Recipient[]): Promise<void>;
  /** Adds categories, creating them in the master list first when Outlook needs that. */
  addCategories(names: readonly string[], color: string): Promise<void>;
  getStart(): Promise<Date | undefined>;
  getEnd(): Promise<Date | undefined>;
  /** The sender, on a message being read. */
  readonly sender?: Recipient;
  /** The signed-in user, as Outlook knows them. */
  readonly user?: Recipient;
  /** Outlook's UI language, e.g. `fr-FR`. */
  readonly displayLanguage?: string;
}

const isSucceeded = (status: string): boolean => status === 'succeeded' || status === 'Succeeded';

/** Wraps one Office callback API into a promise that rejects with an AppError carrying Office's error. */
export const officeCall = <T>(what: string, invoke: (cb: OfficeCallback<T>) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (isSucceeded(result.status)) resolve(result.value);
        else
          reject(
            new AppError({
              code: 'unexpected',
              detail: `Office.js ${what} failed: ${result.error?.name ?? ''} ${result.error?.message ?? ''}`.trim(),
              params: { officeError: result.error?.name ?? 'unknown' },
              cause: result.error,
            }),
          );
      });
    } catch (e) {
      // Calling a method the client lacks throws synchronously; that is a host limitation.
      reject(new AppError({ code: 'host.unsupported', detail: `Office.js ${what}: ${e instanceof Error ? e.message : String(e)}`, cause: e }));
    }
  });

const isAsyncProperty = <T>(v: unknown): v is OfficeAsyncProperty<T> =>
  typeof v === 'object' && v !== null && typeof (v as { getAsync?: unknown }).getAsync === 'function';

const isRecipients = (v: unknown): v is OfficeRecipients =>
  typeof v === 'object' && v !== null && typeof (v as { addAsync?: unknown }).addAsync === 'function';

const toRecipient = (d: OfficeEmailAddressDetails): Recipient => ({
  email: d.emailAddress,
  displayName: d.displayName?.trim() || d.emailAddress,
});

const asDetails = (v: unknown): OfficeEmailAddressDetails | undefined =>
  typeof v === 'object' && v !== null && typeof (v as { emailAddress?: unknown }).emailAddress === 'string'
    ? (v as OfficeEmailAddressDetails)
    : undefined;

const readOnly = (what: string): Promise<never> =>
  Promise.reject(new AppError({ code: 'host.unsupported', detail: `${what} is read-only on this item` }));

export const kindOf = (office: OfficeApi, item: OfficeItem): ItemKind => {
  const appointment = item.itemType === (office.MailboxEnums?.ItemType?.Appointment ?? 'appointment');
  const compose = isAsyncProperty(item.subject);
  if (appointment) return compose ? 'appointmentCompose' : 'appointmentRead';
  return compose ? 'messageCompose' : 'messageRead';
};

/** The port over Office.context.mailbox.item. */
export const officeMailItem = (office: OfficeApi): MailItemPort => {
  const mailbox = office.context.mailbox;
  const item = mailbox?.item;
  if (!mailbox || !item) throw new AppError({ code: 'host.unsupported', detail: 'Office.context.mailbox.item is missing' });
  const html = office.CoercionType?.Html ?? 'html';
  const kind = kindOf(office, item);

  let restId: string | undefined;
  if (item.itemId && mailbox.convertToRestId) {
    try {
      restId = mailbox.convertToRestId(item.itemId, office.MailboxEnums?.RestVersion?.v2_0 ?? 'v2.0');
    } catch (e) {
      // Without a REST id the alumni card falls back to matching by subject; keep going.
      console.warn('Au revoir: convertToRestId failed', e);
    }
  }

  const date = (v: Date | OfficeAsyncProperty<Date> | undefined, what: string): Promise<Date | undefined> =>
    isAsyncProperty<Date>(v) ? officeCall<Date>(what, (cb) => v.getAsync(cb)) : Promise.resolve(v);

  const sender = asDetails(item.from) ?? asDetails(item.sender);
  const user = mailbox.userProfile?.emailAddress
    ? { email: mailbox.userProfile.emailAddress, displayName: mailbox.userProfile.displayName ?? mailbox.userProfile.emailAddress }
    : undefined;

  return {
    kind,
    ...(restId ? { restId } : {}),
    ...(sender && kind === 'messageRead' ? { sender: toRecipient(sender) } : {}),
    ...(user ? { user } : {}),
    ...(office.context.displayLanguage ? { displayLanguage: office.context.displayLanguage } : {}),
    getSubject: () => {
      const s = item.subject;
      return isAsyncProperty<string>(s) ? officeCall<string>('subject.getAsync', (cb) => s.getAsync(cb)) : Promise.resolve(s ?? '');
    },
    setSubject: (subject) => {
      const s = item.subject;
      return isAsyncProperty<string>(s) ? officeCall<void>('subject.setAsync', (cb) => s.setAsync(subject, cb)) : readOnly('subject');
    },
    getBodyHtml: () => officeCall<string>('body.getAsync', (cb) => item.body.getAsync(html, cb)),
    setBodyHtml: (value) =>
      kind === 'appointmentCompose' || kind === 'messageCompose'
        ? officeCall<void>('body.setAsync', (cb) => item.body.setAsync(value, { coercionType: html }, cb))
        : readOnly('body'),
    getRequiredAttendees: async () => {
      const r = item.requiredAttendees;
      if (isRecipients(r)) return (await officeCall<OfficeEmailAddressDetails[]>('requiredAttendees.getAsync', (cb) => r.getAsync(cb))).map(toRecipient);
      return (r ?? []).map(toRecipient);
    },
    addRequiredAttendees: (people) => {
      const r = item.requiredAttendees;
      if (!isRecipients(r)) return readOnly('requiredAttendees');
      return officeCall<void>('requiredAttendees.addAsync', (cb) =>
        r.addAsync(people.map((p) => ({ emailAddress: p.email, displayName: p.displayName })), cb),
      );
    },
    addCategories: async (names, color) => {
      const categories = item.categories;
      if (!categories) throw new AppError({ code: 'host.unsupported', detail: 'item.categories (Mailbox 1.8) is missing' });
      try {
        await officeCall<void>('categories.addAsync', (cb) => categories.addAsync([...names], cb));
      } catch (first) {
        // An item can only carry categories of the mailbox's master list: add ours there, then retry.
        const master = mailbox.masterCategories;
        if (!master) throw first;
        const colorValue = office.MailboxEnums?.CategoryColor?.[color.charAt(0).toUpperCase() + color.slice(1)] ?? color;
        await officeCall<void>('masterCategories.addAsync', (cb) =>
          master.addAsync(names.map((displayName) => ({ displayName, color: colorValue })), cb),
        ).catch((e: unknown) => {
          // Already there (another client added it meanwhile): the retry below settles it.
          console.warn('Au revoir: masterCategories.addAsync failed', e);
        });
        await officeCall<void>('categories.addAsync', (cb) => categories.addAsync([...names], cb));
      }
    },
    getStart: () => date(item.start, 'start.getAsync'),
    getEnd: () => date(item.end, 'end.getAsync'),
  };
};
