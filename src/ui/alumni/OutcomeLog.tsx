import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, isOutcomeKind, type OutcomeEntry, type OutcomeKind } from '../../domain/alumni';
import { formatDate } from '../format';
import { useLang } from '../hooks';
import { ActionStatus, useActionRunner } from '../useActionRunner';
import { OutcomeKindOptions } from './OutcomeKindOptions';
import { OUTCOMES_NAMESPACE } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  entryText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  plain: { margin: 0 },
});

export interface OutcomeLogProps {
  readonly name: string;
  /** Newest first. */
  readonly outcomes: readonly OutcomeEntry[];
  /** The date the form proposes (today in the manager's calendar), `YYYY-MM-DD`. */
  readonly today: string;
  readonly onAdd: (input: { kind: OutcomeKind; date: string; note: string }) => Promise<void>;
  readonly onRemove: (id: string) => Promise<void>;
}

/** The outcome log of one alumnus: the entries, a form to log one, a button to remove one. */
export const OutcomeLog = ({ name, outcomes, today, onAdd, onRemove }: OutcomeLogProps) => {
  const { t } = useTranslation(OUTCOMES_NAMESPACE);
  const lang = useLang();
  const styles = useStyles();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<OutcomeKind>('client');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [dateMissing, setDateMissing] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const runner = useActionRunner();
  const busy = runner.busy;

  const close = () => {
    setOpen(false);
    setNote('');
    setDate(today);
    setDateMissing(false);
    // Back to where the manager was, for keyboard users.
    setTimeout(() => addButton.current?.focus(), 0);
  };

  const tooLong = note.trim().length > NOTE_MAX;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h4" id={headingId} weight="semibold" className={styles.title}>
        {t('log.title')}
      </Text>
      {outcomes.length === 0 ? (
        <Text as="p" className={styles.plain}>
          {t('log.empty')}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {outcomes.map((o) => (
            <li key={o.id} className={styles.entry}>
              <span className={styles.entryText}>
                <Text>{t('log.entry', { kind: t(`kind.${o.kind}`), date: formatDate(o.date, lang) })}</Text>
                {o.note ? <Text className={styles.note}>{o.note}</Text> : null}
              </span>
              <Button
                size="small"
                appearance="subtle"
                disabled={busy}
                aria-label={t('log.removeLabel', { kind: t(`kind.${o.kind}`), date: formatDate(o.date, lang) })}
                onClick={() => void runner.run(() => onRemove(o.id), t('log.removed'))}
              >
                {t('log.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}

      {open ? (
        <form
          className={styles.form}
          aria-label={t('log.formLabel', { name })}
          // Our own message for a missing date, the same in every browser (and in jsdom).
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!date) {
              setDateMissing(true);
              return;
            }
            if (tooLong) return;
            void runner.run(() => onAdd({ kind, date, note: note.trim() }), t('log.saved', { name }), close);
          }}
        >
          <div className={styles.row}>
            <Field label={t('log.kindLabel')}>
              <Select value={kind} onChange={(_e, d) => isOutcomeKind(d.value) && setKind(d.value)} autoFocus>
                <OutcomeKindOptions />
              </Select>
            </Field>
            <Field
              label={t('log.dateLabel')}
              required
              validationState={dateMissing ? 'error' : 'none'}
              validationMessage={dateMissing ? t('log.dateNeeded') : undefined}
            >
              <Input
                type="date"
                value={date}
                onChange={(_e, d) => {
                  setDate(d.value);
                  setDateMissing(false);
                }}
              />
            </Field>
          </div>
          <Field
            label={t('log.noteLabel')}
            validationState={tooLong ? 'error' : 'none'}
            validationMessage={tooLong ? t('log.noteTooLong', { max: NOTE_MAX }) : undefined}
          >
            <Textarea value={note} placeholder={t('log.notePlaceholder')} onChange={(_e, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('log.save')}
            </Button>
            <Button type="button" onClick={close} disabled={busy}>
              {t('log.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button ref={addButton} onClick={() => setOpen(true)} disabled={busy} aria-label={t('log.addFor', { name })}>
            {t('log.add')}
          </Button>
        </div>
      )}
      <ActionStatus runner={runner} workingLabel={t('log.working')} />
    </section>
  );
};
