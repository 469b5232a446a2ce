import { Button, Caption1, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { messageFor } from '../../../domain/errors';
import type { Lang } from '../../../domain/types';
import type { BULK_NAMESPACE } from './strings';
import type { RowState } from './useBulkRun';

/** The screen's strings, fixed to the screen's language. */
export type BulkT = TFunction<typeof BULK_NAMESPACE>;

const useStyles = makeStyles({
  statusLine: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  booked: { color: tokens.colorPaletteGreenForeground1 },
});

export interface RowStatusProps {
  readonly t: BulkT;
  readonly lang: Lang;
  readonly name: string;
  readonly row: RowState;
  readonly when: string;
  readonly lastDay: string;
  readonly running: boolean;
  readonly onRetry: () => void;
}

/** One plan's progress bar and outcome. The bar is named after the person, so a screen reader tells them apart. */
export const RowStatus = ({ t, lang, name, row, when, lastDay, running, onRetry }: RowStatusProps) => {
  const styles = useStyles();
  if (row.kind === 'noSlot') return <Text>{t('status_noSlot', { date: lastDay })}</Text>;
  if (row.kind === 'failed') {
    const text = row.error ? t('status_failed', { message: messageFor(row.error, lang) }) : t('status_incomplete', { count: row.missing ?? 0 });
    return (
      <>
        <ProgressBar value={0} max={1} color="error" aria-label={t('planProgress', { name, done: 0, total: 1 })} />
        <div className={styles.statusLine}>
          <Text className={styles.failed}>{text}</Text>
          <Button size="small" disabled={running} onClick={onRetry} aria-label={t('retryName', { name })}>
            {t('retry')}
          </Button>
        </div>
      </>
    );
  }
  if (row.kind === 'booked') {
    const total = Math.max(1, row.receipt.objects.length);
    const link = row.receipt.conversation?.webLink;
    return (
      <>
        <ProgressBar value={total} max={total} color="success" aria-label={t('planProgress', { name, done: total, total })} />
        <div className={styles.statusLine}>
          <Text className={styles.booked}>{t('status_booked', { when })}</Text>
          {link ? (
            <Link href={link} target="_blank" rel="noreferrer" aria-label={t('openEvent', { name })}>
              {t('openInOutlook')}
            </Link>
          ) : null}
        </div>
      </>
    );
  }
  const progress = row.kind === 'booking' ? row.progress : undefined;
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const label = row.kind === 'finding' ? t('status_finding') : row.kind === 'waiting' || !progress ? t('status_waiting') : t('status_booking', { done, total });
  return (
    <>
      <ProgressBar
        value={total > 0 ? done : undefined}
        max={total > 0 ? total : undefined}
        aria-label={total > 0 ? t('planProgress', { name, done, total }) : `${name}: ${label}`}
      />
      <Caption1>{label}</Caption1>
    </>
  );
};
