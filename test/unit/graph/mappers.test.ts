import fc from 'fast-check';
import type { Recurrence } from '../../../src/domain/cadence/model';
import { ianaTimeZone, isoDate, localDateTime } from '../../../src/domain/types';
import {
  base64ToBytes,
  fromGraphContact,
  fromGraphEvent,
  fromGraphEventIn,
  fromGraphRecurrence,
  splitName,
  toDataUrl,
  toGraphContact,
  toGraphEvent,
  toGraphRecurrence,
} from '../../../src/graph/mappers';
import { PLAN_TAG_ID, ROLE_TAG_ID } from '../../../src/graph/tags';

const paris = ianaTimeZone('Europe/Paris');

describe('recurrence', () => {
  test('only the properties the pattern type uses are sent', () => {
    const r: Recurrence = {
      pattern: { type: 'absoluteMonthly', interval: 6, dayOfMonth: 12 },
      range: { type: 'numbered', startDate: isoDate('2027-09-12'), numberOfOccurrences: 4, recurrenceTimeZone: paris },
    };
    expect(toGraphRecurrence(r)).toEqual({
      pattern: { type: 'absoluteMonthly', interval: 6, dayOfMonth: 12 },
      range: { type: 'numbered', startDate: '2027-09-12', numberOfOccurrences: 4, recurrenceTimeZone: 'Romance Standard Time' },
    });
    const weekly = toGraphRecurrence({
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['tuesday'], index: 'second', month: 3 },
      range: { type: 'endDate', startDate: isoDate('2027-03-09'), endDate: isoDate('2030-12-31'), recurrenceTimeZone: paris },
    });
    expect(Object.keys(weekly.pattern ?? {}).sort()).toEqual(['daysOfWeek', 'index', 'interval', 'month', 'type']);
    // Sent as the Windows name: Graph takes every Windows zone but only a listed few IANA ones.
    expect(weekly.range).toEqual({ type: 'endDate', startDate: '2027-03-09', endDate: '2030-12-31', recurrenceTimeZone: 'Romance Standard Time' });
  });

  test("Graph's echoed defaults (month 0, index first, firstDayOfWeek sunday) are ignored when reading back", () => {
    const read = fromGraphRecurrence({
      pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 5, month: 0, index: 'first', firstDayOfWeek: 'sunday', daysOfWeek: [] },
      range: { type: 'numbered', startDate: '2027-01-05', endDate: '0001-01-01', numberOfOccurrences: 8, recurrenceTimeZone: 'Romance Standard Time' },
    }, paris);
    expect(read).toEqual({
      pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 5 },
      range: { type: 'numbered', startDate: '2027-01-05', numberOfOccurrences: 8, recurrenceTimeZone: 'Europe/Paris' },
    });
    expect(fromGraphRecurrence({ pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2027-01-01' } }, paris)).toBeUndefined();
    expect(fromGraphRecurrence(null, paris)).toBeUndefined();
  });

  test('domain → Graph → domain is the identity for every pattern type', () => {
    const weekday = fc.constantFrom('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday' as const);
    const index = fc.constantFrom('first', 'second', 'third', 'fourth', 'last' as const);
    const interval = fc.integer({ min: 1, max: 99 });
    const pattern = fc.oneof(
      fc.record({ type: fc.constant('daily' as const), interval }),
      fc.record({ type: fc.constant('weekly' as const), interval, daysOfWeek: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }) }),
      fc.record({ type: fc.constant('absoluteMonthly' as const), interval, dayOfMonth: fc.integer({ min: 1, max: 31 }) }),
      fc.record({ type: fc.constant('relativeMonthly' as const), interval, daysOfWeek: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), index }),
      fc.record({ type: fc.constant('absoluteYearly' as const), interval, dayOfMonth: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ type: fc.constant('relativeYearly' as const), interval, daysOfWeek: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), index, month: fc.integer({ min: 1, max: 12 }) }),
    );
    const range = fc.oneof(
      fc.record({ type: fc.constant('numbered' as const), startDate: fc.constant(isoDate('2027-02-01')), numberOfOccurrences: fc.integer({ min: 1, max: 50 }), recurrenceTimeZone: fc.constant(paris) }),
      fc.record({ type: fc.constant('endDate' as const), startDate: fc.constant(isoDate('2027-02-01')), endDate: fc.constant(isoDate('2031-02-01')), recurrenceTimeZone: fc.constant(paris) }),
    );
    fc.assert(
      fc.property(pattern, range, (p, r) => {
        const rec = { pattern: p, range: r } as Recurrence;
        expect(fromGraphRecurrence(toGraphRecurrence(rec), paris)).toEqual(rec);
      }),
    );
  });
});

