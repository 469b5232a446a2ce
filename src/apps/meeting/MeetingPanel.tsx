import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_NAMESPACE } from './strings';
import { announcementDue, sectionTimer, type GuideSection } from '../../domain/meeting';
import { ErrorBanner, formatDate, useLang } from '../../ui';
import type { MeetingPlan, MeetingService } from '../../workflows';
import { sessionKeyFor, useGuideState, type PanelSession } from './session';
import { useSectionTimer } from './useSectionTimer';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: '40rem' },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  prompts: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export type { PanelSession } from './session';

/** `4:05` */
const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export interface MeetingPanelProps {
  readonly plan: MeetingPlan;
  readonly sections: readonly GuideSection[];
  readonly service: MeetingService;
  readonly session: PanelSession;
  readonly now: () => Date;
}

export const MeetingPanel = ({ plan, sections, service, session, now }: MeetingPanelProps) => {
  const { t } = useTranslation(MEETING_NAMESPACE);
  const lang = useLang();
  const styles = useStyles();
  const [guide, dispatch] = useGuideState(session, plan.planId, sections.length);
  const { index, elapsed, ticked, notes } = guide;
  const [running, setRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [summary, setSummary] = useState('');
  const [saving, setSaving] = useState<'idle' | 'saving' | 'empty' | { kept: string } | { error: unknown }>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { notesHint: useId(), timer: useId() };

  const section = sections[index];

  // Speaks only when a minute or the phase changes.
  useSectionTimer(running && section !== undefined, index, () => elapsed[index] ?? 0, now, (at, current, previous) => {
    const timed = sections[at];
    if (timed && announcementDue(timed.minutes, previous, current)) {
      const timer = sectionTimer(timed.minutes, current);
      setAnnouncement(
        timer.phase === 'over'
          ? t('guide.announceOver', { title: timed.title })
          : timer.phase === 'soon' && timer.remainingSeconds < 60
            ? t('guide.announceSoon', { title: timed.title })
            : t('guide.announceLeft', { count: Math.ceil(timer.remainingSeconds / 60), title: timed.title }),
      );
    }
    dispatch({ type: 'elapsed', index: at, seconds: current });
  });

  // After a step (not on opening the panel), focus goes to the new section's title so a screen
  // reader reads it and the keyboard continues from there.
  const stepped = useRef(false);
  const go = (to: number) => {
    dispatch({ type: 'go', index: to });
    setAnnouncement('');
    stepped.current = true;
  };
  useEffect(() => {
    if (stepped.current) headingRef.current?.focus();
  }, [index]);

  const toggle = (id: string, on: boolean) => dispatch({ type: 'tick', id, on });
  const setNotes = (text: string) => dispatch({ type: 'notes', text });

  const covered = sections.filter((s, i) => s.prompts.some((_, p) => ticked.has(`${i}:${p}`))).map((s) => s.title);

  const keep = async () => {
    if (!plan.contact) return;
    if (summary.trim() === '') {
      setSaving('empty');
      return;
    }
    setSaving('saving');
    const at = now();
    try {
      await service.keepSummary({ contactId: plan.contact.id, summary, covered, lang: plan.lang, at });
      // Kept: the private notes have done their job and leave this window.
      setNotes('');
      session.removeItem(sessionKeyFor(plan.planId));
      setSaving({ kept: formatDate(at.toISOString(), lang) });
    } catch (e: unknown) {
      setSaving({ error: e });
    }
  };

  const timer = section ? sectionTimer(section.minutes, elapsed[index] ?? 0) : undefined;
  const name = plan.contact?.displayName ?? plan.subject;

  return (
    <main className={styles.root}>
      <header>
        <Title3 as="h1" block>
          {t('title')}
        </Title3>
        <Caption1 lang={plan.lang}>{plan.subject}</Caption1>
      </header>

      <section className={styles.block} aria-labelledby="guide-heading">
        <Subtitle2 as="h2" id="guide-heading">
          {t('guide.heading')}
        </Subtitle2>
        {section && timer ? (
          <>
            <Caption1>{t('guide.progress', { current: index + 1, total: sections.length })}</Caption1>
            <h3 ref={headingRef} tabIndex={-1} lang={plan.lang} style={{ margin: 0 }}>
              {section.title}
            </h3>
            {section.purpose ? (
              <Body1 lang={plan.lang}>
                <em>{section.purpose}</em>
              </Body1>
            ) : null}
            <div className={styles.row}>
              <Text>{section.minutes > 0 ? t('guide.minutes', { count: section.minutes }) : t('guide.untimed')}</Text>
              {timer.phase !== 'untimed' ? (
                <Text id={ids.timer} weight="semibold" data-phase={timer.phase}>
                  {timer.phase === 'over' ? t('guide.over', { time: clock(timer.overSeconds) }) : t('guide.left', { time: clock(timer.remainingSeconds) })}
                </Text>
              ) : null}
            </div>
            {timer.phase !== 'untimed' ? (
              <Field label={t('guide.timerLabel')}>
                <ProgressBar value={timer.used} max={1} thickness="large" color={timer.phase === 'over' ? 'warning' : 'brand'} aria-describedby={ids.timer} />
              </Field>
            ) : null}
            {section.prompts.length > 0 ? (
              <>
                <Text weight="semibold" id="prompts-label">
                  {t('guide.prompts')}
                </Text>
                <ul className={styles.prompts} aria-labelledby="prompts-label" lang={plan.lang}>
                  {section.prompts.map((p, i) => {
                    const id = `${index}:${i}`;
                    return (
                      <li key={id}>
                        <Checkbox label={p} checked={ticked.has(id)} onChange={(_, d) => toggle(id, d.checked === true)} />
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
            <div className={styles.row}>
              <Button onClick={() => go(index - 1)} disabled={index === 0}>
                {t('guide.previous')}
              </Button>
              <Button appearance="primary" onClick={() => go(index + 1)} disabled={index >= sections.length - 1}>
                {t('guide.next')}
              </Button>
              {timer.phase !== 'untimed' ? (
                <Button onClick={() => setRunning((r) => !r)} aria-pressed={running}>
                  {running ? t('guide.pause') : t('guide.start')}
                </Button>
              ) : null}
            </div>
          </>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t('noAgenda')}</MessageBarBody>
          </MessageBar>
        )}
        {/* Polite, and only on a minute or phase change: never a countdown read every second. */}
        <div className={styles.srOnly} aria-live="polite" role="status">
          {announcement}
        </div>
      </section>

      <section className={styles.block} aria-labelledby="notes-heading">
        <Subtitle2 as="h2" id="notes-heading">
          {t('notes.heading')}
        </Subtitle2>
        <Text id={ids.notesHint}>{t('notes.hint')}</Text>
        <Field label={t('notes.label')}>
          <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" rows={6} aria-describedby={ids.notesHint} />
        </Field>
      </section>

      <section className={styles.block} aria-labelledby="summary-heading">
        <Subtitle2 as="h2" id="summary-heading">
          {t('summary.heading')}
        </Subtitle2>
        {plan.contact ? (
          <>
            <Text>{t('summary.intro', { name })}</Text>
            <div className={styles.row}>
              <Button onClick={() => setSummary(notes)} disabled={notes.trim() === ''}>
                {t('summary.fromNotes')}
              </Button>
            </div>
            <Field label={t('summary.label')} validationMessage={saving === 'empty' ? t('summary.empty') : undefined}>
              <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" rows={4} lang={plan.lang} />
            </Field>
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void keep()} disabled={saving === 'saving'}>
                {saving === 'saving' ? t('summary.keeping') : t('summary.keep')}
              </Button>
            </div>
            {typeof saving === 'object' && 'kept' in saving ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{t('summary.kept', { name, date: saving.kept })}</MessageBarBody>
              </MessageBar>
            ) : null}
            {typeof saving === 'object' && 'error' in saving ? <ErrorBanner error={saving.error} onRetry={() => void keep()} /> : null}
          </>
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>{t('summary.noContact', { name })}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </main>
  );
};
