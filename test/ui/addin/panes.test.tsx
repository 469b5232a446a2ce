/**
 * What the add-in's panes do with answers that come late or fail, as the user sees it: the template
 * form is never reset by a stale answer, and the alumni card stays on screen next to a failed read.
 */
import { StrictMode } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import user from '@testing-library/user-event';
import '../../../src/apps/addin/strings';
import { AlumniPane } from '../../../src/apps/addin/AlumniPane';
import { TemplatePane } from '../../../src/apps/addin/TemplatePane';
import { AppError } from '../../../src/domain/errors';
import { officeMailItem } from '../../../src/hosts/office';
import { AppProviders, resetI18nForTests } from '../../../src/ui';
import type { Person } from '../../../src/workflows/service';
import { addinService, claire, deferred, fixedPlanId, renderUi, sarah, sarahAlumna } from '../../fixtures';
import { outlookMock } from './outlook-mock';

const NOW = new Date('2026-11-25T10:00:00Z');
jest.setTimeout(20_000);
const userEvent = user.setup({ delay: null });

describe('the template pane', () => {
  it('drops the answer of a first load that comes back late: what the user chose stays', async () => {
    const answers: ReturnType<typeof deferred<Person>>[] = [];
    const service = addinService({
      me: jest.fn(() => {
        const d = deferred<Person>();
        answers.push(d);
        return d.promise;
      }),
    });
    const item = officeMailItem(outlookMock({ kind: 'appointmentCompose', required: [{ emailAddress: sarah.mail, displayName: sarah.displayName }] }).office);
    // StrictMode mounts twice: the first mount's request is the stale one.
    resetI18nForTests();
    render(
      <StrictMode>
        <AppProviders lang="en" theme="default">
          <TemplatePane item={item} service={service} mode="compose" categoriesSupported now={() => NOW} newPlanId={fixedPlanId} />
        </AppProviders>
      </StrictMode>,
    );
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!.resolve(claire);
    const length = await screen.findByRole('combobox', { name: 'Length' });
    await userEvent.selectOptions(length, '60');
    // Let the stale answer run through every await of the load (a macrotask comes after all of them).
    await act(async () => {
      answers[0]!.resolve({ ...claire, displayName: 'Stale Claire' });
      await new Promise((settled) => setTimeout(settled, 0));
    });
    expect(screen.getByRole('combobox', { name: 'Length' })).toHaveValue('60');
    expect(screen.getByRole('combobox', { name: /Who is leaving/ })).toHaveDisplayValue('Sarah Johnson <sarah.johnson@contoso.example>');
  });
});

describe('the alumni pane', () => {
  it('keeps the card it was given next to a failed read, and Try again reads without hiding it', async () => {
    const service = addinService();
    service.listAlumni.mockRejectedValueOnce(new AppError({ code: 'graph.throttled' })).mockResolvedValueOnce([sarahAlumna]);
    const item = officeMailItem(outlookMock({ kind: 'appointmentRead', subject: 'Give Sarah Johnson a call to catch up', itemId: 'EWS-reminder-1' }).office);
    renderUi(<AlumniPane item={item} service={service} now={() => NOW} initial={sarahAlumna} />);
    const alert = await screen.findByRole('alert');
    expect(screen.getByRole('article', { name: /Sarah Johnson/ })).toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('article', { name: /Sarah Johnson/ })).toBeInTheDocument();
    await screen.findByText('sarah.j@example.org');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(service.listAlumni).toHaveBeenCalledTimes(2);
  });
});
