import { Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import { isoDate, type IsoDate } from '../../../domain/types';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '720px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  formTitle: { margin: 0 },
  formActions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface LastDayFormProps {
  readonly today: IsoDate;
  readonly onSubmit: (day: IsoDate) => void;
  readonly onCancel: () => void;
  readonly submitLabel: string;
  readonly title: string;
  readonly children?: ReactNode;
  /** Checked before the date: e.g. "choose someone". */
  readonly precheck?: () => string | undefined;
}

/** The last-day field with its checks, alone (a direct report without a leave date) or after a person picker. */
export const LastDayForm = ({ today, onSubmit, onCancel, submitLabel, title, children, precheck }: LastDayFormProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const styles = useStyles();
  const [day, setDay] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className={styles.form}
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const blocked = precheck?.();
        if (!day) setError(t('departures.lastDayRequired'));
        else if (day < today) setError(t('departures.lastDayPast'));
        else setError(undefined);
        if (blocked || !day || day < today) return;
        onSubmit(isoDate(day));
      }}
    >
      <Subtitle2 as="h3" block className={styles.formTitle}>
        {title}
      </Subtitle2>
      {children}
      <Field
        label={t('departures.lastDay')}
        hint={t('departures.lastDayHint')}
        required
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Input type="date" value={day} min={today} onChange={(_e, d) => setDay(d.value)} />
      </Field>
      <div className={styles.formActions}>
        <Button type="submit" appearance="primary">
          {submitLabel}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('departures.cancel')}
        </Button>
      </div>
    </form>
  );
};
