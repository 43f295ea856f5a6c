/** The client receives the finished assessment: the date and the way are recorded. */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_WAYS } from '@contract/assessment';
import { helsinkiToday, useFormat } from '../../../components/format';
import { ErrorState } from '../../../components/QueryState';
import { useNotify } from '../../../components/toast';
import { useAssessmentMutations, type AssessmentView } from './api';
import { DateInput } from '../../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

export function DeliveryForm({ caseId, view }: { caseId: string; view: AssessmentView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const m = useAssessmentMutations(caseId);
  const [deliveredOn, setDeliveredOn] = useState(helsinkiToday());
  const [way, setWay] = useState<string>('post');
  const d = view.assessment.delivery;
  if (d)
    return (
      <Text data-testid="assessment-delivered">
        {t('assessment.deliveredText', { date: f.date(d.deliveredOn), way: t(`assessment.ways.${d.way}`), name: d.recordedBy.name })}
      </Text>
    );
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        m.deliver.mutate({ version: view.version, deliveredOn, way }, { onSuccess: () => notify(t('assessment.deliveredToast')) });
      }}
    >
      <Field label={t('assessment.deliveredOn')} required>
        <DateInput value={deliveredOn} onChange={(value) => setDeliveredOn(value)} />
      </Field>
      <Field label={t('assessment.deliveryWay')} required>
        <RadioGroup layout="horizontal" value={way} onChange={(_, v) => setWay(v.value)}>
          {DELIVERY_WAYS.map((w) => (
            <Radio key={w} value={w} label={t(`assessment.ways.${w}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Button type="submit" icon={<SendRegular />} disabled={m.deliver.isPending || !deliveredOn}>
        {t('assessment.recordDelivery')}
      </Button>
      {m.deliver.isError && <ErrorState error={m.deliver.error} />}
    </form>
  );
}
