import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from '../strings';
import type { ApplyResult } from '../../../hosts/office';
import { ErrorBanner } from '../../../ui';
import type { TemplateAction } from './state';
import { useTemplateStyles } from './styles';

export interface ApplyControlsProps {
  /** Only a meeting being composed can take the template; a message's sender is booked instead. */
  readonly mode: 'compose' | 'sender';
  readonly applying: boolean;
  readonly applied: ApplyResult | undefined;
  readonly applyError: unknown;
  /** The leaver's name, for the result message. */
  readonly name: string;
  readonly onApply: () => void;
  readonly dispatch: Dispatch<TemplateAction>;
}

/** "Apply to this meeting", and what applying did to the item (or why it failed). */
export const ApplyControls = ({ mode, applying, applied, applyError, name, onApply, dispatch }: ApplyControlsProps) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useTemplateStyles();
  return (
    <>
      {mode === 'compose' ? (
        <div className={styles.actions}>
          <Button appearance={applied ? 'secondary' : 'primary'} disabled={applying} onClick={onApply}>
            {applying ? t('template.applying') : t('template.apply')}
          </Button>
          {applying ? <Spinner size="tiny" /> : null}
        </div>
      ) : null}
      {applyError ? <ErrorBanner error={applyError} onDismiss={() => dispatch({ type: 'dismissApplyError' })} /> : null}
      {applied ? (
        <div role="status">
          <MessageBar intent={applied.categoryError ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <Text as="p" block>
                {applied.categoryAdded ? t('template.applied', { name }) : t('template.appliedNoCategory', { name })}
              </Text>
              {applied.teamsBlockKept ? <Text as="p" block>{t('template.teamsKept')}</Text> : null}
              {applied.replacedPrevious ? <Text as="p" block>{t('template.replaced')}</Text> : null}
              {!applied.attendeeAdded ? <Text as="p" block>{t('template.alreadyInvited', { name })}</Text> : null}
              {applied.categoryError ? (
                <Text as="p" block>
                  {t('template.categoryFailed', { reason: String(applied.categoryError.params.officeError ?? applied.categoryError.code) })}
                </Text>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}
    </>
  );
};
