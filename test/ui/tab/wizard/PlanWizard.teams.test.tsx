import { screen, waitFor } from '@testing-library/react';
jest.setTimeout(30_000);
import { ReceiptView } from '../../../../src/apps/tab/wizard/Receipt';
import { useWizardT } from '../../../../src/apps/tab/wizard/i18n';
import type { Lang } from '../../../../src/domain/types';
import type { Receipt } from '../../../../src/workflows/service';
import { fakeService, receiptFor, renderUi } from '../../../fixtures';
import { renderWizard } from '../../../fixtures/wizard';

describe('PlanWizard — Teams only where the mailbox allows it', () => {
  it('offers a Teams meeting when the calendar allows Teams, and starts with it', async () => {
    const service = fakeService();
    renderWizard({ service });
    const teams = await screen.findByRole('radio', { name: 'Teams meeting' });
    await waitFor(() => expect(teams).toBeEnabled());
    expect(teams).toBeChecked();
    expect(service.onlineMeetings).toHaveBeenCalled();
    expect(screen.queryByText(/Teams meetings are not available/)).not.toBeInTheDocument();
  });

  it('where Teams is not allowed, offers no Teams meeting, says why, and switches to a place', async () => {
    renderWizard({ service: fakeService({ onlineMeetings: jest.fn(async () => ({ teamsAllowed: false })) }) });
    expect(await screen.findByText('Teams meetings are not available in your mailbox, so the conversation takes place in person.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Teams meeting' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radio', { name: 'At the office' })).toBeChecked());
    expect(screen.getByRole('textbox', { name: /Place|Where|Location/i })).toBeInTheDocument();
  });

  it('says it in French too', async () => {
    renderWizard({ lang: 'fr', service: fakeService({ onlineMeetings: jest.fn(async () => ({ teamsAllowed: false })) }) });
    expect(await screen.findByText(/Votre boîte aux lettres ne permet pas de créer des réunions Teams/)).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Réunion Teams' })).not.toBeInTheDocument();
  });

  it('while the answer is unknown (the read failed) Teams cannot be chosen', async () => {
    renderWizard({ service: fakeService({ onlineMeetings: jest.fn(async () => Promise.reject(new Error('offline'))) }) });
    await waitFor(() => expect(screen.getByRole('radio', { name: 'At the office' })).toBeChecked());
    expect(screen.getByRole('radio', { name: 'Teams meeting' })).toBeDisabled();
  });
});

describe('Receipt — a Teams meeting Exchange did not make', () => {
  const Harness = (props: { lang: Lang; receipt: Receipt; teamsRequested: boolean }) => {
    const t = useWizardT(props.lang);
    return (
      <ReceiptView t={t} lang={props.lang} leaverName="Émilie Laurent" receipt={props.receipt} teamsRequested={props.teamsRequested} finishing={false} onFinish={() => undefined} onDone={() => undefined} />
    );
  };
  const show = (lang: Lang, receipt: Receipt, teamsRequested = true) => {
    renderUi(<Harness lang={lang} receipt={receipt} teamsRequested={teamsRequested} />, { lang });
  };
  const noLink = (): Receipt => ({ ...receiptFor('p1'), conversation: { id: 'e1', webLink: 'https://outlook.example/event/e1' } });

  it('says plainly when the answer has no join link (en)', () => {
    show('en', noLink());
    expect(screen.getByText('No Teams link')).toBeInTheDocument();
    expect(screen.getByText(/your mailbox added no join link/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Join link for the Teams meeting' })).not.toBeInTheDocument();
  });

  it('and in French', () => {
    show('fr', noLink());
    expect(screen.getByText('Pas de lien Teams')).toBeInTheDocument();
  });

  it('says nothing of Teams when the join link is there, or when a place was chosen', () => {
    show('en', receiptFor('p1'));
    expect(screen.getByRole('link', { name: 'Join link for the Teams meeting' })).toBeInTheDocument();
    expect(screen.queryByText('No Teams link')).not.toBeInTheDocument();
  });

  it('a place was chosen: no Teams warning', () => {
    show('en', noLink(), false);
    expect(screen.queryByText('No Teams link')).not.toBeInTheDocument();
  });
});
