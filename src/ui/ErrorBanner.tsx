import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AppError, messageFor } from '../domain/errors';
import { useLang } from './hooks';

export interface ErrorBannerProps {
  /** Anything caught; non-AppErrors are shown as the generic "unexpected" message. */
  readonly error: unknown;
  /** Shown as "Try again" when the error is retryable. */
  readonly onRetry?: () => void;
  readonly onDismiss?: () => void;
  /** Overrides the default title. */
  readonly title?: string;
}

/** An error in the UI language, with a way forward when there is one. Announced at once. */
export const ErrorBanner = ({ error, onRetry, onDismiss, title }: ErrorBannerProps) => {
  const { t } = useTranslation('common');
  const lang = useLang();
  const appError = AppError.from(error);
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title ?? t('error.title')}</MessageBarTitle>
          {messageFor(appError, lang)}
          {appError.requestId ? (
            <Text as="p" block size={200}>
              {t('error.requestId', { id: appError.requestId })}
            </Text>
          ) : null}
        </MessageBarBody>
        {(appError.retryable && onRetry) || onDismiss ? (
          <MessageBarActions>
            {appError.retryable && onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : null}
            {onDismiss ? <Button appearance="transparent" onClick={onDismiss}>{t('error.dismiss')}</Button> : null}
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
};
