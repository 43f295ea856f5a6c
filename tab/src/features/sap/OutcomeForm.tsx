/**
 * The chair records the group's outcome: a service granted (a named unit or the queue, the start
 * date when known) or refused (the criteria not met), weighed against the criteria in force on
 * the meeting day — each cited criterion ticked — and the rationale; or "more information
 * needed" (what, from whom, by when), which sends the case back to the worker. Not offered
 * before the meeting starts: a message says when it can be recorded.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { AgendaItem, UnitList } from '../../api/types';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { SERVICES, type ServiceCode } from '../../components/services';
import { useNotify } from '../../components/toast';
import { useAgenda, useMeetingCriteria, useSapMutations } from './api';
import { useFormat } from '../../components/format';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  criteria: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  version: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function OutcomeForm({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const agenda = useAgenda(meetingId);
  const startsAt = agenda.data?.meeting.startsAt;
  // The server says whether the meeting has started; refetch once a minute while waiting.
  const open = agenda.data?.outcomesOpen !== false;
  const { refetch } = agenda;
  useEffect(() => {
    if (open) return;
    const id = setInterval(() => void refetch(), 60_000);
    return () => clearInterval(id);
  }, [open, refetch]);
  if (!open && startsAt) {
    return (
      <MessageBar intent="info" data-testid="outcome-not-started">
        <MessageBarBody>{t('sap.outcome.notStarted', { time: f.dateTime(startsAt) })}</MessageBarBody>
      </MessageBar>
    );
  }
  return <OutcomeFields meetingId={meetingId} item={item} />;
}

function OutcomeFields({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [kind, setKind] = useState<'service' | 'moreInfo'>('service');
  const [service, setService] = useState<ServiceCode | ''>('');
  const [unitId, setUnitId] = useState('');
  const [rationale, setRationale] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  const [result, setResult] = useState<'granted' | 'refused'>('granted');
  const [startDate, setStartDate] = useState('');
  const [fromWhom, setFromWhom] = useState('');
  const [by, setBy] = useState('');
  const [tried, setTried] = useState(false);
  const criteria = useMeetingCriteria(meetingId, true);
  const units = useQuery({
    queryKey: ['units', service],
    enabled: kind === 'service' && !!service,
    queryFn: ({ signal }) => api.get<UnitList>(paths.units({ service }), signal),
  });
  const m = useSapMutations(meetingId);
  const set = criteria.data?.sets.find((s) => s.service === service);
  const lang = i18n.language === 'sv' ? 'sv' : 'fi';

  const errors = {
    service: kind === 'service' && !service ? t('sap.outcome.serviceRequired') : undefined,
    criteria: kind === 'service' && cited.length === 0 ? t('errors.outcome.criteriaRequired') : undefined,
    rationale: !rationale.trim() ? t('sap.outcome.rationaleRequired') : undefined,
    fromWhom: kind === 'moreInfo' && !fromWhom.trim() ? t('sap.outcome.fromWhomRequired') : undefined,
    by: kind === 'moreInfo' && !by ? t('sap.outcome.byRequired') : undefined,
  };

  const submit = () => {
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    m.outcome.mutate(
      {
        bookingId: item.bookingId,
        body:
          kind === 'service'
            ? {
                kind,
                service: service as ServiceCode,
                result,
                preferredUnitId: result === 'granted' ? unitId || null : null,
                ...(result === 'granted' && startDate ? { startDate } : {}),
                rationale,
                criteriaCited: cited,
                criteriaVersion: set?.version,
              }
            : { kind, rationale, criteriaCited: [], moreInfo: { fromWhom: fromWhom.trim(), by } },
      },
      { onSuccess: () => notify(t('sap.outcome.recorded', { ref: item.caseRef })) },
    );
  };

  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={t('sap.outcome.title')} data-testid="outcome-form">
      <Field label={t('sap.outcome.kind')} required>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as 'service' | 'moreInfo')}>
          <Radio value="service" label={t('sap.outcomeKinds.service')} />
          <Radio value="moreInfo" label={t('sap.outcomeKinds.moreInfo')} />
        </RadioGroup>
      </Field>
      {kind === 'service' && (
        <>
          <Field label={t('sap.outcome.service')} required validationMessage={tried ? errors.service : undefined}>
            <Select value={service} onChange={(_, d) => { setService(d.value as ServiceCode); setCited([]); setUnitId(''); }}>
              <option value="">{t('common.choose')}</option>
              {SERVICES.map((s) => (
                <option key={s} value={s}>
                  {t(`services.${s}`)} ({t(`serviceSections.${s}`)})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('sap.outcome.result')} required>
            <RadioGroup layout="horizontal" value={result} onChange={(_, d) => setResult(d.value as 'granted' | 'refused')}>
              <Radio value="granted" label={t('sap.outcome.results.granted')} />
              <Radio value="refused" label={t('sap.outcome.results.refused')} />
            </RadioGroup>
          </Field>
          {service && result === 'granted' && (
            <Field label={t('sap.outcome.startDate')} hint={t('sap.outcome.startDateHint')}>
              <Input type="date" value={startDate} onChange={(_, d) => setStartDate(d.value)} />
            </Field>
          )}
          {service && result === 'granted' && (
            <Field label={t('sap.outcome.preferredUnit')} hint={t('sap.outcome.preferredUnitHint')}>
              <Select value={unitId} onChange={(_, d) => setUnitId(d.value)}>
                <option value="">{t('sap.outcome.noPreferredUnit')}</option>
                {(units.data?.units ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} – {u.providerName} ({t('providers.vacanciesShort', { count: u.vacancies })})
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {service && (
            <fieldset className={styles.criteria}>
              <legend>
                <Text weight="semibold">{result === 'refused' ? t('sap.outcome.criteriaRefused') : t('sap.outcome.criteria')}</Text>{' '}
                {set && (
                  <Text size={200} className={styles.version}>
                    {t('sap.outcome.criteriaVersion', { version: set.version, date: set.validFrom })}
                  </Text>
                )}
              </legend>
              {criteria.isPending ? (
                <LoadingState />
              ) : criteria.isError ? (
                <ErrorState error={criteria.error} />
              ) : !set ? (
                <Text>{t('sap.outcome.noCriteria')}</Text>
              ) : (
                set.items.map((c) => (
                  <Checkbox
                    key={c.id}
                    checked={cited.includes(c.id)}
                    onChange={(_, d) => setCited((x) => (d.checked ? [...x, c.id] : x.filter((y) => y !== c.id)))}
                    label={`${c.id}: ${c.text[lang]}`}
                  />
                ))
              )}
              {tried && errors.criteria && (
                <Text role="alert" size={200} className={styles.error}>
                  {errors.criteria}
                </Text>
              )}
            </fieldset>
          )}
        </>
      )}
      <Field
        label={kind === 'service' ? t('sap.outcome.rationale') : t('sap.outcome.missingInfo')}
        required
        validationMessage={tried ? errors.rationale : undefined}
      >
        <Textarea value={rationale} onChange={(_, d) => setRationale(d.value)} rows={4} resize="vertical" maxLength={8000} />
      </Field>
      {kind === 'moreInfo' && (
        <>
          <Field label={t('sap.outcome.fromWhom')} required validationMessage={tried ? errors.fromWhom : undefined}>
            <Input value={fromWhom} onChange={(_, d) => setFromWhom(d.value)} maxLength={300} />
          </Field>
          <Field label={t('sap.outcome.by')} required validationMessage={tried ? errors.by : undefined}>
            <Input type="date" value={by} onChange={(_, d) => setBy(d.value)} />
          </Field>
        </>
      )}
      {m.outcome.isError && <ErrorState error={m.outcome.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<CheckmarkRegular />} disabled={m.outcome.isPending}>
          {t('sap.outcome.save')}
        </Button>
      </div>
    </form>
  );
}
