import type { PlanId } from '../../domain/types';
import type { MailItemPort } from '../../hosts/office';
import { ErrorBanner, LoadingState, useLoad } from '../../ui';
import type { AuRevoirService } from '../../workflows/service';
import { TemplateForm } from './template/TemplateForm';
import { loadTemplateContext } from './template/load';

export interface TemplatePaneProps {
  readonly item: MailItemPort;
  readonly service: AuRevoirService;
  /** `compose`: apply to the meeting being composed. `sender`: book it all for a message's sender. */
  readonly mode: 'compose' | 'sender';
  readonly categoriesSupported: boolean;
  readonly now: () => Date;
  readonly newPlanId: () => PlanId;
}

/**
 * The exit-conversation flow in Outlook: reads the item and the mailbox once (the pane is remounted for
 * another item), then shows the form (./template), which starts from what was read. An answer that comes
 * back late (a first mount's, under StrictMode) is dropped by useLoad, so it never resets what the user typed.
 */
export const TemplatePane = (props: TemplatePaneProps) => {
  const { item, service, mode } = props;
  const { state, reload } = useLoad(() => loadTemplateContext(service, item, mode));
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={() => void reload()} />;
  if (state.status === 'loading') return <LoadingState />;
  return <TemplateForm {...props} ctx={state.data} />;
};
