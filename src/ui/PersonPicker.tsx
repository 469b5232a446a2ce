import { Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';
import type { AuRevoirService, Person } from '../workflows/service';
import { ErrorBanner } from './ErrorBanner';
import { useLoad } from './useLoad';

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

/** Directory search in a keyboard-usable combobox: type, arrow down, Enter. */
export const PersonPicker = ({ service, onSelect, label, excludeIds = [], required, validationMessage }: PersonPickerProps) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const styles = useStyles();
  const statusId = useId();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Person>();
  const q = query.trim();
  // Answers can come back out of order: useLoad shows only the latest query's. While the user types,
  // the last answer stays in the list until the next search starts (quietly, after the typing stops).
  const search = useLoad(() => service.searchPeople(q), {
    key: query,
    delayMs: SEARCH_DELAY_MS,
    enabled: q.length >= MIN_QUERY && chosen?.displayName !== query,
  });
  const { state } = search;
  const answer = state.status === 'ready' || state.status === 'error' ? state.data : undefined;
  const skip = new Set(excludeIds);
  const results = (answer ?? []).filter((p) => !skip.has(p.id));
  // Controlled: the list opens when an answer arrives, not only on a keystroke (answers come later);
  // what the user did to it (Escape, a choice) holds until the next answer.
  const [openFor, setOpenFor] = useState<{ readonly answer: readonly Person[] | undefined; readonly open: boolean }>({ answer: undefined, open: false });
  const open = (openFor.answer === answer ? openFor.open : true) && results.length > 0;

  const statusText =
    state.status === 'loading' || (state.status === 'ready' && state.refreshing)
      ? t('personPicker.searching')
      : state.status === 'ready'
        ? results.length === 0
          ? t('personPicker.noResults', { query: q })
          : t('personPicker.resultCount', { count: results.length })
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
          open={open}
          onOpenChange={(_e, data) => setOpenFor({ answer, open: data.open })}
          value={query}
          placeholder={t('personPicker.placeholder')}
          aria-describedby={statusId}
          onChange={(e) => {
            setQuery(e.target.value);
            if (chosen) {
              setChosen(undefined);
              onSelect(undefined);
            }
          }}
          onOptionSelect={(_e, data) => {
            const person = results.find((p) => p.id === data.optionValue);
            if (!person) return;
            setChosen(person);
            setOpenFor({ answer, open: false });
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
      {state.status === 'error' ? <ErrorBanner error={state.error} onRetry={() => void search.reload(true)} /> : null}
    </div>
  );
};
