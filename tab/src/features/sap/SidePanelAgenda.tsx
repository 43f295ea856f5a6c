/**
 * The SAP agenda in a Teams meeting's side panel (frame context `sidePanel`, about 320 px): the
 * meeting of the day first, with no page title or meeting cards to scroll past; the item being
 * handled now, then the next ones; the chair's outcome form and the worker's booking one tap
 * away. Another meeting can be picked from a list when the tab is not pinned to one.
 */
import { Badge, Button, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AgendaItem, MeetingSummary } from '../../api/types';
import { helsinkiToday, useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { useSession } from '../../shell/session';
import { useAgenda } from './api';
import { BookingPanel } from './BookingPanel';
import { ItemPanel } from './ItemPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  h1: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  next: {
    width: '100%',
    maxWidth: 'none',
    height: 'auto',
    justifyContent: 'flex-start',
    textAlign: 'left',
    display: 'grid',
    gridTemplateColumns: '44px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nextSelected: { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  time: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  book: { alignSelf: 'flex-start' },
});

/** The meeting the panel opens on: the one it is pinned to, else today's, else the next one. */
export function pickMeeting(meetings: MeetingSummary[], pinned: string | undefined, now = new Date()): MeetingSummary | undefined {
  if (pinned) return meetings.find((m) => m.id === pinned);
  const today = helsinkiToday(now);
  const sorted = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const ofToday = sorted.filter((m) => helsinkiToday(new Date(m.startsAt)) === today);
  return ofToday.find((m) => Date.parse(m.endsAt) > now.getTime()) ?? ofToday.at(-1) ?? sorted.find((m) => Date.parse(m.endsAt) > now.getTime()) ?? sorted[0];
}

/** The item being handled: the booked one whose time is now, else the first one not yet handled. */
export function currentItem(items: AgendaItem[], now = Date.now()): AgendaItem | undefined {
  const open = items.filter((i) => i.status === 'booked').sort((a, b) => a.startMinute - b.startMinute);
  return open.find((i) => Date.parse(i.startsAt) <= now && now < Date.parse(i.endsAt)) ?? open[0];
}

export function SidePanelAgenda({ meetings, pinned }: { meetings: MeetingSummary[]; pinned?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const session = useSession();
  const meeting = pickMeeting(meetings, pinned);
  const agenda = useAgenda(meeting?.id);
  const [chosen, setChosen] = useState<string | undefined>();
  const [booking, setBooking] = useState(false);
  const [bookCase, setBookCase] = useState('');
  const pickId = useId();
  const worker = session.user.roles.includes('Worker');
  useEffect(() => {
    document.title = `${t('sap.panel.title')} – ${t('app.name')}`;
  }, [t]);

  if (!meeting) return <EmptyState title={t('sap.noMeetings')} />;
  const items = agenda.data?.items ?? [];
  const current = currentItem(items);
  const shown = items.find((i) => i.bookingId === chosen) ?? current;
  const upNext = items.filter((i) => i.status === 'booked' && i.bookingId !== shown?.bookingId && i.startMinute > (current?.startMinute ?? -1));
  const handled = items.filter((i) => i.status === 'handled').length;
  const started = Date.now() >= Date.parse(meeting.startsAt);
  const isToday = helsinkiToday(new Date(meeting.startsAt)) === helsinkiToday();

  return (
    <div className={styles.root} data-testid="side-panel-agenda">
      <div className={styles.head}>
        <Text className={styles.meta} size={200}>
          {isToday ? t('sap.panel.today') : t('sap.panel.next')}
        </Text>
        <h1 className={styles.h1}>{t('sap.panel.heading', { when: f.span(meeting.startsAt, meeting.endsAt) })}</h1>
        <span className={styles.line}>
          <Text size={200} className={styles.meta}>
            {t('sap.panel.progress', { handled, total: items.length })}
          </Text>
          {meeting.totals.overruns && (
            <Badge appearance="tint" color="danger" size="small">
              {t('sap.overrunsBy', { count: meeting.totals.overrunMinutes })}
            </Badge>
          )}
        </span>
      </div>

      {agenda.isPending ? (
        <LoadingState />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState quiet title={t('sap.emptyAgenda')} />
      ) : (
        <>
          {shown ? (
            <section aria-labelledby={`${pickId}-now`} className={styles.root}>
              <h2 id={`${pickId}-now`} className={styles.h2}>
                {shown.bookingId !== current?.bookingId ? t('sap.panel.chosen') : started ? t('sap.panel.now') : t('sap.panel.first')}
              </h2>
              <ItemPanel agenda={agenda.data} item={shown} />
              {shown.bookingId !== current?.bookingId && current && (
                <Button appearance="subtle" icon={<ChevronUpRegular />} className={styles.book} onClick={() => setChosen(undefined)}>
                  {t('sap.panel.backToNow')}
                </Button>
              )}
            </section>
          ) : (
            <Text>{t('sap.panel.allHandled')}</Text>
          )}
          <section aria-labelledby={`${pickId}-next`} className={styles.root}>
            <h2 id={`${pickId}-next`} className={styles.h2}>
              {t('sap.panel.upNext')}
            </h2>
            {upNext.length === 0 ? (
              <Text size={200} className={styles.meta}>
                {t('sap.panel.noneNext')}
              </Text>
            ) : (
              <ol className={styles.list} data-testid="side-panel-next">
                {upNext.map((i) => (
                  <li key={i.bookingId}>
                    <Button
                      appearance="transparent"
                      className={mergeClasses(styles.next, chosen === i.bookingId && styles.nextSelected)}
                      aria-pressed={chosen === i.bookingId}
                      onClick={() => setChosen(i.bookingId)}
                      data-case-ref={i.caseRef}
                    >
                      <Text size={200} className={styles.time}>
                        <time dateTime={i.startsAt}>{f.time(i.startsAt)}</time>
                      </Text>
                      <span className={styles.who}>
                        <Text weight="semibold">{i.client?.name ?? i.caseRef}</Text>
                        <Text size={200} className={styles.meta}>
                          {t('sap.panel.nextMeta', { name: i.workerName, length: t('common.minutes', { count: i.lengthMinutes }) })}
                        </Text>
                      </span>
                    </Button>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}

      {worker && (
        <section aria-label={t('sap.bookTitle')} className={styles.root}>
          <Button
            icon={<CalendarAddRegular />}
            className={styles.book}
            aria-expanded={booking}
            onClick={() => setBooking((b) => !b)}
            data-testid="side-panel-book"
          >
            {t('sap.bookTitle')}
          </Button>
          {booking && <BookingPanel meeting={meeting} caseId={bookCase} onCaseChange={setBookCase} />}
        </section>
      )}

      {meetings.length > 1 && (
        <div className={styles.head}>
          <label htmlFor={`${pickId}-meeting`}>
            <Text size={200}>{t('sap.panel.otherMeeting')}</Text>
          </label>
          <Select id={`${pickId}-meeting`} value={meeting.id} onChange={(_, d) => navigate(`/sap/${d.value}`)}>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {f.span(m.startsAt, m.endsAt)}
              </option>
            ))}
          </Select>
        </div>
      )}
    </div>
  );
}
