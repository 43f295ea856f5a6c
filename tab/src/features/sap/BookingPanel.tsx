/**
 * A worker books a slot for their own case: the case, the estimated length (10/20/30 min) and a
 * free start. Starts that would run past the meeting's end are marked before booking. If someone
 * takes the start first, the server says so and offers the next free one. The chosen case is the
 * caller's (kept in the address), so switching meetings keeps it.
 */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { MeetingSummary } from '../../api/types';
import { useFormat } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useMyCases } from '../my-work/api';
import { useFreeStarts, useSapMutations } from './api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  starts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  start: { minWidth: '84px' },
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  overrun: { border: `1px solid ${tokens.colorPaletteRedBorderActive}`, minWidth: '84px' },
});

const LENGTHS = [10, 20, 30] as const;

export function BookingPanel({ meeting, caseId, onCaseChange }: { meeting: MeetingSummary; caseId: string; onCaseChange: (caseId: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const cases = useMyCases();
  const bookable = (cases.data ?? []).filter((c) => c.state === 'ASSESSMENT');
  const [length, setLength] = useState<(typeof LENGTHS)[number]>(10);
  const free = useFreeStarts(meeting.id, length, !!caseId);
  const m = useSapMutations(meeting.id);
  const chosen = bookable.find((c) => c.id === caseId);

  const book = (startMinute: number) =>
    m.book.mutate(
      { caseId, startMinute, lengthMinutes: length },
      {
        onSuccess: (r) => {
          notify(t('sap.booked', { ref: r.booking.caseRef, time: f.time(r.booking.startsAt) }), r.booking.overruns ? t('sap.bookedOverrun') : undefined, r.booking.overruns ? 'warning' : 'success');
          onCaseChange('');
        },
      },
    );

  const taken = m.book.error && isApiError(m.book.error) && m.book.error.code === 'slot.taken' ? m.book.error.problem : undefined;

  return (
    <div className={styles.root} data-testid="booking-panel">
      {cases.isPending ? (
        <LoadingState />
      ) : bookable.length === 0 ? (
        <Text>{t('sap.nothingToBook')}</Text>
      ) : (
        <>
          <Field label={t('sap.bookCase')} required>
            <Select value={caseId} onChange={(_, d) => onCaseChange(d.value)}>
              <option value="">{t('common.choose')}</option>
              {bookable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.clientName} ({c.ref})
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('sap.estimatedLength')} hint={t('sap.estimatedLengthHint')}>
            <RadioGroup layout="horizontal" value={String(length)} onChange={(_, d) => setLength(Number(d.value) as 10 | 20 | 30)}>
              {LENGTHS.map((l) => (
                <Radio key={l} value={String(l)} label={t('common.minutes', { count: l })} />
              ))}
            </RadioGroup>
          </Field>
        </>
      )}
      {taken && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            {t('errors.slot.taken')}{' '}
            {typeof taken.nextFreeStartsAt === 'string' ? t('sap.nextFree', { time: f.time(taken.nextFreeStartsAt) }) : t('sap.noFree')}
          </MessageBarBody>
        </MessageBar>
      )}
      {m.book.isError && !taken && <ErrorState error={m.book.error} />}
      {chosen && (
        <fieldset className={styles.fieldset}>
          <legend>
            <Text weight="semibold">{t('sap.chooseStart', { ref: chosen.ref })}</Text>
          </legend>
          {free.isPending ? (
            <LoadingState />
          ) : free.isError ? (
            <ErrorState error={free.error} onRetry={() => void free.refetch()} />
          ) : free.data.starts.length === 0 ? (
            <Text>{t('sap.noFree')}</Text>
          ) : (
            <div className={styles.starts}>
              {free.data.starts.map((s) => (
                <Button
                  key={s.startMinute}
                  className={s.overrunMinutes > 0 ? styles.overrun : styles.start}
                  icon={<CalendarAddRegular />}
                  disabled={m.book.isPending}
                  onClick={() => book(s.startMinute)}
                  aria-label={
                    s.overrunMinutes > 0
                      ? t('sap.bookAtOverrun', { time: f.time(s.startsAt), count: s.overrunMinutes })
                      : t('sap.bookAt', { time: f.time(s.startsAt) })
                  }
                  data-start={s.startMinute}
                >
                  {f.time(s.startsAt)}
                  {s.overrunMinutes > 0 ? ` · ${t('sap.overrunShort', { count: s.overrunMinutes })}` : ''}
                </Button>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
