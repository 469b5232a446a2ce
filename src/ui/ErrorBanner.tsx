import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';
import { AppError, messageFor, type ErrorCode } from '../domain/errors';
import { useLang } from './hooks';

export interface ErrorBannerProps {
  /** Anything caught; non-AppErrors are shown as the generic "unexpected" message. */
  readonly error: unknown;
  /** Shown as "Try again" whenever trying again by hand can help (see `canRetry`). */
  readonly onRetry?: () => void;
  /** Shown as "Sign in" when only an interaction can help (the click starts the sign-in popup). */
  readonly onSignIn?: () => void;
  readonly onDismiss?: () => void;
  /** Overrides the default title. */
  readonly title?: string;
}

/**
 * Errors whose message tells the user to try again: a person may retry them by hand even where the
 * app does not retry by itself (`retryable` is about automatic retries: a 500 on a POST is not
 * retried blindly, but the booking resumes without duplicates when the user asks).
 */
const USER_RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'auth.failed',
  'auth.consentRequired',
  'graph.server',
  'graph.dependencyFailed',
  'graph.conflict',
  'unexpected',
]);

export const canRetry = (e: AppError): boolean => e.retryable || USER_RETRYABLE.has(e.code);

/** An error in the UI language, with a way forward when there is one. Announced at once. */
export const ErrorBanner = ({ error, onRetry, onSignIn, onDismiss, title }: ErrorBannerProps) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const lang = useLang();
  const appError = AppError.from(error);
  const retry = canRetry(appError) && onRetry ? onRetry : undefined;
  const signIn = appError.code === 'auth.interactionRequired' && onSignIn ? onSignIn : undefined;
  const consentUrl = appError.code === 'auth.consentRequired' ? appError.params.adminConsentUrl : undefined;
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title ?? t('error.title')}</MessageBarTitle>
          {messageFor(appError, lang)}
          {typeof consentUrl === 'string' && consentUrl.startsWith('https://') ? (
            <Text as="p" block>
              <Link href={consentUrl} target="_blank" rel="noopener noreferrer">
                {t('error.adminConsentLink')}
              </Link>
            </Text>
          ) : null}
          {appError.requestId ? (
            <Text as="p" block size={200}>
              {t('error.requestId', { id: appError.requestId })}
            </Text>
          ) : null}
        </MessageBarBody>
        {retry || signIn || onDismiss ? (
          <MessageBarActions>
            {signIn ? <Button appearance="primary" onClick={signIn}>{t('error.signIn')}</Button> : null}
            {retry ? <Button onClick={retry}>{t('error.retry')}</Button> : null}
            {onDismiss ? <Button appearance="transparent" onClick={onDismiss}>{t('error.dismiss')}</Button> : null}
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
};
