/**
 * A worker moves their own booking: to another free start in this meeting or to another
 * meeting, keeping its length. The server checks the start again (slot.taken → the next free).
 */
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowMoveRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { AgendaItem, BookingResult } from '../../api/types';
import { useFormat } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useFreeStarts, useMeetings } from './api';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  starts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function MoveBooking({ meetingId, item, onDone }: { meetingId: string; item: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const notify = useNotify();
  const qc = useQueryClient();
  const meetings = useMeetings();
  const [target, setTarget] = useState(meetingId);
  const length = item.lengthMinutes as 10 | 20 | 30;
  const free = useFreeStarts(target, length, true);
  const move = useMutation({
    mutationFn: (startMinute: number) =>
      api.post<BookingResult>(paths.bookingMove(meetingId, item.bookingId), { startMinute, ...(target !== meetingId ? { toMeetingId: target } : {}) }),
    onSuccess: (r) => {
      notify(t('sap.moved', { ref: r.booking.caseRef, time: f.span(r.booking.startsAt) }));
      onDone();
    },
    onSettled: () => void Promise.all([qc.invalidateQueries({ queryKey: ['sap'] }), qc.invalidateQueries({ queryKey: ['my'] })]),
  });
  const upcoming = (meetings.data?.meetings ?? []).filter((m) => Date.parse(m.startsAt) > Date.now() || m.id === meetingId);
  return (
    <div className={styles.root} data-testid="move-booking">
      <Field label={t('sap.moveTo')}>
        <Select value={target} onChange={(_, d) => setTarget(d.value)}>
          {upcoming.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id === meetingId ? t('sap.thisMeeting', { when: f.span(m.startsAt, m.endsAt) }) : f.span(m.startsAt, m.endsAt)}
            </option>
          ))}
        </Select>
      </Field>
      {free.isPending ? (
        <LoadingState />
      ) : free.isError ? (
        <ErrorState error={free.error} onRetry={() => void free.refetch()} />
      ) : free.data.starts.length === 0 ? (
        <Text>{t('sap.noFree')}</Text>
      ) : (
        <div className={styles.starts} role="group" aria-label={t('sap.moveStarts')}>
          {free.data.starts.map((s) => (
            <Button
              key={s.startMinute}
              icon={<ArrowMoveRegular />}
              disabled={move.isPending}
              onClick={() => move.mutate(s.startMinute)}
              aria-label={t('sap.moveAt', { time: f.time(s.startsAt) })}
              data-move-start={s.startMinute}
            >
              {f.time(s.startsAt)}
            </Button>
          ))}
        </div>
      )}
      {move.isError && <ErrorState error={move.error} />}
      <Button appearance="subtle" onClick={onDone}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
