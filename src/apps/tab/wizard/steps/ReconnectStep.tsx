import {
  Badge,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { describeRecurrence } from '../../../../domain/cadence';
import { useWizard } from '../context';
import { formatWhenWithYear, type CustomCadenceInput, type PresetChoice } from '../draft';
import { COMMON_NAMESPACE } from '../../../../ui/strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  small: { width: '8rem' },
  timeline: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '24rem',
    overflowY: 'auto',
  },
  point: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  series: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { display: 'block', marginBlock: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const PRESETS: readonly PresetChoice[] = ['gentle', 'quarterly', 'yearly', 'custom'];

export const ReconnectStep = () => {
  const { t, lang, ctx, draft, update, problems, cadencePlan: plan } = useWizard();
  const styles = useStyles();
  const setCustom = (patch: Partial<CustomCadenceInput>) => update({ custom: { ...draft.custom, ...patch } }, ['cadence']);
  const cadenceMessage = problems.message('cadence') ?? (draft.reconnect && !plan ? t('reconnect.invalid') : undefined);

  return (
    <div className={styles.stack}>
      <Text>{t('reconnect.intro', { name: ctx.leaver.displayName })}</Text>
      <Switch
        checked={draft.reconnect}
        label={t('reconnect.enabled')}
        onChange={(_, d) => update({ reconnect: d.checked }, ['cadence', 'reconnect'])}
      />
      {draft.reconnect ? (
        <>
          <Field label={t('reconnect.preset')}>
            <RadioGroup value={draft.preset} onChange={(_, d) => update({ preset: d.value as PresetChoice }, ['cadence'])}>
              {PRESETS.map((p) => (
                <Radio key={p} value={p} label={t('cadence.withHint', { ns: COMMON_NAMESPACE, name: t(`cadence.${p}`, { ns: COMMON_NAMESPACE }), hint: t(`cadence.${p}Hint`, { ns: COMMON_NAMESPACE }) })} />
              ))}
            </RadioGroup>
          </Field>
          {draft.preset === 'custom' ? (
            <div className={styles.stack}>
              <Field label={t('reconnect.early')} hint={t('reconnect.earlyHint')}>
                <Input value={draft.custom.early} onChange={(_, d) => setCustom({ early: d.value })} inputMode="numeric" />
              </Field>
              <div className={styles.row}>
                <Field label={t('reconnect.every')}>
                  <Input className={styles.small} type="number" min={1} value={draft.custom.every} onChange={(_, d) => setCustom({ every: d.value })} />
                </Field>
                <Field label={t('reconnect.from')}>
                  <Input className={styles.small} type="number" min={1} value={draft.custom.from} onChange={(_, d) => setCustom({ from: d.value })} />
                </Field>
                <Field label={t('reconnect.until')}>
                  <Input className={styles.small} type="number" min={1} value={draft.custom.until} onChange={(_, d) => setCustom({ until: d.value })} />
                </Field>
              </div>
            </div>
          ) : null}

          {cadenceMessage ? (
            <Text role="alert" className={styles.error}>
              {cadenceMessage}
            </Text>
          ) : null}

          {plan ? (
            <section aria-labelledby="wizard-timeline">
              <Text as="h4" id="wizard-timeline" weight="semibold" size={400} className={styles.heading}>
                {t('reconnect.timelineHeading', { title: t('reconnect.timeline'), count: t('reconnect.timelineCount', { count: plan.touchpoints.length }) })}
              </Text>
              <ol className={styles.timeline} tabIndex={0} aria-labelledby="wizard-timeline">
                {plan.touchpoints.map((tp) => (
                  <li key={tp.index} className={styles.point}>
                    <Badge appearance="tint" color={tp.kind === 'lunch' ? 'warning' : tp.kind === 'call' ? 'brand' : 'informative'}>
                      {t(`alumni.kind.${tp.kind}`, { ns: COMMON_NAMESPACE })}
                    </Badge>
                    <Text>{formatWhenWithYear(tp.startUtc, tp.timeZone, lang)}</Text>
                    <Text size={200}>({t('reconnect.monthOffset', { count: tp.monthOffset })})</Text>
                  </li>
                ))}
              </ol>
              {plan.series.length > 0 ? (
                <>
                  <Text as="h4" weight="semibold" size={300} className={styles.heading}>
                    {t('reconnect.series')}
                  </Text>
                  <ul className={styles.series}>
                    {plan.series.map((s) => (
                      <li key={s.key}>
                        {t('reconnect.seriesItem', { kind: t(`alumni.kind.${s.kind}`, { ns: COMMON_NAMESPACE }), description: describeRecurrence(s.recurrence, lang) })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}
        </>
      ) : (
        <Text>{t('reconnect.off')}</Text>
      )}
      {problems.banner('reconnect')}
    </div>
  );
};
