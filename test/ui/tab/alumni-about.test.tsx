import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { About } from '../../../src/apps/tab/screens/About';
import { ABOUT, ARTICLE_AUTHOR, ARTICLE_TITLE } from '../../../src/domain/about';
import { Alumni, orderAlumni } from '../../../src/apps/tab/screens/Alumni';
import { alumnus, fakeService, renderUi, throttled } from '../../fixtures';

const at = new Date('2026-11-25T10:00:00Z');
const now = () => at;

const ana = alumnus({ displayName: 'Ana Costa', company: 'Contoso Bank', nextTouchpoint: { eventId: 'e-ana', start: '2027-01-10T09:00:00Z', kind: 'call' } });
const ben = alumnus({ displayName: 'Ben Laurent', overdue: true, nextTouchpoint: { eventId: 'e-ben', start: '2026-11-01T09:00:00Z', kind: 'email' } });
const chloe = alumnus({ displayName: 'Chloé Garnier', nextTouchpoint: { eventId: 'e-chloe', start: '2026-12-05T09:00:00Z', kind: 'lunch' } });

// No pause between keystrokes, and room for a loaded CI machine (jsdom + Fluent are slow).
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

describe('Alumni', () => {
  it('lists overdue ones first, then by next touchpoint, and counts the overdue', async () => {
    const service = fakeService({ listAlumni: () => Promise.resolve([ana, chloe, ben]) });
    renderUi(<Alumni service={service} now={now} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your alumni…');
    const list = await screen.findByRole('list', { name: 'Alumni' });
    const names = within(list).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
    expect(names).toEqual(['Ben Laurent', 'Chloé Garnier', 'Ana Costa']);
    expect(screen.getByText('1 reconnect is overdue')).toBeInTheDocument();
    expect(service.listAlumni).toHaveBeenCalledWith(at);
  });

  it('orders without relying on the service', () => {
    expect(orderAlumni([ana, chloe, ben]).map((a) => a.displayName)).toEqual(['Ben Laurent', 'Chloé Garnier', 'Ana Costa']);
  });

  it('has an empty state in French', async () => {
    renderUi(<Alumni service={fakeService()} now={now} />, { lang: 'fr' });
    expect(await screen.findByRole('region', { name: 'Personne à recontacter pour le moment' })).toBeInTheDocument();
  });

  it('shows a load failure and retries', async () => {
    const service = fakeService();
    service.listAlumni.mockRejectedValueOnce(throttled()).mockResolvedValueOnce([ana]);
    renderUi(<Alumni service={service} now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article')).toHaveTextContent('Ana Costa');
  });

  it('marks someone reconnected through the service, then shows the refreshed notes', async () => {
    const service = fakeService();
    service.listAlumni
      .mockResolvedValueOnce([ben])
      .mockResolvedValueOnce([{ ...ben, overdue: false, notes: ['2026-11-25: call, new job going well'] }]);
    renderUi(<Alumni service={service} now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reconnected' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'What did you talk about?' }), 'call, new job going well');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(service.markReconnected).toHaveBeenCalledWith({ contactId: ben.contactId, note: 'call, new job going well', at });
    expect(await screen.findByText('2026-11-25: call, new job going well')).toBeInTheDocument();
    expect(screen.queryByText('1 reconnect is overdue')).toBeNull();
  });

  it('snoozes and stops reminders through the service', async () => {
    const service = fakeService({ listAlumni: () => Promise.resolve([ben]) });
    renderUi(<Alumni service={service} now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Snooze the next touchpoint with Ben Laurent' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'By 7 days' }));
    await waitFor(() => expect(service.snooze).toHaveBeenCalledWith({ eventId: 'e-ben', days: 7 }));

    service.listAlumni.mockResolvedValue([]);
    await userEvent.click(screen.getByRole('button', { name: 'Stop reminders' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop reminders', hidden: true }));
    await waitFor(() => expect(service.stopReminders).toHaveBeenCalledWith(ben.planId, at));
    // The card leaves the list, but the outcome is still said.
    expect(await screen.findByText('Reminders for Ben Laurent stopped.')).toBeInTheDocument();
  });
});

describe('About', () => {
  it('says what the app is, credits the article by title and author, and gives the version', () => {
    renderUi(<About about={ABOUT} version="0.1.0" mode="sandbox" />);
    const about = screen.getByRole('article', { name: 'About Au revoir' });
    expect(about).toHaveTextContent(`“${ARTICLE_TITLE}”, a column by ${ARTICLE_AUTHOR}`);
    expect(about).toHaveTextContent('Version 0.1.0');
    expect(about).toHaveTextContent('Running on the local demo organisation.');
    // The manifest's privacy and terms links land here.
    const privacy = screen.getByRole('region', { name: 'Privacy and terms' });
    expect(privacy).toHaveTextContent(/stored in your Microsoft 365 mailbox/);
    expect(privacy).toHaveTextContent(/only with the leaver’s consent/);
  });

  it('speaks French', () => {
    renderUi(<About about={ABOUT} version="0.1.0" mode="tenant" />, { lang: 'fr' });
    const about = screen.getByRole('article', { name: 'À propos d’Au revoir' });
    expect(about).toHaveTextContent(ARTICLE_TITLE);
    expect(about).toHaveTextContent(`une chronique de ${ARTICLE_AUTHOR}`);
    expect(about).toHaveTextContent('Connecté à Microsoft 365.');
    expect(screen.getByRole('region', { name: 'Confidentialité et conditions' })).toHaveTextContent(/boîte Microsoft 365/);
  });
});
