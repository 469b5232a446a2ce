import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError } from '../../../../src/domain/errors';
import type { Plan } from '../../../../src/domain/plan/model';
import type { BookingProgress, Receipt } from '../../../../src/workflows/service';
import { fakeService, receiptFor } from '../../../fixtures';
import { chooseFirstSlot, renderWizard } from '../../../fixtures/wizard';

jest.setTimeout(30_000);

type User = ReturnType<typeof userEvent.setup>;

const toReview = async (user: User, next = 'Next') => {
  await chooseFirstSlot(user, next);
  for (let i = 0; i < 3; i += 1) await user.click(screen.getByRole('button', { name: next }));
};

describe('PlanWizard — Review and booking', () => {
  it('shows validation problems on the field they concern, in the UI language, on the first step with one', async () => {
    const user = userEvent.setup();
    const { service } = renderWizard({ lang: 'fr' });
    await chooseFirstSlot(user, 'Suivant');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    await user.click(screen.getByRole('textbox', { name: 'E-mail personnel' }));
    await user.paste('pas-une-adresse');
    await user.click(screen.getByRole('checkbox', { name: /accepte/ }));
    await user.click(screen.getByRole('button', { name: '5. Récapitulatif' }));
    await user.click(screen.getByRole('button', { name: 'Tout réserver' }));

    expect(service.bookPlan).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Garder le contact', level: 3 })).toHaveFocus();
    const email = screen.getByRole('textbox', { name: 'E-mail personnel' });
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/adresse/i);
    expect(screen.getByRole('button', { name: /Garder le contact \(à corriger\)/ })).toBeInTheDocument();

    // Fixing the field clears its message.
    await user.clear(email);
    expect(email).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('puts an agenda problem on the section field it concerns, with the section open', async () => {
    const user = userEvent.setup();
    const { service } = renderWizard();
    await chooseFirstSlot(user);
    await user.click(screen.getByRole('button', { name: /^Section 2:/ }));
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    // Close it again: the jump back must reopen it.
    await user.click(screen.getByRole('button', { name: /^Section 2:/ }));
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '5. Review' }));
    await user.click(screen.getByRole('button', { name: 'Book everything' }));

    expect(service.bookPlan).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Agenda', level: 3 })).toHaveFocus();
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Give this section a title.');
  });

  it('books into the plan a reload interrupted for this leaver, so the retry finds what Graph already created', async () => {
    const user = userEvent.setup();
    const pendingPlanFor = jest.fn(async () => 'plan-started-before-the-reload' as Plan['id']);
    const bookPlan = jest.fn(async (plan: Plan) => receiptFor(plan.id));
    renderWizard({ service: fakeService({ bookPlan, pendingPlanFor }) });
    await toReview(user);
    await user.click(screen.getByRole('button', { name: 'Book everything' }));
    await waitFor(() => expect(bookPlan).toHaveBeenCalled());
    expect(pendingPlanFor).toHaveBeenCalledWith('emilie.laurent@contoso.example');
    expect(bookPlan.mock.calls[0]![0].id).toBe('plan-started-before-the-reload');
  });

  it('books a fresh plan when nothing was interrupted', async () => {
    const user = userEvent.setup();
    const bookPlan = jest.fn(async (plan: Plan) => receiptFor(plan.id));
    renderWizard({ service: fakeService({ bookPlan, pendingPlanFor: jest.fn(async () => undefined) }) });
    await toReview(user);
    await user.click(screen.getByRole('button', { name: 'Book everything' }));
    await waitFor(() => expect(bookPlan).toHaveBeenCalled());
    expect(bookPlan.mock.calls[0]![0].id).not.toBe('plan-started-before-the-reload');
    expect(bookPlan.mock.calls[0]![0].id).toMatch(/\S{8,}/);
  });

  it('books the plan with progress, then shows links into Outlook and Teams', async () => {
    const user = userEvent.setup();
    let finish: (r: Receipt) => void = () => undefined;
    let report: (p: BookingProgress) => void = () => undefined;
    const bookPlan = jest.fn(
      (_plan: Plan, onProgress?: (p: BookingProgress) => void) =>
        new Promise<Receipt>((resolve) => {
          finish = resolve;
          report = onProgress ?? report;
        }),
    );
    const { onBooked } = renderWizard({ service: fakeService({ bookPlan }) });
    await toReview(user);
    expect(screen.getByText('Invitee: Émilie Laurent (emilie.laurent@contoso.example)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Book everything' }));

    const plan = bookPlan.mock.calls[0]![0];
    expect(plan.leaver.workEmail).toBe('emilie.laurent@contoso.example');
    expect(plan.conversation).toEqual(
      expect.objectContaining({ start: '2026-12-03T10:00:00', durationMinutes: 45, timeZone: 'Europe/Paris', place: { kind: 'teams' } }),
    );
    expect(plan.agenda.lang).toBe('en');
    expect(plan.reconnect).toBe(true);

    report({ done: 2, total: 9, phase: 'booking' });
    expect(await screen.findByText('Booking 2 of 9…')).toBeInTheDocument();
    finish(receiptFor(plan.id));

    expect(await screen.findByText('The conversation with Émilie Laurent is in your calendar.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the invite in Outlook' })).toHaveAttribute('href', 'https://outlook.example/event/e1');
    expect(screen.getByRole('link', { name: 'Open the contact in Outlook' })).toHaveAttribute('href', 'https://outlook.example/contact/c1');
    expect(screen.getByRole('link', { name: 'Join link for the Teams meeting' })).toHaveAttribute('href', 'https://teams.example/join/e1');
    expect(onBooked).toHaveBeenCalledWith(expect.objectContaining({ planId: plan.id, complete: true }));
    expect(screen.queryByRole('button', { name: 'Finish booking' })).not.toBeInTheDocument();
  });

  it('after a booking that failed half-way, finishes it with the same plan and tells new from already there', async () => {
    const user = userEvent.setup();
    const bookPlan = jest
      .fn()
      .mockRejectedValueOnce(new AppError({ code: 'network' }))
      .mockImplementationOnce(async (plan: Plan) =>
        receiptFor(plan.id, {
          objects: [
            { kind: 'category', createdNow: false },
            { kind: 'contact', id: 'c1', createdNow: false },
            { kind: 'conversation', id: 'e1', createdNow: false },
            { kind: 'touchpoint', key: '0', id: 't0', createdNow: true },
          ],
        }),
      );
    const { onClose } = renderWizard({ service: fakeService({ bookPlan }) });
    await toReview(user);
    await user.click(screen.getByRole('button', { name: 'Book everything' }));

    expect(await screen.findByText(/The connection dropped/)).toBeInTheDocument();
    expect(screen.getByText(/nothing will be created twice/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finish booking' }));

    await screen.findByText('The conversation with Émilie Laurent is in your calendar.');
    expect(bookPlan).toHaveBeenCalledTimes(2);
    expect(bookPlan.mock.calls[1][0]).toBe(bookPlan.mock.calls[0][0]);
    const items = within(screen.getByRole('list', { name: /What is in your mailbox/ })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Category "Au revoir"Already there',
      'ContactAlready there',
      'Exit conversationAlready there',
      // Each reminder reads as its kind and date, as on the Reconnect step.
      'Call · Mon, 18 January 2027 at 11:00Created now',
    ]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('offers to finish an incomplete receipt and shows what is missing', async () => {
    const user = userEvent.setup();
    const bookPlan = jest
      .fn()
      .mockImplementationOnce(async (plan: Plan) =>
        receiptFor(plan.id, {
          complete: false,
          missing: ['series'],
          objects: [{ kind: 'conversation', id: 'e1', createdNow: true }],
          contact: { id: 'c1' },
        }),
      )
      .mockImplementationOnce(async (plan: Plan) => receiptFor(plan.id));
    renderWizard({ service: fakeService({ bookPlan }) });
    await toReview(user);
    await user.click(screen.getByRole('button', { name: 'Book everything' }));
    expect(await screen.findByText('Partly booked', { selector: 'h3' })).toBeInTheDocument();
    expect(screen.getByText('Recurring reminders').parentElement).toHaveTextContent('Missing');
    // Graph gives a contact no webLink: the receipt points to Outlook's People page instead.
    expect(screen.getByRole('link', { name: 'Find Émilie Laurent in your Outlook contacts (category "Au revoir")' })).toHaveAttribute(
      'href',
      'https://outlook.office.com/people/',
    );
    await user.click(screen.getByRole('button', { name: 'Finish booking' }));
    await waitFor(() => expect(bookPlan).toHaveBeenCalledTimes(2));
    expect(bookPlan.mock.calls[1][0].id).toBe(bookPlan.mock.calls[0][0].id);
    expect(await screen.findByText('The conversation with Émilie Laurent is in your calendar.')).toBeInTheDocument();
  });
});
