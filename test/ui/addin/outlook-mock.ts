/**
 * An Outlook mailbox item built with office-addin-mock, recording every Office.js call the task
 * pane makes, in order, with its arguments: what the tests assert.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeApi } from '../../../src/hosts/office';

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main entry
// pulls @microsoft/app-manifest and an ESM-only dependency jest cannot load: give it just the enum.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

export type Call = [string, ...unknown[]];

export interface OutlookMockOptions {
  kind: 'appointmentCompose' | 'appointmentRead' | 'messageRead';
  subject?: string;
  bodyHtml?: string;
  required?: { emailAddress: string; displayName: string }[];
  /** Highest Mailbox requirement set the client supports, e.g. '1.8'; or a list of unsupported versions. */
  unsupported?: string[];
  displayLanguage?: string;
  /** Categories already in the mailbox's master list. */
  masterCategories?: string[];
  itemId?: string;
  from?: { emailAddress: string; displayName: string };
  start?: Date;
  end?: Date;
}

export interface OutlookMock {
  office: OfficeApi;
  calls: Call[];
  state: { subject: string; bodyHtml: string; required: { emailAddress: string; displayName: string }[]; categories: string[]; master: string[] };
}

const ok = <T>(value?: T) => ({ status: 'succeeded', value });

export const outlookMock = (o: OutlookMockOptions): OutlookMock => {
  const calls: Call[] = [];
  const state = {
    subject: o.subject ?? '',
    bodyHtml: o.bodyHtml ?? '<html><head></head><body><div><br></div></body></html>',
    required: [...(o.required ?? [])],
    categories: [] as string[],
    master: [...(o.masterCategories ?? [])],
  };
  const me = { emailAddress: 'claire.martin@contoso.example', displayName: 'Claire Martin' };
  const compose = o.kind === 'appointmentCompose';
  const item: Record<string, unknown> = {
    itemType: o.kind === 'messageRead' ? 'message' : 'appointment',
    body: {
      getAsync(coercion: string, cb: (r: unknown) => void) {
        calls.push(['body.getAsync', coercion]);
        cb(ok(state.bodyHtml));
      },
      setAsync(html: string, options: unknown, cb: (r: unknown) => void) {
        calls.push(['body.setAsync', html, options]);
        state.bodyHtml = html;
        cb(ok());
      },
    },
  };
  if (o.itemId) item.itemId = o.itemId;
  if (compose) {
    item.subject = {
      getAsync(cb: (r: unknown) => void) {
        calls.push(['subject.getAsync']);
        cb(ok(state.subject));
      },
      setAsync(value: string, cb: (r: unknown) => void) {
        calls.push(['subject.setAsync', value]);
        state.subject = value;
        cb(ok());
      },
    };
    item.requiredAttendees = {
      getAsync(cb: (r: unknown) => void) {
        calls.push(['requiredAttendees.getAsync']);
        cb(ok(state.required.map((r) => ({ ...r }))));
      },
      addAsync(people: { emailAddress: string; displayName: string }[], cb: (r: unknown) => void) {
        calls.push(['requiredAttendees.addAsync', people]);
        state.required.push(...people);
        cb(ok());
      },
    };
    item.start = { getAsync: (cb: (r: unknown) => void) => cb(ok(o.start ?? new Date('2026-12-03T09:00:00Z'))) };
    item.end = { getAsync: (cb: (r: unknown) => void) => cb(ok(o.end ?? new Date('2026-12-03T09:45:00Z'))) };
    item.categories = {
      addAsync(names: string[], cb: (r: unknown) => void) {
        calls.push(['categories.addAsync', names]);
        // Outlook refuses a category that is not in the master list.
        if (!names.every((n) => state.master.includes(n))) {
          cb({ status: 'failed', value: undefined, error: { name: 'InvalidCategory', message: 'Invalid category', code: 9044 } });
          return;
        }
        state.categories.push(...names);
        cb(ok());
      },
    };
  } else {
    item.subject = state.subject;
    item.requiredAttendees = state.required;
    item.start = o.start ?? new Date('2027-02-01T08:00:00Z');
    item.end = o.end ?? new Date('2027-02-01T08:30:00Z');
    if (o.from) item.from = o.from;
  }
  const unsupported = new Set(o.unsupported ?? []);
  const data = {
    onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: o.displayLanguage ?? 'en-US',
      requirements: {
        isSetSupported(name: string, version: string) {
          return name === 'Mailbox' && !unsupported.has(version);
        },
      },
      mailbox: {
        item,
        userProfile: me,
        masterCategories: {
          addAsync(cats: { displayName: string; color: string }[], cb: (r: unknown) => void) {
            calls.push(['masterCategories.addAsync', cats]);
            state.master.push(...cats.map((c) => c.displayName));
            cb(ok());
          },
        },
        convertToRestId: (id: string, version: string) => `rest:${version}:${id}`,
      },
    },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v2_0: 'v2.0' },
      CategoryColor: { Preset4: 'Preset4', Preset5: 'Preset5' },
    },
  };
    // Host 'outlook': values are plain (no load/sync), as in Outlook's API.
  return { office: new OfficeMockObject(data, 'outlook' as never) as unknown as OfficeApi, calls, state };
};

/** Outlook's Teams meeting block, as new Outlook inserts it (trimmed). */
export const TEAMS_BLOCK =
  '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36;">________________________________________________________________________________</span></div>' +
  '<div class="me-email-text" lang="fr-FR" style="color:#252424;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif;">' +
  '<div style="margin-top:24px;margin-bottom:20px;"><span style="font-size:24px;color:#252424">Réunion Microsoft Teams</span></div>' +
  '<div style="margin-bottom:20px;"><div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px;color:#252424">Rejoindre : </span>' +
  '<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2YTk1%40thread.v2/0?context=%7b%22Tid%22%3a%22a1%22%7d" class="me-email-headline" style="font-size:14px;text-decoration:underline;color:#5B5FC7;">https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2YTk1</a></div>' +
  '<div style="margin-bottom:4px"><span style="font-size:14px;color:#252424">ID de réunion : </span><span style="font-size:14px;color:#252424">412 345 678 901</span></div></div></div>' +
  '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36;">________________________________________________________________________________</span></div>';
