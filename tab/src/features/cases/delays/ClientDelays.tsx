/**
 * Client-caused delays on the case (asiakkaasta johtuva viivästys): why only these extend the
 * SHL 45 § clock, the delays recorded so far, and — for the assigned worker — a form to record
 * one (start, end or "goes on", reason) and, for one that goes on, its close step (the last day,
 * not after today). The server recomputes the clocks; the case is read again.
 */
import { Button, Checkbox, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import type { Actor, CaseView } from '../../../api/types';
import { fieldErrorText } from '../../../components/errorText';
import { helsinkiToday, useFormat } from '../../../components/format';
import { ErrorState } from '../../../components/QueryState';
import { useTableStyles } from '../../../components/tableStyles';
import { useNotify } from '../../../components/toast';
import { useSession } from '../../../shell/session';
import { useCloseDelay, useRecordDelay } from './api';
import { delayDays, periodDays, validateClose, validateDelay, type DelayDraft, type DelayErrors, type DelayField } from './model';
import { DateInput } from '../../../components/DateInput';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  reason: { whiteSpace: 'pre-wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', alignItems: 'start' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

type RecordedDelay = { from: string; to?: string; reason: string; recordedBy?: Actor; recordedAt?: string };

const FIELDS: DelayField[] = ['from', 'to', 'reason'];
const empty = (): DelayDraft => ({ from: '', to: '', reason: '' });

/** The assigned worker may record while the case is open and not yet placed (as the server checks). */
export const canRecordDelay = (view: CaseView, roles: string[]): boolean =>
  roles.includes('Worker') && view.relation === 'assignedWorker' && !['PLACED', 'CLOSED'].includes(view.case.state);

export function ClientDelays({ caseId, view }: { caseId: string; view: CaseView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const f = useFormat();
  const session = useSession();
  const delays = (view.case.clientDelays ?? []) as RecordedDelay[];
  const today = helsinkiToday();
  const total = delayDays(delays, today);
  const canRecord = canRecordDelay(view, session.user.roles);
  const canClose = session.user.roles.includes('Worker') && view.relation === 'assignedWorker' && view.case.state !== 'CLOSED';
  return (
    <div className={styles.root} data-testid="client-delays">
      <Text>{t('delays.explain')}</Text>
      {delays.length === 0 ? (
        <Text className={styles.meta}>{t('delays.none')}</Text>
      ) : (
        <>
          <div className={table.scroll}>
            <Table className={table.table} size="small" aria-label={t('delays.listLabel')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('delays.period')}</TableHeaderCell>
                  <TableHeaderCell className={table.num}>{t('delays.days')}</TableHeaderCell>
                  <TableHeaderCell>{t('delays.reason')}</TableHeaderCell>
                  <TableHeaderCell>{t('delays.recorded')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {delays
                  .map((d, index) => ({ d, index }))
                  .sort((a, b) => a.d.from.localeCompare(b.d.from))
                  .map(({ d, index }) => (
                    <TableRow key={`${d.from}-${d.to ?? ''}-${index}`} data-delay={`${d.from}/${d.to ?? ''}`}>
                      <TableCell className={`${table.nowrap} ${table.top}`}>
                        {d.to ? `${f.date(d.from)}–${f.date(d.to)}` : t('delays.ongoingPeriod', { from: f.date(d.from) })}
                        {!d.to && canClose && <CloseDelay caseId={caseId} index={index} from={d.from} today={today} />}
                      </TableCell>
                      <TableCell className={`${table.num} ${table.top}`}>{periodDays(d, today)}</TableCell>
                      <TableCell className={table.top}>
                        <span className={styles.reason}>{d.reason}</span>
                      </TableCell>
                      <TableCell className={`${table.top} ${styles.meta}`}>
                        {d.recordedBy ? t('delays.recordedBy', { name: d.recordedBy.name, date: f.date(d.recordedAt) }) : ''}
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </div>
          <Text weight="semibold" data-testid="delays-total">
            {t('delays.total', { count: total })}
          </Text>
        </>
      )}
      {canRecord && <DelayForm caseId={caseId} pendingOn={helsinkiToday(new Date(view.case.pendingAt))} />}
    </div>
  );
}

/** The close step of an ongoing delay: its last day (not after today). */
function CloseDelay({ caseId, index, from, today }: { caseId: string; index: number; from: string; today: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const close = useCloseDelay(caseId);
  const [to, setTo] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const server = isApiError(close.error) ? fieldErrorText(t, close.error, 'to') : undefined;
  return (
    <form
      noValidate
      data-testid="delay-close"
      onSubmit={(e) => {
        e.preventDefault();
        const v = validateClose(from, to, helsinkiToday()); // today at sending (a form left open over midnight)
        setError(v);
        if (v) return;
        close.mutate({ index, to }, { onSuccess: () => notify(t('delays.closedToast'), t('delays.recordedToastBody')) });
      }}
    >
      <Field label={t('delays.closeLabel')} validationMessage={error ? t(error) : server}>
        <DateInput value={to} min={from} max={today} onChange={setTo} />
      </Field>
      <Button type="submit" size="small" disabled={close.isPending}>
        {t('delays.close')}
      </Button>
    </form>
  );
}

function DelayForm({ caseId, pendingOn }: { caseId: string; pendingOn: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const record = useRecordDelay(caseId);
  const [draft, setDraft] = useState<DelayDraft>(empty);
  const [errors, setErrors] = useState<DelayErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = (p: Partial<DelayDraft>) => {
    setDraft((x) => ({ ...x, ...p }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
  };
  const server: DelayErrors = {};
  if (isApiError(record.error))
    for (const fe of record.error.fieldErrors) {
      const field = FIELDS.find((x) => fe.field === `body.${x}`);
      if (field && !server[field]) server[field] = field === 'from' && /pending/i.test(fe.message) ? t('delays.errors.beforePending') : fieldErrorText(t, record.error, field);
    }
  const shown = (x: DelayField) => (errors[x] ? t(errors[x]!) : server[x]);
  const unplaced = isApiError(record.error) && Object.keys(server).length === 0;
  const focusFirst = (e: DelayErrors) => {
    const first = FIELDS.find((x) => e[x]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#delay-${first}`)?.focus());
  };

  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-label={t('delays.formTitle')}
      data-testid="delay-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = validateDelay(draft, pendingOn, helsinkiToday());
        setErrors(v);
        if (Object.keys(v).length > 0) return focusFirst(v);
        record.mutate(
          { from: draft.from, ...(draft.ongoing ? {} : { to: draft.to }), reason: draft.reason.trim() },
          {
            onSuccess: () => {
              notify(t('delays.recordedToast'), t('delays.recordedToastBody'));
              setDraft(empty());
            },
            onError: (err) => {
              if (isApiError(err)) focusFirst(Object.fromEntries(err.fieldErrors.map((x) => [x.field.replace(/^body\./, ''), 'x'])));
            },
          },
        );
      }}
    >
      <Text weight="semibold" as="h3">
        {t('delays.formTitle')}
      </Text>
      <div className={styles.row}>
        <Field label={t('delays.from')} required validationMessage={shown('from')}>
          <DateInput id="delay-from" value={draft.from} min={pendingOn} max={helsinkiToday()} onChange={(value) => set({ from: value })} />
        </Field>
        {!draft.ongoing && (
          <Field label={t('delays.to')} required validationMessage={shown('to')}>
            <DateInput id="delay-to" value={draft.to} min={draft.from || pendingOn} max={helsinkiToday()} onChange={(value) => set({ to: value })} />
          </Field>
        )}
      </div>
      <Checkbox checked={!!draft.ongoing} onChange={(_, d) => set({ ongoing: !!d.checked, to: '' })} label={t('delays.ongoing')} />
      <Field label={t('delays.reason')} hint={t('delays.reasonHint')} required validationMessage={shown('reason')}>
        <Textarea id="delay-reason" value={draft.reason} onChange={(_, d) => set({ reason: d.value })} rows={2} maxLength={2000} resize="vertical" />
      </Field>
      {unplaced && <ErrorState error={record.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={record.isPending}>
          {record.isPending ? t('common.saving') : t('delays.submit')}
        </Button>
      </div>
    </form>
  );
}
