import {
  Avatar,
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';
import type { Alumnus } from '../workflows/service';
import { RealContactNotice } from './alumni/RealContactNotice';
import { formatWhen } from './format';
import { AlumniExport, PhoneText, useAlumniExtras } from './alumni';
import { useLang } from './hooks';
import { ActionStatus, useActionRunner } from './useActionRunner';

const useStyles = makeStyles({
  card: { width: '100%', maxWidth: '720px', boxSizing: 'border-box' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  formActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  notesTitle: { margin: 0 },
  plain: { margin: 0 },
});

/** How far to push the next touchpoint; what people usually mean by "later". */
export const SNOOZE_DAYS: readonly number[] = [7, 14, 30];
/** The card shows the latest notes; the whole log stays in the Outlook contact. */
const NOTES_SHOWN = 3;

export interface AlumniCardProps {
  readonly alumnus: Alumnus;
  readonly onReconnected: (note: string) => Promise<void>;
  /** Offered only when a next touchpoint exists. */
  readonly onSnooze: (eventId: string, days: number) => Promise<void>;
  readonly onStop: () => Promise<void>;
  /** The manager's time zone for dates; the browser's when absent. */
  readonly timeZone?: string;
  readonly headingLevel?: 'h2' | 'h3';
  /** More sections after the notes (the Alumni screen's outcome log, consent and Forget: ui/alumni). */
  readonly children?: ReactNode;
}

/** One former colleague: who, how to reach them, what you last said, and what to do next. */
export const AlumniCard = ({ alumnus: a, onReconnected, onSnooze, onStop, timeZone, headingLevel = 'h3', children }: AlumniCardProps) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const lang = useLang();
  const { now } = useAlumniExtras();
  const styles = useStyles();
  const headingId = useId();
  const runner = useActionRunner();
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [confirmStop, setConfirmStop] = useState(false);
  const name = a.displayName;
  const Heading = headingLevel;
  const busy = runner.busy;

  const where =
    a.jobTitle && a.company
      ? t('alumni.workedAt', { role: a.jobTitle, company: a.company })
      : a.company
        ? t('alumni.company', { company: a.company })
        : a.jobTitle
          ? t('alumni.role', { role: a.jobTitle })
          : t('alumni.unknownWhere');

  const next = a.nextTouchpoint;
  const hasReach = Boolean(a.personalEmail || a.mobilePhone || (a.profileUrl && /^https?:\/\//i.test(a.profileUrl)));

  return (
    <Card className={styles.card} aria-labelledby={headingId} role="article">
      <CardHeader
        image={<Avatar name={name} color="colorful" aria-hidden />}
        header={
          <Heading id={headingId} style={{ margin: 0 }}>
            <Body1>
              <b>{name}</b>
            </Body1>
          </Heading>
        }
        description={<Caption1>{where}</Caption1>}
        action={a.overdue ? <Badge appearance="filled" color="danger">{t('alumni.overdue')}</Badge> : undefined}
      />

      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('alumni.lastContacted')}</dt>
          <dd className={styles.value}>{a.lastContacted ? formatWhen(a.lastContacted, lang, now(), timeZone) : t('alumni.never')}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('alumni.nextTouchpoint')}</dt>
          <dd className={styles.value}>
            {next
              ? t('alumni.touchpoint', { kind: t(`alumni.kind.${next.kind}`), date: formatWhen(next.start, lang, now(), timeZone) })
              : t('alumni.none')}
          </dd>
        </div>
        {a.personalEmail ? (
          <div className={styles.fact}>
            <dt className={styles.term}>{t('alumni.email')}</dt>
            <dd className={styles.value}>
              <Link href={`mailto:${a.personalEmail}`}>{a.personalEmail}</Link>
            </dd>
          </div>
        ) : null}
        {a.mobilePhone ? (
          <div className={styles.fact}>
            <dt className={styles.term}>{t('alumni.mobile')}</dt>
            <dd className={styles.value}>
              <Link href={`tel:${a.mobilePhone}`}><PhoneText e164={a.mobilePhone} /></Link>
            </dd>
          </div>
        ) : null}
        {a.profileUrl && /^https?:\/\//i.test(a.profileUrl) ? (
          // Only web links become links: a stored `javascript:` URL must never be clickable.
          <div className={styles.fact}>
            <dt className={styles.term}>{t('alumni.profile')}</dt>
            <dd className={styles.value}>
              <Link href={a.profileUrl} target="_blank" rel="noopener noreferrer" aria-label={t('alumni.openProfile', { name })}>
                {a.profileUrl.replace(/^https?:\/\/(www\.)?/i, '')}
              </Link>
            </dd>
          </div>
        ) : null}
        {hasReach ? null : (
          <div className={styles.fact}>
            <dt className={styles.term}>{t('alumni.reach')}</dt>
            <dd className={styles.value}>{t('alumni.noReach')}</dd>
          </div>
        )}
      </dl>
      <RealContactNotice alumnus={a} />

      <div>
        <Text weight="semibold" as="p" block className={styles.notesTitle}>
          {t('alumni.notes')}
        </Text>
        {a.notes.length > 0 ? (
          <ul className={styles.notes}>
            {a.notes.slice(0, NOTES_SHOWN).map((n, i) => (
              <li key={`${i}-${n}`}>
                <Text>{n}</Text>
              </li>
            ))}
          </ul>
        ) : (
          <Text as="p" block className={styles.plain}>{t('alumni.noNotes')}</Text>
        )}
      </div>

      {children}

      {noteOpen ? (
        <form
          className={styles.form}
          aria-label={t('alumni.reconnectedTitle', { name })}
          onSubmit={(e) => {
            e.preventDefault();
            void runner.run(() => onReconnected(note.trim()), t('alumni.doneReconnected', { name }), () => {
              setNoteOpen(false);
              setNote('');
            });
          }}
        >
          <Field label={t('alumni.noteLabel')}>
            <Textarea value={note} placeholder={t('alumni.notePlaceholder')} onChange={(_e, d) => setNote(d.value)} autoFocus resize="vertical" />
          </Field>
          <div className={styles.formActions}>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t('alumni.save')}
            </Button>
            <Button type="button" onClick={() => setNoteOpen(false)} disabled={busy}>
              {t('alumni.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.actions} role="group" aria-label={t('alumni.actionsFor', { name })}>
          <Button appearance="primary" onClick={() => setNoteOpen(true)} disabled={busy}>
            {t('alumni.reconnected')}
          </Button>
          {next ? (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <MenuButton disabled={busy} aria-label={t('alumni.snoozeLabel', { name })}>
                  {t('alumni.snooze')}
                </MenuButton>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {SNOOZE_DAYS.map((days) => (
                    <MenuItem
                      key={days}
                      onClick={() => void runner.run(() => onSnooze(next.eventId, days), t('alumni.doneSnoozed', { name }))}
                    >
                      {t('alumni.snoozeDays', { count: days })}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : null}
          <Button appearance="subtle" onClick={() => setConfirmStop(true)} disabled={busy}>
            {t('alumni.stop')}
          </Button>
        </div>
      )}

      <AlumniExport alumnus={a} />

      <Dialog open={confirmStop} onOpenChange={(_e, d) => setConfirmStop(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('alumni.stopTitle', { name })}</DialogTitle>
            <DialogContent>{t('alumni.stopBody')}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmStop(false);
                  void runner.run(onStop, t('alumni.doneStopped', { name }));
                }}
              >
                {t('alumni.stopConfirm')}
              </Button>
              <Button onClick={() => setConfirmStop(false)}>{t('alumni.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <ActionStatus runner={runner} workingLabel={t('alumni.working')} />
    </Card>
  );
};
