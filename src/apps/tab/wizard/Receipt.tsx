import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { messageFor, type AppError } from '../../../domain/errors';
import type { Touchpoint } from '../../../domain/cadence/model';
import type { Lang } from '../../../domain/types';
import type { BookedObject, BookedObjectKind, BookingProgress, Receipt } from '../../../workflows/service';
import { BookingProgressView } from './BookingProgressView';
import { formatWhenWithYear } from './draft';
import type { WizardT } from './i18n';
import { COMMON_NAMESPACE } from '../../../ui/strings';

/** Outlook on the web's People page. */
export const OUTLOOK_PEOPLE_URL = 'https://outlook.office.com/people/';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  items: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface ReceiptViewProps {
  readonly t: WizardT;
  readonly lang: Lang;
  readonly leaverName: string;
  /** The plan's reconnect timeline, to name each booked reminder by its kind and date. */
  readonly touchpoints?: readonly Touchpoint[];
  /** The latest receipt, when a booking attempt returned one. */
  readonly receipt?: Receipt;
  /** Set when the latest attempt threw: the booking stopped half-way or never started. */
  readonly error?: AppError;
  /** The plan asked for a Teams meeting: a conversation booked without a join link is then said plainly. */
  readonly teamsRequested?: boolean;
  readonly finishing: boolean;
  readonly progress?: BookingProgress;
  readonly onFinish: () => void;
  readonly onDone: () => void;
}

/**
 * A booked object as the manager reads it. Keys are the workflow's roles ("touchpoint:3",
 * "series:lunch"): the number becomes an ordinal, the kind its name; other keys add nothing.
 */
const itemLabel = (t: WizardT, o: Pick<BookedObject, 'kind' | 'key'>, lang: Lang, touchpoints: readonly Touchpoint[] = []) => {
  const key = o.key ?? '';
  if (o.kind === 'touchpoint') {
    const n = /(\d+)$/.exec(key)?.[1];
    // With the plan's timeline at hand, a reminder reads as its kind and date, as on the Reconnect step.
    const tp = n === undefined ? undefined : touchpoints.find((p) => p.index === Number(n));
    if (tp) return t('reconnect.touchpoint', { kind: t(`alumni.kind.${tp.kind}`, { ns: COMMON_NAMESPACE }), when: formatWhenWithYear(tp.startUtc, tp.timeZone, lang) });
    if (n !== undefined) return t('receipt.touchpointN', { n: Number(n) + 1 });
  }
  if (o.kind === 'series') {
    const kind = (['call', 'email', 'lunch'] as const).find((k) => key.endsWith(k));
    if (kind) return t('receipt.seriesKind', { kind: t(`alumni.kind.${kind}`, { ns: COMMON_NAMESPACE }) });
  }
  return t(`receipt.kind_${o.kind}`);
};

/**
 * What the booking left in the mailbox, with links into Outlook and Teams. When the receipt is
 * incomplete or the attempt failed, "Finish booking" runs the same plan again: the workflow finds
 * what is already there (by the plan's tags) and creates only the rest.
 */
export const ReceiptView = ({ t, lang, leaverName, touchpoints, receipt, error, teamsRequested, finishing, progress, onFinish, onDone }: ReceiptViewProps) => {
  const styles = useStyles();
  const complete = receipt?.complete === true && !error;
  const missing: readonly BookedObjectKind[] = receipt?.missing ?? [];
  // Exchange may create the meeting without Teams (isOnlineMeeting false, no onlineMeeting) when the
  // mailbox does not allow it, with no error: the join link in Graph's answer is the only proof.
  const teamsMissing = teamsRequested === true && receipt?.conversation !== undefined && !receipt.conversation.joinUrl;

  return (
    <div className={styles.stack}>
      <div role="status" aria-live="polite">
        {complete ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('receipt.summary', { name: leaverName })}
            </MessageBarBody>
          </MessageBar>
        ) : error ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('booking.failed')}</MessageBarTitle>
              {messageFor(error, lang)} {t('booking.failedHint')}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('receipt.summaryIncomplete')} {t('booking.failedHint')}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {teamsMissing ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('receipt.noTeamsLinkTitle')}</MessageBarTitle>
            {t('receipt.noTeamsLink')}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {receipt?.conversation || receipt?.contact ? (
        <ul className={styles.links}>
          {receipt.conversation?.webLink ? (
            <li>
              <Link href={receipt.conversation.webLink} target="_blank" rel="noopener noreferrer">
                {t('receipt.openEvent')}
              </Link>
            </li>
          ) : null}
          {receipt.contact?.webLink ? (
            <li>
              <Link href={receipt.contact.webLink} target="_blank" rel="noopener noreferrer">
                {t('receipt.openContact')}
              </Link>
            </li>
          ) : receipt.contact ? (
            // Graph's contact resource has no webLink (events have one), and Outlook documents no
            // deep link to a single contact: the People page, where the category finds it.
            <li>
              <Link href={OUTLOOK_PEOPLE_URL} target="_blank" rel="noopener noreferrer">
                {t('receipt.openContacts', { name: leaverName })}
              </Link>
            </li>
          ) : null}
          {receipt.conversation?.joinUrl ? (
            <li>
              <Link href={receipt.conversation.joinUrl} target="_blank" rel="noopener noreferrer">
                {t('receipt.joinTeams')}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      {receipt && (receipt.objects.length > 0 || missing.length > 0) ? (
        <section aria-labelledby="wizard-receipt-items">
          <Text as="h3" id="wizard-receipt-items" weight="semibold" size={400}>
            {t('receipt.items')}
          </Text>
          <ul className={styles.items} aria-labelledby="wizard-receipt-items">
            {receipt.objects.map((o, i) => (
              <li key={`${o.kind}:${o.key ?? ''}:${i}`} className={styles.item}>
                <Text>{itemLabel(t, o, lang, touchpoints)}</Text>
                <Badge appearance="tint" color={o.createdNow ? 'success' : 'informative'}>
                  {o.createdNow ? t('receipt.createdNow') : t('receipt.alreadyThere')}
                </Badge>
              </li>
            ))}
            {missing.map((kind, i) => (
              <li key={`missing:${kind}:${i}`} className={styles.item}>
                <Text>{itemLabel(t, { kind }, lang, touchpoints)}</Text>
                <Badge appearance="tint" color="danger">
                  {t('receipt.missing')}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {finishing ? <BookingProgressView t={t} progress={progress} /> : null}

      <div className={styles.actions}>
        {!complete ? (
          <Button appearance="primary" onClick={onFinish} disabled={finishing}>
            {finishing ? t('receipt.finishing') : t('receipt.finish')}
          </Button>
        ) : null}
        <Button appearance={complete ? 'primary' : 'secondary'} onClick={onDone} disabled={finishing}>
          {t('receipt.done')}
        </Button>
      </div>
    </div>
  );
};
