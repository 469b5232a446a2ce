import { Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useWizard } from '../context';
import type { Draft } from '../draft';
import { COMMON_NAMESPACE } from '../../../../ui/strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '36rem' },
});

type TextKey = 'personalEmail' | 'mobilePhone' | 'profileUrl' | 'nextCompany' | 'nextRole';

/** Personal details for the contact; none is kept without the leaver's consent. */
export const ContactStep = () => {
  const { t, ctx, draft, update, problems } = useWizard();
  const styles = useStyles();
  const name = ctx.leaver.displayName;
  const hasPersonal = [draft.personalEmail, draft.mobilePhone, draft.profileUrl, draft.nextCompany, draft.nextRole].some(
    (v) => v.trim() !== '',
  );
  // Told as soon as it is true, not only after a failed Book: the rule is simple to follow live.
  const consentMessage =
    problems.message('leaver.consentToKeepContact') ?? (hasPersonal && !draft.consent ? t('contact.consentNeeded') : undefined);

  const text = (key: TextKey, label: string, type: 'email' | 'tel' | 'url' | 'text', hint?: string, autoComplete?: string) => (
    <Field label={label} hint={hint} validationMessage={problems.message(`leaver.${key}`)}>
      <Input
        type={type}
        value={draft[key]}
        autoComplete={autoComplete ?? 'off'}
        onChange={(_, d) => update({ [key]: d.value } as Partial<Draft>, [`leaver.${key}`, 'leaver.consentToKeepContact'])}
      />
    </Field>
  );

  return (
    <div className={styles.stack}>
      <Text>{t('contact.intro', { name })}</Text>
      {text('personalEmail', t('alumni.email', { ns: COMMON_NAMESPACE }), 'email')}
      {text('mobilePhone', t('contact.mobile'), 'tel', t('contact.mobileHint'))}
      {text('profileUrl', t('contact.profile'), 'url', t('contact.profileHint'))}
      {text('nextCompany', t('contact.nextCompany'), 'text')}
      {text('nextRole', t('contact.nextRole'), 'text')}
      <Field validationMessage={consentMessage} validationState={consentMessage ? 'error' : 'none'}>
        <Checkbox
          checked={draft.consent}
          label={t('contact.consent', { name })}
          onChange={(_, d) => update({ consent: d.checked === true }, ['leaver.consentToKeepContact'])}
        />
      </Field>
      {problems.banner('contact')}
    </div>
  );
};
