import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import { initI18n, resetI18nForTests } from '../../../../src/ui/i18n';
import type { AuRevoirService, MailboxSettings, Person, Receipt, SlotSuggestion } from '../../../../src/workflows/service';
import { ianaTimeZone, isoDate, planId, type Lang } from '../../../../src/domain/types';
import { PlanWizard, type PlanWizardProps } from '../../../../src/apps/tab/wizard/PlanWizard';

/** Tuesday 1 December 2026, 09:00 in Paris. */
export const NOW = new Date('2026-12-01T08:00:00Z');
export const LAST_DAY = isoDate('2026-12-18');

export const manager: Person = { id: 'u-claire', displayName: 'Claire Martin', mail: 'claire.martin@contoso.example' };
export const leaver: Person = {
  id: 'u-emilie',
  displayName: 'Émilie Laurent',
  mail: 'emilie.laurent@contoso.example',
  jobTitle: 'Product designer',
};
export const settings: MailboxSettings = {
  timeZone: ianaTimeZone('Europe/Paris'),
  workingHours: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '09:00',
    endTime: '18:00',
    timeZone: ianaTimeZone('Europe/Paris'),
  },
};

export const slot = (start: string, end: string, confidence = 100): SlotSuggestion => ({
  start,
  end,
  confidence,
  organizerAvailability: 'free',
});

/** Thursday 3 Dec 10:00 and Monday 7 Dec 14:30 Paris time; the others must be filtered out. */
export const SLOTS: SlotSuggestion[] = [
  slot('2026-12-03T09:00:00Z', '2026-12-03T09:45:00Z'),
  slot('2026-12-07T13:30:00Z', '2026-12-07T14:15:00Z'),
  // Saturday: not a working day.
  slot('2026-12-05T10:00:00Z', '2026-12-05T10:45:00Z'),
  // After the last day.
  slot('2026-12-21T10:00:00Z', '2026-12-21T10:45:00Z'),
  // 19:00 in Paris: after working hours.
  slot('2026-12-08T18:00:00Z', '2026-12-08T18:45:00Z'),
];

export const receiptFor = (id: string, overrides: Partial<Receipt> = {}): Receipt => ({
  planId: planId(id),
  objects: [
    { kind: 'category', createdNow: true },
    { kind: 'contact', id: 'c1', webLink: 'https://outlook.example/contact/c1', createdNow: true },
    { kind: 'conversation', id: 'e1', webLink: 'https://outlook.example/event/e1', createdNow: true },
  ],
  conversation: { id: 'e1', webLink: 'https://outlook.example/event/e1', joinUrl: 'https://teams.example/join/e1' },
  contact: { id: 'c1', webLink: 'https://outlook.example/contact/c1' },
  complete: true,
  missing: [],
  ...overrides,
});

export const fakeService = (overrides: Partial<AuRevoirService> = {}): jest.Mocked<AuRevoirService> =>
  ({
    me: jest.fn(async () => manager),
    mailboxSettings: jest.fn(async () => settings),
    departures: jest.fn(async () => []),
    searchPeople: jest.fn(async () => []),
    suggestSlots: jest.fn(async () => SLOTS),
    checkSlot: jest.fn(async () => ({ free: true, busy: [] })),
    bookPlan: jest.fn(async (plan) => receiptFor(plan.id)),
    listAlumni: jest.fn(async () => []),
    markReconnected: jest.fn(async () => undefined),
    snooze: jest.fn(async () => undefined),
    stopReminders: jest.fn(async () => undefined),
    cancelPlan: jest.fn(async () => undefined),
    ...overrides,
  }) as jest.Mocked<AuRevoirService>;

export const renderWizard = (
  opts: { lang?: Lang; service?: AuRevoirService; onBooked?: jest.Mock; onClose?: jest.Mock } = {},
) => {
  const lang = opts.lang ?? 'en';
  resetI18nForTests();
  const i18n = initI18n(lang);
  const service = opts.service ?? fakeService();
  const onBooked = opts.onBooked ?? jest.fn();
  const onClose = opts.onClose ?? jest.fn();
  const props: PlanWizardProps = {
    service,
    manager,
    settings,
    leaver,
    lastWorkingDay: LAST_DAY,
    lang,
    onClose,
    onBooked,
    now: () => NOW,
  };
  const ui = (el: ReactElement) => (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{el}</FluentProvider>
    </I18nextProvider>
  );
  const result = render(ui(<PlanWizard {...props} />));
  return { ...result, service, onBooked, onClose };
};

/** Chooses the first suggested time and goes to the next step. */
export const chooseFirstSlot = async (user: { click(el: Element): Promise<void> }, nextName = 'Next') => {
  const { screen } = await import('@testing-library/react');
  const first = await screen.findByRole('radio', { name: /3 December|3 décembre/ }, { timeout: 5000 });
  await user.click(first);
  await user.click(screen.getByRole('button', { name: nextName }));
};
