import { Body1, Title3 } from '@fluentui/react-components';
import { useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from '../strings';
import { withConsentRecord } from '../../../domain/alumni';
import { isoDate, type PlanId } from '../../../domain/types';
import { applyTemplate } from '../../../hosts/office';
import { useLang } from '../../../ui';
import { ADDIN_STRINGS } from '../strings';
import { AU_REVOIR_CATEGORY, AU_REVOIR_CATEGORY_COLOR } from '../../../domain/category';
import { todayIn } from '../../../domain/dates';
import { fill } from '../../../domain/texts/fill';
import { buildAddinPlan, templateTexts } from '../plan';
import type { TemplatePaneProps } from '../TemplatePane';
import { ApplyControls } from './ApplyControls';
import { LeaverField } from './LeaverField';
import { MeetingFields } from './MeetingFields';
import { SaveSection } from './SaveSection';
import { chosenLeaver, initialTemplateState, templateProblems, templateReducer, type ProblemKey, type TemplateContext } from './state';
import { useTemplateStyles } from './styles';

/**
 * The template form once the item and the mailbox are read: pick the leaver, apply the template to the
 * meeting being composed (or, for a message's sender, book it all), then keep in touch. Its state is
 * one reducer (./state.ts); the handlers here make the Office and Graph calls and report to it.
 */
export const TemplateForm = ({ ctx, item, service, mode, categoriesSupported, now, newPlanId }: TemplatePaneProps & { readonly ctx: TemplateContext }) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const styles = useTemplateStyles();
  const uiLang = useLang();
  const [state, dispatch] = useReducer(templateReducer, { ctx, uiLang }, initialTemplateState);
  // One id for the plan across retries: bookPlan finds what an earlier attempt booked.
  const planId = useRef<PlanId>(undefined);

  const leaver = chosenLeaver(state, ctx.candidates);
  const problems = templateProblems(state, leaver, mode, ctx.settings.timeZone);
  const shown = (problem: ProblemKey | undefined) => (state.showErrors && problem ? t(problem) : undefined);
  const name = leaver?.displayName ?? '';

  const onApply = async (): Promise<void> => {
    dispatch({ type: 'validate' });
    if (!leaver || problems.leaver) return;
    dispatch({ type: 'applyStarted' });
    try {
      const texts = templateTexts({ agendaLang: state.agendaLang, durationMinutes: state.length, leaverName: leaver.displayName, managerName: ctx.me.displayName });
      const result = await applyTemplate(item, {
        ...texts,
        leaver: { email: leaver.email, displayName: leaver.displayName },
        category: AU_REVOIR_CATEGORY,
        categoryColor: AU_REVOIR_CATEGORY_COLOR,
        categoriesSupported,
      });
      dispatch({ type: 'applied', result });
    } catch (error) {
      dispatch({ type: 'applyFailed', error });
    }
  };

  const onSave = async (): Promise<void> => {
    dispatch({ type: 'validate' });
    if (!leaver || problems.leaver || problems.lastDay || problems.start) return;
    dispatch({ type: 'bookStarted' });
    try {
      const when = mode === 'sender' ? problems.startInstant : ((await item.getStart()) ?? now());
      // A booking for this leaver interrupted elsewhere (the tab on Teams desktop, another Outlook) is
      // finished under its own plan id: the journal is in the mailbox (workflows/journal.ts).
      planId.current ??= (await service.pendingPlanFor?.(leaver.email)) ?? newPlanId();
      const built = buildAddinPlan({
        id: planId.current,
        manager: ctx.me,
        settings: ctx.settings,
        leaver,
        lastWorkingDay: isoDate(state.lastDay),
        start: when ?? now(),
        durationMinutes: state.length,
        agendaLang: state.agendaLang,
        preset: state.preset,
        personalEmail: state.personalEmail,
        mobilePhone: state.mobile,
        profileUrl: state.profileUrl,
        consent: state.consent,
        conversationSource: mode === 'compose' ? 'outlookItem' : 'book',
      });
      // The consent sentence as the leaver was shown it, in the plan's language, kept with the contact (issue 12).
      const plan = withConsentRecord(built, {
        at: now(),
        channel: 'outlookAddin',
        text: fill(ADDIN_STRINGS[built.agenda.lang].save.consent, { name: built.leaver.displayName }),
      });
      dispatch({ type: 'bookProgress', progress: { done: 0, total: 1, phase: 'checking' } });
      const receipt = await service.bookPlan(plan, (progress) => dispatch({ type: 'bookProgress', progress }));
      dispatch({ type: 'booked', receipt });
    } catch (error) {
      dispatch({ type: 'bookFailed', error });
    }
  };

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="addin-template-heading">
        <Title3 as="h2" id="addin-template-heading" className={styles.heading}>
          {t('template.heading')}
        </Title3>
        <Body1>{mode === 'sender' ? t('template.introSender') : t('template.intro')}</Body1>
        <LeaverField ctx={ctx} service={service} mode={mode} choice={state.choice} problem={shown(problems.leaver)} dispatch={dispatch} />
        <MeetingFields
          mode={mode}
          agendaLang={state.agendaLang}
          length={state.length}
          start={state.start}
          startProblem={shown(problems.start)}
          dispatch={dispatch}
        />
        <ApplyControls
          mode={mode}
          applying={state.applying}
          applied={state.applied}
          applyError={state.applyError}
          name={name}
          onApply={() => void onApply()}
          dispatch={dispatch}
        />
      </section>
      {mode === 'sender' || state.applied !== undefined ? (
        <SaveSection
          mode={mode}
          state={state}
          name={name}
          lastDayProblem={shown(problems.lastDay)}
          minLastDay={todayIn(ctx.settings.timeZone, now())}
          onSave={() => void onSave()}
          dispatch={dispatch}
        />
      ) : null}
    </div>
  );
};
