/**
 * The part of Office.js (the `Office` global, loaded from Microsoft's CDN) that Au revoir uses,
 * typed structurally. Keeping our own small description instead of @types/office-js lets tests and
 * the plain-browser test host provide an `Office` with exactly these members, and keeps the
 * global's types out of every other layer.
 */
export interface OfficeAsyncError {
  readonly name?: string;
  readonly message?: string;
  readonly code?: number;
}

export interface OfficeAsyncResult<T> {
  readonly status: 'succeeded' | 'failed' | string;
  readonly value: T;
  readonly error?: OfficeAsyncError;
}

export type OfficeCallback<T> = (result: OfficeAsyncResult<T>) => void;

export interface OfficeEmailAddressDetails {
  readonly emailAddress: string;
  readonly displayName?: string;
}

/** A compose-mode property: read and written asynchronously. */
export interface OfficeAsyncProperty<T> {
  getAsync(callback: OfficeCallback<T>): void;
  setAsync(value: T, callback: OfficeCallback<void>): void;
}

export interface OfficeBody {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

export interface OfficeRecipients {
  getAsync(callback: OfficeCallback<OfficeEmailAddressDetails[]>): void;
  addAsync(recipients: OfficeEmailAddressDetails[], callback: OfficeCallback<void>): void;
}

export interface OfficeCategories {
  getAsync(callback: OfficeCallback<{ displayName: string; color: string }[] | null>): void;
  addAsync(categories: string[], callback: OfficeCallback<void>): void;
}

export interface OfficeMasterCategories {
  getAsync(callback: OfficeCallback<{ displayName: string; color: string }[] | null>): void;
  addAsync(categories: { displayName: string; color: string }[], callback: OfficeCallback<void>): void;
}

/**
 * Office.context.mailbox.item. Its members are objects with async methods in compose mode and
 * plain values in read mode, hence the unions.
 */
export interface OfficeItem {
  readonly itemType: string;
  readonly itemId?: string;
  readonly subject: string | OfficeAsyncProperty<string>;
  readonly body: OfficeBody;
  readonly requiredAttendees?: OfficeEmailAddressDetails[] | OfficeRecipients;
  readonly optionalAttendees?: OfficeEmailAddressDetails[] | OfficeRecipients;
  readonly start?: Date | OfficeAsyncProperty<Date>;
  readonly end?: Date | OfficeAsyncProperty<Date>;
  readonly organizer?: OfficeEmailAddressDetails | unknown;
  readonly from?: OfficeEmailAddressDetails | unknown;
  readonly sender?: OfficeEmailAddressDetails;
  readonly categories?: OfficeCategories;
}

export interface OfficeMailbox {
  readonly item: OfficeItem | null | undefined;
  readonly userProfile?: { readonly emailAddress?: string; readonly displayName?: string; readonly timeZone?: string };
  readonly masterCategories?: OfficeMasterCategories;
  convertToRestId?(itemId: string, restVersion: string): string;
}

export interface OfficeApi {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  readonly context: {
    readonly mailbox?: OfficeMailbox;
    readonly displayLanguage?: string;
    /** Outlook's own theme, where the client exposes it (colours as `#RRGGBB`). */
    readonly officeTheme?: { readonly bodyBackgroundColor?: string };
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  readonly CoercionType?: { readonly Html?: string; readonly Text?: string };
  readonly MailboxEnums?: {
    readonly ItemType?: { readonly Message?: string; readonly Appointment?: string };
    readonly RestVersion?: { readonly v2_0?: string };
    readonly CategoryColor?: Record<string, string>;
  };
}
