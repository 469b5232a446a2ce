import { act, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { Bulk } from '../../../src/apps/tab/screens/Bulk';
import { isoDate, type PlanId } from '../../../src/domain/types';
import type { Plan } from '../../../src/domain/plan/model';
import type { BulkBookingOptions, BulkPlanResult, OrgDeparture, Person, Receipt, SlotSuggestion } from '../../../src/workflows/service';
import { deferred, fakeService, renderUi, throttled } from '../../fixtures';

const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(30_000);

const at = new Date('2026-11-25T10:00:00Z');
const now = () => at;
const nadia: Person = { id: 'u-nadia', displayName: 'Nadia Haddad', mail: 'nadia.haddad@contoso.example', jobTitle: 'HR Business Partner' };
const person = (id: string, displayName: string): Person => ({ id, displayName, mail: `${id}@contoso.example`, jobTitle: 'Engineer' });
const departures: OrgDeparture[] = [
  { person: person('emilie', 'Émilie Laurent'), lastWorkingDay: isoDate('2026-12-07'), manager: { displayName: 'Claire Martin', mail: 'claire.martin@contoso.example' } },
  { person: person('julien', 'Julien Moreau'), lastWorkingDay: isoDate('2026-12-20'), manager: { displayName: 'Paul Girard', mail: 'paul.girard@contoso.example' } },
  { person: person('priya', 'Priya Sharma'), lastWorkingDay: isoDate('2027-01-08') },
];
// The same suggestions for everyone: the screen must give each a different one (she attends them all).
const slots: SlotSuggestion[] = ['2026-11-26T10:00:00+01:00', '2026-11-26T14:00:00+01:00', '2026-11-27T10:00:00+01:00'].map((start) => ({
  start,
  end: start.replace(/T(\d\d)/, (_m, h: string) => `T${h}`).replace(':00:00+', ':45:00+'),
  confidence: 100,
  organizerAvailability: 'free',
}));
const receipt = (planId: PlanId, total = 4): Receipt => ({
  planId,
  objects: Array.from({ length: total }, (_, i) => ({ kind: i === 0 ? 'conversation' : 'touchpoint', key: i === 0 ? undefined : `touchpoint:${i}`, createdNow: true })),
  conversation: { id: `ev-${planId}`, webLink: `https://outlook.office.com/calendar/item/${planId}` },
  complete: true,
  missing: [],
});

const service = (over: Parameters<typeof fakeService>[0] = {}) =>
  fakeService({
    me: () => Promise.resolve(nadia),
    organisationDepartures: () => Promise.resolve({ canReadLeaveDates: true, departures }),
    suggestSlots: () => Promise.resolve(slots),
    ...over,
  });

const row = (name: string) => screen.getByText(name).closest('li') as HTMLElement;

describe('Bulk (the HR partner at scale)', () => {
  it('books every selected departure with a progress bar per plan, a summary, and Retry for the one that failed', async () => {
    const first = deferred<void>();
    let calls = 0;
    const seen: Plan[][] = [];
    const bookPlans = jest.fn(async (plans: readonly Plan[], options?: BulkBookingOptions): Promise<BulkPlanResult[]> => {
      calls += 1;
      seen.push([...plans]);
      for (const p of plans) options?.onPlanProgress?.(p.id, { done: 2, total: 4, phase: 'booking' });
      if (calls === 1) await first.promise;
      const out: BulkPlanResult[] = plans.map((p) =>
        calls === 1 && p.leaver.workEmail.startsWith('julien') ? { planId: p.id, error: throttled() } : { planId: p.id, receipt: receipt(p.id) },
      );
      for (const r of out) options?.onPlanDone?.(r);
      return out;
    });
    const svc = service({ bookPlans });
    renderUi(<Bulk service={svc} lang="en" now={now} />);

    const list = await screen.findByRole('list', { name: 'Departures' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(row('Julien Moreau')).getByText('Manager: Paul Girard')).toBeInTheDocument();
    expect(within(row('Priya Sharma')).getByText('No manager in the directory')).toBeInTheDocument();
    // One agenda, one rhythm: English agenda, quarterly reminders, 60 minutes.
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    await userEvent.click(screen.getByRole('radio', { name: /^Quarterly/ }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Length' }), '60');
    await userEvent.click(screen.getByRole('button', { name: 'Book 3 conversations' }));

    // While booking: one progress bar per plan, named after the person, with its own value.
    const bar = await within(row('Émilie Laurent')).findByRole('progressbar', { name: 'Booking with Émilie Laurent: 2 of 4' });
    expect(bar).toHaveAttribute('aria-valuenow', '2');
    expect(bar).toHaveAttribute('aria-valuemax', '4');
    expect(within(row('Julien Moreau')).getByRole('progressbar', { name: 'Booking with Julien Moreau: 2 of 4' })).toBeInTheDocument();
    expect(screen.getByTestId('bulk-summary')).toHaveTextContent('Booking 3 conversations…');

    const plans = seen[0]!;
    expect(plans).toHaveLength(3);
    expect(plans.every((p) => p.agenda.lang === 'en' && p.cadence.preset === 'quarterly' && p.conversation.durationMinutes === 60)).toBe(true);
    expect(plans.every((p) => p.manager.email === nadia.mail && !p.leaver.consentToKeepContact)).toBe(true);
    // Never two conversations at once for the organiser; the leaver's manager invited.
    expect(new Set(plans.map((p) => p.conversation.start)).size).toBe(3);
    expect(plans.find((p) => p.leaver.workEmail.startsWith('julien'))!.invitees).toEqual([{ displayName: 'Paul Girard', email: 'paul.girard@contoso.example' }]);

    await act(async () => first.resolve());
    const summary = screen.getByTestId('bulk-summary');
    await waitFor(() => expect(summary).toHaveTextContent('2 of 3 booked.'));
    expect(summary).toHaveTextContent('1 not booked');
    expect(summary).toHaveAttribute('aria-live', 'polite');
    expect(within(row('Julien Moreau')).getByText(/^Not booked: /)).toBeInTheDocument();
    expect(within(row('Émilie Laurent')).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
    expect(within(row('Émilie Laurent')).getByRole('link', { name: 'Open the conversation with Émilie Laurent in Outlook' })).toHaveAttribute(
      'href',
      expect.stringContaining('outlook.office.com'),
    );
    expect(screen.getByRole('heading', { name: 'Receipts' })).toBeInTheDocument();

    // Retry books only the failed plan, under the same id (nothing booked twice).
    await userEvent.click(within(row('Julien Moreau')).getByRole('button', { name: 'Retry the booking with Julien Moreau' }));
    await waitFor(() => expect(summary).toHaveTextContent('3 of 3 booked.'));
    expect(seen[1]!.map((p) => p.id)).toEqual([plans.find((p) => p.leaver.workEmail.startsWith('julien'))!.id]);
    expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull();
  });

  it('says so when nobody’s calendar has room before the last day, and books the others', async () => {
    const bookPlans = jest.fn(async (plans: readonly Plan[], options?: BulkBookingOptions) => {
      const out: BulkPlanResult[] = plans.map((p) => ({ planId: p.id, receipt: receipt(p.id) }));
      out.forEach((r) => options?.onPlanDone?.(r));
      return out;
    });
    const svc = service({ bookPlans, suggestSlots: (input) => Promise.resolve(input.attendeeEmail.startsWith('priya') ? [] : slots) });
    renderUi(<Bulk service={svc} lang="en" now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Book 3 conversations' }));
    await waitFor(() => expect(screen.getByTestId('bulk-summary')).toHaveTextContent('2 of 3 booked. 1 without a free time before the last day.'));
    expect(within(row('Priya Sharma')).getByText(/^No free time in your calendars before/)).toBeInTheDocument();
    expect(bookPlans.mock.calls[0]![0]).toHaveLength(2);
  });

  it('books only the selected ones, in French', async () => {
    const bookPlans = jest.fn(async (plans: readonly Plan[]) => plans.map((p): BulkPlanResult => ({ planId: p.id, receipt: receipt(p.id) })));
    renderUi(<Bulk service={service({ bookPlans })} lang="fr" now={now} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Planifier l’entretien avec Priya Sharma' }));
    expect((screen.getByRole('checkbox', { name: 'Tout sélectionner (3)' }) as HTMLInputElement).indeterminate).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Réserver 2 entretiens' }));
    await waitFor(() => expect(bookPlans).toHaveBeenCalled());
    expect(bookPlans.mock.calls[0]![0].map((p) => p.leaver.displayName).sort()).toEqual(['Julien Moreau', 'Émilie Laurent'].sort());
  });

  it('tells a user without the role that leave dates are not readable', async () => {
    renderUi(<Bulk service={service({ organisationDepartures: () => Promise.resolve({ canReadLeaveDates: false, departures: [] }) })} lang="en" now={now} />);
    expect(await screen.findByRole('region', { name: 'Leave dates are not readable with your account' })).toBeInTheDocument();
  });
});
