import { Field, ProgressBar } from '@fluentui/react-components';
import type { BookingProgress } from '../../../workflows/service';
import type { WizardT } from './i18n';

/** Booking progress, read out by screen readers as it moves (the Field's hint is aria-live). */
export const BookingProgressView = ({ t, progress }: { t: WizardT; progress: BookingProgress | undefined }) => {
  const phase = progress?.phase ?? 'checking';
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const label = t(`booking.phase_${phase}`, { done, total });
  return (
    <div aria-live="polite" role="status">
      <Field validationMessage={label} validationState="none">
        <ProgressBar
          value={total > 0 ? done : undefined}
          max={total > 0 ? total : undefined}
          thickness="large"
          aria-label={label}
        />
      </Field>
    </div>
  );
};
