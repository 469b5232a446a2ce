import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDIN_NAMESPACE } from './strings';
import type { PlanId } from '../../domain/types';
import type { MailItemPort, Requirement } from '../../hosts/office';
import { LoadingState } from '../../ui';
import type { Alumnus, AuRevoirService } from '../../workflows/service';

// The template and the alumni card are separate chunks: an item needs one of them, never both at once.
const TemplatePane = lazy(() => import(/* webpackChunkName: "template-pane" */ './TemplatePane').then((m) => ({ default: m.TemplatePane })));
const AlumniPane = lazy(() => import(/* webpackChunkName: "alumni-pane" */ './AlumniPane').then((m) => ({ default: m.AlumniPane })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, boxSizing: 'border-box' },
});

export interface TaskPaneProps {
  readonly item: MailItemPort;
  readonly service: AuRevoirService;
  /** Requirement sets this Outlook lacks for the item (from missingRequirements). */
  readonly missing: readonly Requirement[];
  readonly now: () => Date;
  readonly newPlanId: () => PlanId;
}

type View = { kind: 'deciding' } | { kind: 'template' } | { kind: 'alumni'; alumnus?: Alumnus };

/** The sets Au revoir can work without, each with what the user loses; the others block (below). */
const hasConsequence = (f: Requirement['feature']): f is 'categories' | 'itemId' => f === 'categories' || f === 'itemId';

/** The requirement sets Outlook lacks, named in the user's language; nothing when it has them all. */
export const RequirementNotice = ({ missing }: { readonly missing: readonly Requirement[] }) => {
  const { t } = useTranslation(ADDIN_NAMESPACE);
  const blocking = missing.filter((r) => r.blocking);
  if (blocking.length) {
    return (
      <div role="alert">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('requirements.blocking', { list: blocking.map((r) => t(`requirements.feature.${r.feature}`)).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <>
      {missing.map((r) => (
        <MessageBar key={r.feature} intent="warning" layout="multiline">
          <MessageBarBody>
            {t('requirements.partial', { list: t(`requirements.feature.${r.feature}`), consequence: hasConsequence(r.feature) ? t(`requirements.consequence.${r.feature}`) : '' })}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
};

/**
 * The task pane for one Outlook item. A meeting being composed gets the template, unless it is one
 * of the reconnect reminders Au revoir booked (the organizer's own events open in compose mode):
 * then, like a reminder being read, it gets the alumni card. A message gets the same flow with its
 * sender as the leaver.
 */
export const TaskPane = ({ item, service, missing, now, newPlanId }: TaskPaneProps) => {
  const styles = useStyles();
  const blocked = missing.some((r) => r.blocking);
  const [view, setView] = useState<View>(() =>
    item.kind === 'appointmentRead' ? { kind: 'alumni' } : item.kind === 'appointmentCompose' ? { kind: 'deciding' } : { kind: 'template' },
  );

  useEffect(() => {
    if (blocked || view.kind !== 'deciding') return;
    let live = true;
    void (async () => {
      try {
        const subject = await item.getSubject();
        // A brand-new meeting (no subject, no id) cannot be a reminder: skip the lookup.
        if (!subject.trim() && !item.restId) {
          if (live) setView({ kind: 'template' });
          return;
        }
        const [alumni, { findAlumnusForItem }] = await Promise.all([service.listAlumni(now()), import(/* webpackChunkName: "addin-plan" */ './plan')]);
        const alumnus = findAlumnusForItem(alumni, { subject, ...(item.restId ? { restId: item.restId } : {}) });
        if (live) setView(alumnus ? { kind: 'alumni', alumnus } : { kind: 'template' });
      } catch (e) {
        // The template still works without knowing; the error shows again where it matters.
        console.warn('Au revoir: could not tell whether this meeting is a reminder', e);
        if (live) setView({ kind: 'template' });
      }
    })();
    return () => {
      live = false;
    };
  }, [blocked, view.kind, item, service, now]);

  return (
    <main className={styles.root}>
      <RequirementNotice missing={missing} />
      {blocked ? null : view.kind === 'deciding' ? (
        <LoadingState />
      ) : (
        <Suspense fallback={<LoadingState />}>
          {view.kind === 'alumni' ? (
            <AlumniPane
              item={item}
              service={service}
              now={now}
              {...(view.alumnus ? { initial: view.alumnus } : {})}
              {...(item.kind === 'appointmentCompose' ? { onUseTemplate: () => setView({ kind: 'template' }) } : {})}
            />
          ) : (
            <TemplatePane
              item={item}
              service={service}
              mode={item.kind === 'messageRead' || item.kind === 'messageCompose' ? 'sender' : 'compose'}
              categoriesSupported={!missing.some((r) => r.feature === 'categories')}
              now={now}
              newPlanId={newPlanId}
            />
          )}
        </Suspense>
      )}
    </main>
  );
};
