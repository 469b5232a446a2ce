import { Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuRevoirService, Person } from '../workflows/service';
import { ErrorBanner } from './ErrorBanner';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  combobox: { width: '100%', minWidth: 0 },
  secondary: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground2, minHeight: tokens.lineHeightBase200 },
});

/** Time to wait after the last keystroke before asking the directory, so typing a name costs one request. */
const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;

export interface PersonPickerProps {
  readonly service: Pick<AuRevoirService, 'searchPeople'>;
  readonly onSelect: (person: Person | undefined) => void;
  readonly label?: string;
  /** Ids not to offer (e.g. people already in the list, or the user). */
  readonly excludeIds?: readonly string[];
  readonly required?: boolean;
  /** An error about the choice (e.g. "choose someone"), shown on the field. */
  readonly validationMessage?: string;
}

type Status = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; count: number } | { kind: 'error'; error: unknown };

/** Directory search in a keyboard-usable combobox: type, arrow down, Enter. */
export const PersonPicker = ({ service, onSelect, label, excludeIds = [], required, validationMessage }: PersonPickerProps) => {
  const { t } = useTranslation('common');
  const styles = useStyles();
  const statusId = useId();
  const [query, setQuery] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [results, setResults] = useState<readonly Person[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Controlled: the list opens when answers arrive, not only on a keystroke (answers come later).
  const [open, setOpen] = useState(false);
  const chosen = useRef<Person | undefined>(undefined);
  const excluded = excludeIds.join('\n');

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY || (chosen.current && chosen.current.displayName === query)) {
      setResults([]);
      setStatus({ kind: 'idle' });
      return;
    }
    // Answers can come back out of order: only the latest query's answer is shown.
    let current = true;
    const timer = setTimeout(() => {
      setStatus({ kind: 'searching' });
      service.searchPeople(q).then(
        (people) => {
          if (!current) return;
          const skip = new Set(excluded.split('\n'));
          const shown = people.filter((p) => !skip.has(p.id));
          setResults(shown);
          setStatus({ kind: 'done', count: shown.length });
          setOpen(shown.length > 0);
        },
        (error: unknown) => {
          if (current) setStatus({ kind: 'error', error });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, service, excluded, attempt]);

  const statusText =
    status.kind === 'searching'
      ? t('personPicker.searching')
      : status.kind === 'done'
        ? status.count === 0
          ? t('personPicker.noResults', { query: query.trim() })
          : t('personPicker.resultCount', { count: status.count })
        : '';

  return (
    <div className={styles.root}>
      <Field
        label={label ?? t('personPicker.label')}
        required={required}
        hint={t('personPicker.hint')}
        validationMessage={validationMessage}
        validationState={validationMessage ? 'error' : 'none'}
      >
        <Combobox
          className={styles.combobox}
          freeform
          // Rendered in place rather than in a portal, so the list stays inside the page's landmarks.
          inlinePopup
          open={open && results.length > 0}
          onOpenChange={(_e, data) => setOpen(data.open)}
          value={query}
          placeholder={t('personPicker.placeholder')}
          aria-describedby={statusId}
          onChange={(e) => {
            setQuery(e.target.value);
            if (chosen.current) {
              chosen.current = undefined;
              onSelect(undefined);
            }
          }}
          onOptionSelect={(_e, data) => {
            const person = results.find((p) => p.id === data.optionValue);
            if (!person) return;
            chosen.current = person;
            setOpen(false);
            setQuery(person.displayName);
            onSelect(person);
          }}
        >
          {results.map((p) => (
            <Option key={p.id} value={p.id} text={p.displayName}>
              <span>
                {p.displayName}
                <br />
                <Text size={200} className={styles.secondary}>
                  {[p.jobTitle, p.mail].filter(Boolean).join(' · ')}
                </Text>
              </span>
            </Option>
          ))}
        </Combobox>
      </Field>
      <Text id={statusId} size={200} className={styles.status} aria-live="polite" role="status">
        {statusText}
      </Text>
      {status.kind === 'error' ? <ErrorBanner error={status.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
    </div>
  );
};