describe('events', () => {
  const draft = {
    subject: 'Entretien de départ avec Émilie',
    bodyHtml: '<div>agenda</div>',
    start: localDateTime('2027-03-03T14:00'),
    end: localDateTime('2027-03-03T15:00'),
    timeZone: paris,
    attendees: [{ email: 'emilie@contoso.example', name: 'Émilie' }],
    teams: true,
    categories: ['Au revoir'],
    showAs: 'busy' as const,
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    tags: { planId: 'p1', role: 'conversation' as const },
  };

  test('a Teams meeting with the leaver as required attendee, tagged, with a transactionId', () => {
    const e = toGraphEvent(draft);
    expect(e).toEqual(
      expect.objectContaining({
        subject: draft.subject,
        body: { contentType: 'html', content: '<div>agenda</div>' },
        start: { dateTime: '2027-03-03T14:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2027-03-03T15:00:00', timeZone: 'Romance Standard Time' },
        attendees: [{ type: 'required', emailAddress: { address: 'emilie@contoso.example', name: 'Émilie' } }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        categories: ['Au revoir'],
        showAs: 'busy',
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        transactionId: 'aurevoir-p1-conversation',
        singleValueExtendedProperties: [
          { id: PLAN_TAG_ID, value: 'p1' },
          { id: ROLE_TAG_ID, value: 'conversation' },
        ],
      }),
    );
    expect(e.location).toBeUndefined();
    expect(e.recurrence).toBeUndefined();
  });

  test('a place instead of Teams, and a private reminder for the manager alone', () => {
    const e = toGraphEvent({ ...draft, teams: false, location: 'Salle Rivoli', attendees: [], private: true, showAs: 'free' });
    expect(e.location).toEqual({ displayName: 'Salle Rivoli' });
    expect(e.isOnlineMeeting).toBeUndefined();
    expect(e.sensitivity).toBe('private');
    expect(e.responseRequested).toBe(false);
    expect(e.showAs).toBe('free');
  });

  test('read back: join link, tags, recurrence', () => {
    const info = fromGraphEvent({
      id: 'e1',
      subject: 's',
      webLink: 'https://outlook/e1',
      onlineMeeting: { joinUrl: 'https://teams/join' },
      start: { dateTime: '2027-03-03T13:00:00.0000000', timeZone: 'UTC' },
      isCancelled: false,
      attendees: [{ emailAddress: { address: 'a@b.c' } }],
      singleValueExtendedProperties: [{ id: PLAN_TAG_ID, value: 'p1' }, { id: ROLE_TAG_ID, value: 'prep' }],
    });
    expect(info).toEqual(expect.objectContaining({ id: 'e1', joinUrl: 'https://teams/join', planId: 'p1', role: 'prep', attendees: ['a@b.c'], timeZone: 'UTC' }));
  });
});

describe('contacts', () => {
  test('the leaver’s details land in the fields Outlook shows', () => {
    const c = toGraphContact({
      displayName: 'Émilie Laurent',
      givenName: 'Émilie',
      surname: 'Laurent',
      emails: [{ address: 'emilie@example.org', name: 'Émilie Laurent' }],
      mobilePhone: '+33612345678',
      businessHomePage: 'https://linkedin.com/in/el',
      companyName: 'Fabrikam',
      jobTitle: 'Lead designer',
      personalNotes: '',
      categories: ['Au revoir'],
      tags: { planId: 'p1', role: 'contact' },
    });
    expect(c).toEqual(
      expect.objectContaining({
        emailAddresses: [{ address: 'emilie@example.org', name: 'Émilie Laurent' }],
        mobilePhone: '+33612345678',
        businessHomePage: 'https://linkedin.com/in/el',
        companyName: 'Fabrikam',
        jobTitle: 'Lead designer',
        categories: ['Au revoir'],
      }),
    );
    expect(fromGraphContact({ ...c, id: 'c1' })).toEqual(expect.objectContaining({ id: 'c1', planId: 'p1', role: 'contact', emails: ['emilie@example.org'] }));
  });

  test('names split into given name and surname', () => {
    expect(splitName('Jean-Baptiste de La Salle')).toEqual({ givenName: 'Jean-Baptiste', surname: 'de La Salle' });
    expect(splitName('Prince')).toEqual({ givenName: 'Prince' });
  });

  test('photos: base64 from a $batch and data URLs for <img>', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const url = toDataUrl('image/png', bytes);
    expect(url).toBe(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });

  const series = (recurrenceTimeZone: string, originalStartTimeZone: string) => ({
    id: 's1',
    originalStartTimeZone,
    recurrence: {
      pattern: { type: 'absoluteMonthly' as const, interval: 3, dayOfMonth: 5 },
      range: { type: 'endDate' as const, startDate: '2025-01-05', endDate: '2030-01-05', recurrenceTimeZone },
    },
  });

  test("a series' zone: recurrenceTimeZone, else originalStartTimeZone, else the mailbox's; never a guess", () => {
    expect(fromGraphEvent(series('India Standard Time', 'UTC')).recurrence?.range.recurrenceTimeZone).toBe('Asia/Kolkata');
    // Read back "" (microsoft-graph-docs issue 6578): the zone the event was created in.
    expect(fromGraphEvent(series('', 'Romance Standard Time')).recurrence?.range.recurrenceTimeZone).toBe('Europe/Paris');
    // Touched in Outlook with a custom zone: neither names a zone, so without a mailbox zone there is no recurrence.
    const custom = fromGraphEvent(series('Customized Time Zone', 'tzone://Microsoft/Custom'));
    expect(custom.recurrence).toBeUndefined();
    expect(custom.recurrenceZoneUnresolved).toMatch(/Customized Time Zone/);
    const withMailbox = fromGraphEventIn(ianaTimeZone('Asia/Kolkata'))(series('Customized Time Zone', 'tzone://Microsoft/Custom'));
    expect(withMailbox.recurrence?.range).toEqual({ type: 'endDate', startDate: '2025-01-05', endDate: '2030-01-05', recurrenceTimeZone: 'Asia/Kolkata' });
    expect(withMailbox.recurrenceZoneUnresolved).toBeUndefined();
  });
});
