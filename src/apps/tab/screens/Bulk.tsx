import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultAgenda } from '../../../domain/agenda';
import { ianaTimeZone, type Lang } from '../../../domain/types';
import { EmptyState, ErrorBanner, LoadingState } from '../../../ui';
import type { AuRevoirService } from '../../../workflows/service';
// The strings travel with this chunk (bulk/strings.ts registers them), not with the first screen.
import { BULK_NAMESPACE } from '../bulk/strings';
import { bulkFormReducer, bulkSettings, initialBulkForm, lacksLocation } from '../bulk/form';
import { RowStatus, type BulkT } from '../bulk/RowStatus';
import { SettingsFields } from '../bulk/SettingsFields';
import { useBulkRun } from '../bulk/useBulkRun';
import { useOrgDepartures } from '../bulk/useOrgDepartures';
import { formatDate, formatWhen } from '../wizard/draft';


const WINDOWS = [30, 60, 90, 180] as const;
// A leave date is a day: shown as the directory's date, not shifted into a time zone.
const UTC = ianaTimeZone('UTC');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  title: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface BulkProps {
  readonly service: AuRevoirService;
  readonly lang: Lang;
  readonly now?: () => Date;
}

/**
 * The HR partner at scale (issue 12): departures across the organisation, one agenda and one rhythm for
 * all, booked side by side with a progress bar per plan and a summary of receipts. Whose mailbox and who
 * organises: see bulk/plans.ts and the README.
 */
