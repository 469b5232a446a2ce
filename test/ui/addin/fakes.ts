import { isoDate, ianaTimeZone, planId, DEFAULT_WORKING_HOURS, type PlanId } from '../../../src/domain/types';
import type { Alumnus, AuRevoirService, Receipt } from '../../../src/workflows/service';
import type { Plan } from '../../../src/domain/plan/model';

export const CLAIRE = { id: 'u-claire', displayName: 'Claire Martin', mail: 'claire.martin@contoso.example' };
export const SARAH = { id: 'u-sarah', displayName: 'Sarah Johnson', mail: 'sarah.johnson@contoso.example', jobTitle: 'Senior Software Engineer' };
export const LEA = { id: 'u-lea', displayName: 'Léa Dubois', mail: 'lea.dubois@contoso.example', jobTitle: 'Analyste de données' };

export const receiptFor = (plan: Plan, reminders = 3): Receipt => ({
  planId: plan.id,
  objects: [
    { kind: 'category', createdNow: true },
    { kind: 'contact', id: 'c1', createdNow: true },
    ...Array.from({ length: reminders }, (_, i) => ({ kind: 'touchpoint' as const, key: String(i), id: `e${i}`, createdNow: true })),
  ],
  contact: { id: 'c1' },
  complete: true,
  missing: [],
});

/** An AuRevoirService whose every method is a jest mock with a plausible answer. */
export const fakeService = (over: Partial<AuRevoirService> = {}): jest.Mocked<AuRevoirService> =>
  ({
    me: jest.fn(async () => CLAIRE),
    mailboxSettings: jest.fn(async () => ({ timeZone: ianaTimeZone('Europe/Paris'), workingHours: DEFAULT_WORKING_HOURS })),
    departures: jest.fn(async () => [
      { person: SARAH, lastWorkingDay: isoDate('2026-12-18'), source: 'directReport' as const, state: 'notPlanned' as const },
    ]),
    searchPeople: jest.fn(async (q: string) => [SARAH, LEA].filter((p) => p.displayName.toLowerCase().includes(q.toLowerCase()))),
    suggestSlots: jest.fn(async () => []),
    checkSlot: jest.fn(async () => ({ free: true, busy: [] })),
    bookPlan: jest.fn(async (plan: Plan) => receiptFor(plan)),
    listAlumni: jest.fn(async () => []),
    markReconnected: jest.fn(async () => undefined),
    snooze: jest.fn(async () => undefined),
    stopReminders: jest.fn(async () => undefined),
    cancelPlan: jest.fn(async () => undefined),
    ...over,
  }) as jest.Mocked<AuRevoirService>;

export const ALUMNUS: Alumnus = {
  planId: planId('plan-sarah'),
  contactId: 'contact-sarah',
  displayName: 'Sarah Johnson',
  personalEmail: 'sarah.j@example.org',
  mobilePhone: '+1 212 555 0142',
  company: 'Fabrikam',
  jobTitle: 'Staff Engineer',
  lastContacted: '2027-01-10T10:00:00Z',
  nextTouchpoint: { eventId: 'rest:v2.0:EWS-reminder-1', start: '2027-02-01T08:00:00Z', kind: 'call' },
  overdue: false,
  notes: ['2027-01-10: lunch, loves the new job'],
};

export const fixedPlanId = (): PlanId => planId('11111111-2222-4333-8444-555555555555');
