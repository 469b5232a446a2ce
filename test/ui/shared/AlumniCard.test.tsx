import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { AlumniCard } from '../../../src/ui';
import { alumnus, deferred, renderUi, throttled } from '../../fixtures';

const lucas = alumnus({
  displayName: 'Lucas Moreau',
  company: 'Fabrikam',
  jobTitle: 'Head of design',
  personalEmail: 'lucas@example.org',
  mobilePhone: '+33612345678',
  profileUrl: 'https://www.linkedin.com/in/lucas',
  lastContacted: '2026-03-02T10:00:00Z',
  nextTouchpoint: { eventId: 'ev-1', start: '2026-06-01T08:00:00Z', kind: 'lunch' },
  overdue: true,
  notes: ['2026-03-02: coffee, new job going well', '2025-12-01: call', '2025-09-01: email', '2025-06-01: old'],
});

const handlers = () => ({
  onReconnected: jest.fn(() => Promise.resolve()),
  onSnooze: jest.fn(() => Promise.resolve()),
  onStop: jest.fn(() => Promise.resolve()),
});

// No pause between keystrokes, and room for a loaded CI machine (jsdom + Fluent are slow).
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

describe('AlumniCard', () => {
  it('shows who, where they went, how to reach them, the dates and the latest notes', () => {
    renderUi(<AlumniCard alumnus={lucas} {...handlers()} timeZone="Europe/Paris" />);
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    expect(card).toHaveTextContent('Head of design at Fabrikam');
    expect(within(card).getByText('Overdue')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'lucas@example.org' })).toHaveAttribute('href', 'mailto:lucas@example.org');
    expect(within(card).getByRole('link', { name: '+33612345678' })).toHaveAttribute('href', 'tel:+33612345678');
    expect(within(card).getByRole('link', { name: 'Open profile of Lucas Moreau' })).toHaveAttribute('href', 'https://www.linkedin.com/in/lucas');
    expect(card).toHaveTextContent('2 Mar 2026');
    expect(card).toHaveTextContent('Lunch, 1 Jun 2026');
    expect(within(card).getAllByRole('listitem')).toHaveLength(3);
    expect(card).not.toHaveTextContent('old');
  });

  it('speaks French, and never turns a non-web profile link into a link', () => {
    const sneaky = alumnus({ displayName: 'Inès Roux', profileUrl: 'javascript:alert(1)', company: 'Northwind' });
    renderUi(<AlumniCard alumnus={sneaky} {...handlers()} />, { lang: 'fr' });
    const card = screen.getByRole('article', { name: 'Inès Roux' });
    expect(card).toHaveTextContent('Chez Northwind');
    expect(card).toHaveTextContent('Dernier échange');
    expect(card).toHaveTextContent('Pas encore');
    expect(card).toHaveTextContent('Aucune coordonnée personnelle enregistrée.');
    expect(within(card).queryByRole('link')).toBeNull();
    // No next touchpoint: nothing to snooze.
    expect(within(card).queryByRole('button', { name: /Reporter/ })).toBeNull();
  });

  it('logs a reconnection with its note', async () => {
    const h = handlers();
    renderUi(<AlumniCard alumnus={lucas} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reconnected' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'What did you talk about?' }), '  Lunch at the new office ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(h.onReconnected).toHaveBeenCalledWith('Lunch at the new office');
    expect(await screen.findByText('Noted: you reconnected with Lucas Moreau.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('snoozes the next touchpoint from a menu', async () => {
    const h = handlers();
    renderUi(<AlumniCard alumnus={lucas} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Snooze the next touchpoint with Lucas Moreau' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'By 14 days' }));
    expect(h.onSnooze).toHaveBeenCalledWith('ev-1', 14);
    expect(await screen.findByText('Next touchpoint with Lucas Moreau moved.')).toBeInTheDocument();
  });

  it('asks before stopping reminders, and a cancel stops nothing', async () => {
    const h = handlers();
    renderUi(<AlumniCard alumnus={lucas} {...h} />);
    await userEvent.click(screen.getByRole('button', { name: 'Stop reminders' }));
    // In jsdom, tabster's modalizer leaves aria-hidden on the surface (not so in browsers), which
    // also blanks its accessible name: find it with hidden: true and read its labelling title.
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)).toHaveTextContent('Stop reminders for Lucas Moreau?');
    expect(dialog).toHaveTextContent('The contact stays in Outlook.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(h.onStop).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Stop reminders' }));
    const again = await screen.findByRole('dialog', { hidden: true });
    await userEvent.click(within(again).getByRole('button', { name: 'Stop reminders', hidden: true }));
    expect(h.onStop).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Reminders for Lucas Moreau stopped.')).toBeInTheDocument();
  });

  it('shows a failed action in the UI language and retries it', async () => {
    const h = handlers();
    const first = deferred<void>();
    h.onReconnected.mockImplementationOnce(() => first.promise);
    renderUi(<AlumniCard alumnus={lucas} {...h} />, { lang: 'fr' });
    await userEvent.click(screen.getByRole('button', { name: "C'est fait" }));
    await userEvent.type(screen.getByRole('textbox', { name: 'De quoi avez-vous parlé ?' }), 'Appel');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByText('Enregistrement…')).toBeInTheDocument();
    first.reject(throttled());
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft 365 est très sollicité.');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(h.onReconnected).toHaveBeenCalledTimes(2);
    expect(h.onReconnected).toHaveBeenLastCalledWith('Appel');
    expect(await screen.findByText(/vous avez repris contact avec Lucas Moreau/)).toBeInTheDocument();
  });
});
