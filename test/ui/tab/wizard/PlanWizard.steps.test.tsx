import { screen, within } from '@testing-library/react';
jest.setTimeout(30_000);
import userEvent from '@testing-library/user-event';
import { defaultAgenda, renderInviteHtml } from '../../../../src/domain/agenda';
import { chooseFirstSlot, renderWizard } from '../../../fixtures/wizard';

const preview = () => screen.getByTitle('Preview of the invite body').getAttribute('srcdoc') ?? '';

describe('PlanWizard — Agenda', () => {
  it('previews exactly the invite body the booking renders, and follows every edit', async () => {
    const user = userEvent.setup();
    renderWizard();
    await chooseFirstSlot(user);

    const expected = renderInviteHtml({
      agenda: defaultAgenda('en'),
      durationMinutes: 45,
      leaverName: 'Émilie Laurent',
      managerName: 'Claire Martin',
    });
    expect(preview()).toContain(expected);

    // Rename the first section: the preview carries the new title, escaped.
    const first = defaultAgenda('en').sections[0]!;
    await user.click(screen.getByRole('button', { name: new RegExp(`Section 1: ${first.title}`) }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.paste('Coffee <b>first</b>');
    expect(preview()).toContain('Coffee &lt;b&gt;first&lt;/b&gt;');
    expect(preview()).not.toContain('<b>first</b>');

    // Move it down: it becomes section 2.
    await user.click(screen.getByRole('button', { name: 'Move section "Coffee <b>first</b>" down' }));
    expect(screen.getByRole('button', { name: /Section 2: Coffee <b>first<\/b>/ })).toBeInTheDocument();
    const html = preview();
    expect(html.indexOf('Coffee &lt;b&gt;')).toBeGreaterThan(html.indexOf(defaultAgenda('en').sections[1]!.title));

    // Remove it: seven sections become six.
    await user.click(screen.getByRole('button', { name: 'Remove section "Coffee <b>first</b>"' }));
    expect(screen.queryByText(/Coffee/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Section \d+:/ })).toHaveLength(6);
  });

  it('edits prompts and shows the minutes of each section summing to the length', async () => {
    const user = userEvent.setup();
    renderWizard();
    await chooseFirstSlot(user);
    const minutes = screen
      .getAllByRole('button', { name: /^Section \d+:/ })
      .map((b) => Number(/(\d+) min/.exec(b.textContent ?? '')?.[1]));
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(45);

    const firstHeader = screen.getAllByRole('button', { name: /^Section 1:/ })[0]!;
    await user.click(firstHeader);
    const before = screen.getAllByRole('textbox', { name: /^Question \d+$/ }).length;
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const prompts = screen.getAllByRole('textbox', { name: /^Question \d+$/ });
    expect(prompts).toHaveLength(before + 1);
    await user.clear(prompts[before]!);
    await user.paste('What would you keep?');
    expect(preview()).toContain('What would you keep?');
    await user.click(screen.getByRole('button', { name: `Move question ${before + 1} up` }));
    expect(screen.getByRole('textbox', { name: `Question ${before}` })).toHaveValue('What would you keep?');
    await user.click(screen.getByRole('button', { name: `Remove question ${before}` }));
    expect(preview()).not.toContain('What would you keep?');
  });

  it('chooses the agenda language apart from the UI, and never puts the prep notes in the invite', async () => {
    const user = userEvent.setup();
    renderWizard();
    await chooseFirstSlot(user);
    await user.click(screen.getByRole('radio', { name: 'French' }));
    expect(preview()).toContain(
      renderInviteHtml({ agenda: defaultAgenda('fr'), durationMinutes: 45, leaverName: 'Émilie Laurent', managerName: 'Claire Martin' }),
    );
    // The UI stays in English.
    expect(screen.getByRole('heading', { name: 'Agenda', level: 3 })).toBeInTheDocument();

    const notes = screen.getByRole('textbox', { name: /Private prep notes/ });
    expect(screen.getByText('Never sent')).toBeInTheDocument();
    expect(screen.getByText(/never sent to Émilie Laurent/)).toBeInTheDocument();
    await user.click(notes);
    await user.paste('Mention the salary review');
    expect(preview()).not.toContain('salary');
  });
});

describe('PlanWizard — Stay in touch', () => {
  it('asks for consent as soon as a personal detail is typed', async () => {
    const user = userEvent.setup();
    renderWizard();
    await chooseFirstSlot(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Stay in touch', level: 3 })).toHaveFocus();
    expect(screen.queryByText(/Tick the consent box/)).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Personal email' }), 'emilie@example.org');
    expect(screen.getByText(/Tick the consent box/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Émilie Laurent agrees/ }));
    expect(screen.queryByText(/Tick the consent box/)).not.toBeInTheDocument();
  });
});

describe('PlanWizard — Reconnect', () => {
  const goToReconnect = async (user: ReturnType<typeof userEvent.setup>, lang: 'en' | 'fr' = 'en') => {
    renderWizard({ lang });
    const next = lang === 'fr' ? 'Suivant' : 'Next';
    await chooseFirstSlot(user, next);
    await user.click(screen.getByRole('button', { name: next }));
    await user.click(screen.getByRole('button', { name: next }));
  };

  it('lays the preset out as a timeline of kinds and dates, with the series described', async () => {
    const user = userEvent.setup();
    await goToReconnect(user);
    // gentle: months 1 and 3, then 6, 12, 18, 24.
    expect(screen.getByRole('heading', { name: /Timeline · 6 touchpoints/ })).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: /Timeline/ })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Call.*January.*2027.*month 1/);
    expect(items[1]).toHaveTextContent(/Email.*March.*month 3/);
    expect(items[2]).toHaveTextContent(/Lunch.*June.*month 6/);
    expect(screen.getByText(/Recurring series/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /^Yearly/ }));
    expect(screen.getByRole('heading', { name: /Timeline · 5 touchpoints/ })).toBeInTheDocument();
  });

  it('builds a custom rhythm and says when the months make no sense', async () => {
    const user = userEvent.setup();
    await goToReconnect(user);
    await user.click(screen.getByRole('radio', { name: /^Custom/ }));
    const early = screen.getByRole('textbox', { name: /One-off reminders/ });
    await user.clear(early);
    await user.type(early, '2');
    await user.clear(screen.getByRole('spinbutton', { name: /Then every/ }));
    await user.clear(screen.getByRole('spinbutton', { name: /Starting at month/ }));
    await user.clear(screen.getByRole('spinbutton', { name: /Until month/ }));
    expect(screen.getByRole('heading', { name: /Timeline · 1 touchpoint$/ })).toBeInTheDocument();
    await user.type(early, ', x');
    expect(screen.getByRole('alert')).toHaveTextContent('This rhythm cannot be laid out');
  });

  it('speaks French when the UI does', async () => {
    const user = userEvent.setup();
    await goToReconnect(user, 'fr');
    expect(screen.getByRole('heading', { name: 'Se revoir', level: 3 })).toHaveFocus();
    expect(screen.getByRole('heading', { name: /Calendrier des rappels · 6 rappels/ })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: /Calendrier/ })).getAllByRole('listitem')[0]).toHaveTextContent(/Appel.*janvier 2027/);
  });
});
