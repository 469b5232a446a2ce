import { useMemo, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  addPrompt,
  addSection,
  defaultAgenda,
  editPrompt,
  movePrompt,
  moveSection,
  removePrompt,
  removeSection,
  renameSection,
  renderInviteHtml,
  setSectionPurpose,
  timeAgenda,
} from '../../../../domain/agenda';
import type { Agenda } from '../../../../domain/agenda/model';
import type { Lang } from '../../../../domain/types';
import { useWizard } from '../context';
import { AgendaLangChoice } from '../../../../ui/ConversationFields';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalS },
  headerText: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  prompts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  prompt: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'flex-end' },
  promptField: { flexGrow: 1, minWidth: '12rem' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  frame: {
    width: '100%',
    height: '32rem',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // The invite is an e-mail body: it is shown as Outlook shows it, on white, whatever the theme.
    backgroundColor: '#ffffff',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  prepLabel: { display: 'inline-flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The document the preview frame shows: the invite body exactly as rendered, in a bare page. */
export const previewDocument = (bodyHtml: string, agendaLang: Lang): string =>
  `<!doctype html><html lang="${agendaLang}"><head><meta charset="utf-8"></head>` +
  `<body style="margin:12px;background:#ffffff;color:#242424">${bodyHtml}</body></html>`;

export const AgendaStep = () => {
  const { t, ctx, draft, update, problems } = useWizard();
  const styles = useStyles();
  const timed = useMemo(() => timeAgenda(draft.agenda, draft.durationMinutes), [draft.agenda, draft.durationMinutes]);
  // The very function the booking uses for the event body, so the preview cannot drift from it.
  const inviteHtml = useMemo(
    () =>
      renderInviteHtml({
        agenda: draft.agenda,
        durationMinutes: draft.durationMinutes,
        leaverName: ctx.leaver.displayName,
        managerName: ctx.manager.displayName,
      }),
    [draft.agenda, draft.durationMinutes, ctx.leaver.displayName, ctx.manager.displayName],
  );
  const setAgenda = (agenda: Agenda) => update({ agenda }, ['agenda']);
  const sections = timed.sections;
  const count = sections.length;
  const agendaMessage = [problems.exactMessage('agenda'), problems.exactMessage('agenda.sections')].filter(Boolean).join(' ');
  // Sections with a problem start open, so the message on their field is in sight. The step
  // mounts afresh when the wizard jumps to it after a failed Book, so the initial value suffices.
  const [initiallyOpen] = useState(() =>
    sections.filter((_, i) => problems.message(`agenda.sections.${i}`) !== undefined).map((s) => s.id),
  );

  return (
    <div className={styles.stack}>
      <Text>{t('agenda.intro')}</Text>
      <Field label={t('agenda.language')} hint={t('agenda.languageHint')}>
        <AgendaLangChoice horizontal value={draft.agendaLang} onChange={(agendaLang) => update({ agendaLang, agenda: defaultAgenda(agendaLang) }, ['agenda'])} />
      </Field>

      <div className={styles.columns}>
        <section className={styles.editor} aria-labelledby="wizard-agenda-sections">
          <Text as="h4" id="wizard-agenda-sections" weight="semibold" size={400}>
            {t('agenda.sectionsHeading', { total: t('agenda.total', { count: draft.durationMinutes }) })}
          </Text>
          {agendaMessage ? (
            <Text role="alert" className={styles.error}>
              {agendaMessage}
            </Text>
          ) : null}
          {count === 0 ? <Text>{t('agenda.empty')}</Text> : null}
          <Accordion multiple collapsible defaultOpenItems={initiallyOpen}>
            {sections.map((s, i) => (
              <AccordionItem key={s.id} value={s.id}>
                <AccordionHeader>
                  <span className={styles.headerText}>
                    <span>{t('agenda.sectionHeading', { index: i + 1, title: s.title })}</span>
                    <Badge appearance="outline">{t('agenda.minutes', { count: s.minutes })}</Badge>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <div className={styles.panel}>
                    <Field label={t('agenda.sectionTitle')} validationMessage={problems.message(`agenda.sections.${i}.title`)}>
                      <Input value={s.title} onChange={(_, d) => setAgenda(renameSection(draft.agenda, s.id, d.value))} />
                    </Field>
                    <Field label={t('agenda.purpose')} validationMessage={problems.message(`agenda.sections.${i}.purpose`)}>
                      <Textarea
                        value={s.purpose}
                        resize="vertical"
                        onChange={(_, d) => setAgenda(setSectionPurpose(draft.agenda, s.id, d.value))}
                      />
                    </Field>
                    <Text weight="semibold">{t('agenda.prompts')}</Text>
                    {problems.exactMessage(`agenda.sections.${i}.prompts`) ? (
                      <Text role="alert" className={styles.error}>
                        {problems.exactMessage(`agenda.sections.${i}.prompts`)}
                      </Text>
                    ) : null}
                    <ol className={styles.prompts}>
                      {s.prompts.map((p, j) => (
                        <li key={p.id} className={styles.prompt}>
                          <Field
                            label={t('agenda.prompt', { index: j + 1 })}
                            className={styles.promptField}
                            validationMessage={problems.message(`agenda.sections.${i}.prompts.${j}`)}
                          >
                            <Input value={p.text} onChange={(_, d) => setAgenda(editPrompt(draft.agenda, s.id, p.id, d.value))} />
                          </Field>
                          <div className={styles.buttons}>
                            <Button
                              size="small"
                              disabled={j === 0}
                              aria-label={t('agenda.movePromptUp', { index: j + 1 })}
                              onClick={() => setAgenda(movePrompt(draft.agenda, s.id, p.id, j - 1))}
                            >
                              {t('agenda.moveUp')}
                            </Button>
                            <Button
                              size="small"
                              disabled={j === s.prompts.length - 1}
                              aria-label={t('agenda.movePromptDown', { index: j + 1 })}
                              onClick={() => setAgenda(movePrompt(draft.agenda, s.id, p.id, j + 1))}
                            >
                              {t('agenda.moveDown')}
                            </Button>
                            <Button
                              size="small"
                              aria-label={t('agenda.removePrompt', { index: j + 1 })}
                              onClick={() => setAgenda(removePrompt(draft.agenda, s.id, p.id))}
                            >
                              {t('agenda.remove')}
                            </Button>
                          </div>
                        </li>
                      ))}
                    </ol>
                    <div className={styles.buttons}>
                      <Button size="small" onClick={() => setAgenda(addPrompt(draft.agenda, s.id, t('agenda.newPrompt')))}>
                        {t('agenda.addPrompt')}
                      </Button>
                      <Button
                        size="small"
                        disabled={i === 0}
                        aria-label={t('agenda.moveSectionUp', { title: s.title })}
                        onClick={() => setAgenda(moveSection(draft.agenda, s.id, i - 1))}
                      >
                        {t('agenda.moveUp')}
                      </Button>
                      <Button
                        size="small"
                        disabled={i === count - 1}
                        aria-label={t('agenda.moveSectionDown', { title: s.title })}
                        onClick={() => setAgenda(moveSection(draft.agenda, s.id, i + 1))}
                      >
                        {t('agenda.moveDown')}
                      </Button>
                      <Button
                        size="small"
                        aria-label={t('agenda.removeSection', { title: s.title })}
                        onClick={() => setAgenda(removeSection(draft.agenda, s.id))}
                      >
                        {t('agenda.remove')}
                      </Button>
                    </div>
                  </div>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          <div>
            <Button
              onClick={() => setAgenda(addSection(draft.agenda, { title: t('agenda.newSectionTitle'), prompts: [t('agenda.newPrompt')] }))}
            >
              {t('agenda.addSection')}
            </Button>
          </div>
        </section>

        <section className={styles.preview} aria-labelledby="wizard-agenda-preview">
          <Text as="h4" id="wizard-agenda-preview" weight="semibold" size={400}>
            {t('agenda.preview')}
          </Text>
          <Text size={200}>{t('agenda.previewHint', { name: ctx.leaver.displayName })}</Text>
          {/* sandbox="" : no script, no form, no navigation, a unique origin. The HTML is already
              escaped by the renderer; the sandbox is the second lock. */}
          <iframe
            className={styles.frame}
            title={t('agenda.previewFrame')}
            sandbox=""
            srcDoc={previewDocument(inviteHtml, draft.agendaLang)}
            data-testid="invite-preview"
          />
        </section>
      </div>

      <Field
        label={
          <span className={styles.prepLabel}>
            {t('agenda.prepNotes')}
            <Badge appearance="tint" color="warning">
              {t('agenda.privateBadge')}
            </Badge>
          </span>
        }
        hint={t('agenda.prepNotesHint', { name: ctx.leaver.displayName })}
        validationMessage={problems.message('prepNotes')}
      >
        <Textarea value={draft.prepNotes} resize="vertical" onChange={(_, d) => update({ prepNotes: d.value }, ['prepNotes'])} />
      </Field>
      <Checkbox
        checked={draft.prepReminder}
        label={t('agenda.prepReminder')}
        onChange={(_, d) => update({ prepReminder: d.checked === true }, ['prepReminder'])}
      />
      {problems.banner('agenda')}
    </div>
  );
};
