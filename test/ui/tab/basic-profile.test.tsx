// With the app's scopes Graph returns other people as the basic profile (no job title) and no leave dates
// unless the tenant granted them (sandbox/permissions.ts): the Departures screen must still read well.
import { screen, within } from '@testing-library/react';
import { Departures } from '../../../src/apps/tab/screens/Departures';
import type { Departure } from '../../../src/workflows/service';
import { fakeService, renderUi } from '../../fixtures';

jest.setTimeout(20_000);
jest.mock('../../../src/apps/tab/WizardSlot', () => ({ PlanWizard: () => null }));

const store = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

test('a direct report read as the basic profile shows name and mail, and asks for the last day', async () => {
  const basic: Departure = {
    person: { id: 'u-zoe', displayName: 'Zoé Blanc', mail: 'zoe.blanc@contoso.example' },
    source: 'directReport',
    state: 'notPlanned',
  };
  renderUi(<Departures service={fakeService({ departures: async () => [basic] })} lang="en" store={store} now={() => new Date(2026, 10, 25, 10)} />, { lang: 'en' });
  const others = within(await screen.findByRole('list', { name: 'Other direct reports' })).getAllByRole('listitem');
  expect(others).toHaveLength(1);
  expect(others[0]).toHaveTextContent('Zoé Blanc');
  expect(others[0]).toHaveTextContent('zoe.blanc@contoso.example');
  expect(others[0]).not.toHaveTextContent(/undefined|null|·\s*$/);
  expect(within(others[0]!).getByRole('button', { name: /Set the last day/ })).toBeInTheDocument();
});
