import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAB_NAMESPACE } from '../strings';
import type { IsoDate } from '../../../domain/types';
import { PersonPicker } from '../../../ui';
import type { AuRevoirService, Person } from '../../../workflows/service';
import { LastDayForm } from './LastDayForm';

export interface AddDepartureFormProps {
  readonly service: AuRevoirService;
  readonly today: IsoDate;
  /** Not the manager, and not someone already in the list. */
  readonly excludeIds: readonly string[];
  readonly onAdd: (person: Person, day: IsoDate) => void;
  readonly onCancel: () => void;
}

/** Someone from the directory Graph does not list as leaving, with their last day. */
export const AddDepartureForm = ({ service, today, excludeIds, onAdd, onCancel }: AddDepartureFormProps) => {
  const { t } = useTranslation(TAB_NAMESPACE);
  const [picked, setPicked] = useState<Person>();
  const [pickError, setPickError] = useState<string>();
  return (
    <LastDayForm
      title={t('departures.addTitle')}
      submitLabel={t('departures.addConfirm')}
      today={today}
      precheck={() => {
        const msg = picked ? undefined : t('departures.personRequired');
        setPickError(msg);
        return msg;
      }}
      onCancel={onCancel}
      onSubmit={(day) => {
        if (picked) onAdd(picked, day);
      }}
    >
      <PersonPicker
        service={service}
        required
        excludeIds={excludeIds}
        validationMessage={pickError}
        onSelect={(p) => {
          setPicked(p);
          if (p) setPickError(undefined);
        }}
      />
    </LastDayForm>
  );
};