export const Bulk = ({ service, lang, now = () => new Date() }: BulkProps) => {
  const { i18n } = useTranslation(BULK_NAMESPACE);
  const t = useMemo(() => i18n.getFixedT(lang, BULK_NAMESPACE) as BulkT, [i18n, lang]);
  const styles = useStyles();
  const { state, refresh, showWindow } = useOrgDepartures(service, now);
  const { rows, run, running, runError, start: startRun, retry, reset } = useBulkRun(service, now);
  const [unselected, setUnselected] = useState<ReadonlySet<string>>(new Set());
  const [form, dispatch] = useReducer(bulkFormReducer, lang, initialBulkForm);

  if (state.status === 'loading') return <LoadingState label={t('loading')} />;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={refresh} />;
  const org = state.data;
  if (!org.canReadLeaveDates) return <EmptyState title={t('notAllowedTitle')} body={t('notAllowedBody')} />;
  const departures = org.departures;
  const selected = departures.filter((d) => !unselected.has(d.person.id));
  const agenda = defaultAgenda(form.agendaLang);
  const started = rows.size > 0;

  const start = async () => {
    if (lacksLocation(form)) {
      dispatch({ type: 'locationMissing' });
      return;
    }
    await startRun(selected, bulkSettings(form));
  };

  const rowList = [...rows.entries()];
  const booked = rowList.filter(([, r]) => r.kind === 'booked');
  const failedIds = rowList.filter(([, r]) => r.kind === 'failed').map(([id]) => id);
  const noSlot = rowList.filter(([, r]) => r.kind === 'noSlot').length;
  const settled = rowList.every(([, r]) => r.kind === 'booked' || r.kind === 'failed' || r.kind === 'noSlot');
  const zone = run?.settings.timeZone;
  const whenOf = (id: string): string => {
    const slot = run?.slots.get(id);
    return slot && zone ? formatWhen(slot.start, zone, lang) : '';
  };

  return (
    <div className={styles.root}>
      <div>
        <Title2 as="h2" block className={styles.title}>
          {t('title')}
        </Title2>
        <Body1 as="p" block>
          {t('intro')}
        </Body1>
      </div>

      <Field label={t('window')}>
        <Select
          value={String(org.withinDays)}
          disabled={running}
          onChange={(_e, d) => {
            reset();
            showWindow(Number(d.value));
          }}
        >
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {t('windowDays', { count: w })}
            </option>
          ))}
        </Select>
      </Field>

      {departures.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <>
          <Checkbox
            label={t('selectAll', { count: departures.length })}
            disabled={running || started}
            checked={selected.length === departures.length ? true : selected.length === 0 ? false : 'mixed'}
            onChange={(_e, d) => setUnselected(d.checked === true ? new Set() : new Set(departures.map((x) => x.person.id)))}
          />
          <ul className={styles.list} aria-label={t('listLabel')}>
            {departures.map((d) => {
              const id = d.person.id;
              const row = rows.get(id);
              return (
                <li key={id} className={styles.row} data-testid={`bulk-row-${d.person.mail}`}>
                  <div className={styles.who}>
                    <Checkbox
                      label={<Text weight="semibold">{d.person.displayName}</Text>}
                      aria-label={t('select', { name: d.person.displayName })}
                      disabled={running || started}
                      checked={!unselected.has(id)}
                      onChange={(_e, c) =>
                        setUnselected((s) => {
                          const n = new Set(s);
                          if (c.checked === true) n.delete(id);
                          else n.add(id);
                          return n;
                        })
                      }
                    />
                    <Caption1>
                      {[d.person.jobTitle, t('lastDay', { date: formatDate(d.lastWorkingDay, UTC, lang) })].filter(Boolean).join(' · ')}
                    </Caption1>
                    <Caption1>{d.manager ? t('managerIs', { name: d.manager.displayName }) : t('noManager')}</Caption1>
                  </div>
                  <div className={styles.status}>{row ? <RowStatus t={t} lang={lang} name={d.person.displayName} row={row} when={whenOf(id)} lastDay={formatDate(d.lastWorkingDay, UTC, lang)} running={running} onRetry={() => void retry([id])} /> : null}</div>
                </li>
              );
            })}
          </ul>

          {!started ? (
            <>
              <SettingsFields t={t} form={form} dispatch={dispatch} agenda={agenda} />
              <div className={styles.actions}>
                <Button appearance="primary" disabled={selected.length === 0 || running} onClick={() => void start()}>
                  {t('book', { count: selected.length })}
                </Button>
                {selected.length === 0 ? <Caption1>{t('nothingSelected')}</Caption1> : null}
              </div>
            </>
          ) : null}
        </>
      )}

      {runError !== undefined ? <ErrorBanner error={runError} onRetry={() => void start()} /> : null}

      {/* The summary: a live region, so a screen reader hears how the run ended without moving focus. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="bulk-summary">
        {started && running && !settled ? <Body1>{t('summaryRunning', { total: rows.size })}</Body1> : null}
        {started && settled && !running ? (
          <MessageBar intent={failedIds.length > 0 ? 'warning' : noSlot > 0 ? 'info' : 'success'}>
            <MessageBarBody>
              {t('summary', { booked: booked.length, total: rows.size })}
              {failedIds.length > 0 ? ` ${t('summaryFailed', { count: failedIds.length })}` : ''}
              {noSlot > 0 ? ` ${t('summaryNoSlot', { count: noSlot })}` : ''}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {started && settled && !running ? (
        <div className={styles.actions}>
          {failedIds.length > 0 ? (
            <Button appearance="primary" onClick={() => void retry(failedIds)}>
              {t('retryFailed')}
            </Button>
          ) : null}
          <Button
            onClick={() => {
              reset();
              refresh();
            }}
          >
            {t('startOver')}
          </Button>
        </div>
      ) : null}

      {booked.length > 0 && settled && !running ? (
        <section aria-labelledby="bulk-receipts">
          <Subtitle2 as="h3" id="bulk-receipts" block>
            {t('receiptsTitle')}
          </Subtitle2>
          <ul className={styles.list}>
            {booked.map(([id, r]) => {
              const d = departures.find((x) => x.person.id === id);
              const receipt = r.kind === 'booked' ? r.receipt : undefined;
              const reminders = receipt?.objects.filter((o) => o.kind === 'touchpoint' || o.kind === 'series').length ?? 0;
              return (
                <li key={id}>
                  <Text>{t('receiptLine', { name: d?.person.displayName ?? '', when: whenOf(id), count: reminders })}</Text>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
};
