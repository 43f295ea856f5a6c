/**
 * SAP: the meetings, the agenda of one as a time grid (free and booked, each booking's length,
 * the overrun warning), booking for workers, the chair's outcome form, and the minutes. In a
 * meeting's side panel the compact SidePanelAgenda takes the place of all this; on a narrow
 * screen the agenda comes before the list of meetings.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { AgendaItem } from '../../api/types';
import { useFormat } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useNotify } from '../../components/toast';
import { useHost, useSession } from '../../shell/session';
import { useAgenda, useMeetings } from './api';
import { AgendaGrid } from './AgendaGrid';
import { BookingPanel } from './BookingPanel';
import { ItemPanel } from './ItemPanel';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';
import { MinutesView } from './MinutesView';
import { SidePanelAgenda } from './SidePanelAgenda';

const useStyles = makeStyles({
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // A chair on a phone or a narrow window reaches the agenda first; the meetings follow it.
  meetings: { display: 'flex', flexDirection: 'column', '@media (max-width: 760px)': { order: 2 } },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  split: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

export default function SapPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const navigate = useNavigate();
  const session = useSession();
  const sidePanel = useHost().frameContext === 'sidePanel';
  const [params, setParams] = useSearchParams();
  const bookCase = params.get('case') ?? '';
  const setBookCase = (caseId: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (caseId) next.set('case', caseId);
        else next.delete('case');
        return next;
      },
      { replace: true },
    );
  const { meetingId: routeMeeting } = useParams();
  const meetings = useMeetings();
  const list = meetings.data?.meetings ?? [];
  const meetingId = routeMeeting ?? list[0]?.id;
  const meeting = list.find((m) => m.id === meetingId);
  const agenda = useAgenda(meetingId);
  const [tab, setTab] = useState<'agenda' | 'minutes'>('agenda');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const selected: AgendaItem | undefined = agenda.data?.items.find((i) => i.bookingId === selectedId);
  const worker = session.user.roles.includes('Worker');
  const canCreate = session.user.roles.some((r) => r === 'Chair' || r === 'Supervisor');
  const [creating, setCreating] = useState(false);
  const notify = useNotify();
  const focusCreate = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="meeting-create"]')?.focus());

  if (sidePanel)
    return meetings.isPending ? (
      <LoadingState />
    ) : meetings.isError ? (
      <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
    ) : (
      <SidePanelAgenda meetings={list} pinned={routeMeeting} />
    );

  return (
    <>
      <PageHeader title={t('sap.title')} subtitle={t('sap.subtitle')} />
      {meetings.isPending ? (
        <LoadingState />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : (
        <div className={styles.layout}>
          <div className={styles.meetings} data-print="hide">
          <Section
            title={t('sap.meetings')}
            actions={
              canCreate && !creating ? (
                <Button icon={<CalendarAddRegular />} onClick={() => setCreating(true)} data-testid="meeting-create">
                  {t('sapMeetingForm.open')}
                </Button>
              ) : undefined
            }
          >
            <MeetingList meetings={list} selected={meetingId} />
          </Section>
          </div>
          {creating && (
            <Section title={t('sapMeetingForm.title')} subtitle={t('sapMeetingForm.subtitle')} testId="meeting-create-section">
              <MeetingForm
                meetings={list}
                onCancel={() => {
                  setCreating(false);
                  focusCreate();
                }}
                onCreated={(m) => {
                  setCreating(false);
                  focusCreate();
                  notify(t('sapMeetingForm.created', { date: f.weekdayDate(m.startsAt), time: f.time(m.startsAt) }));
                  navigate(`/sap/${m.id}`);
                }}
              />
            </Section>
          )}
          <div className={styles.main}>
            {!meetingId ? (
              <Section title={t('sap.agenda')}>
                <EmptyState title={t('sap.noMeetingSelected')} />
              </Section>
            ) : (
              <>
                <Section
                  title={meeting ? f.span(meeting.startsAt, meeting.endsAt) : t('sap.agenda')}
                  subtitle={meeting?.members.map((m) => `${m.name} (${t(`sap.roles.${m.role}`)})`).join(', ')}
                  testId="sap-meeting"
                >
                  <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'agenda' | 'minutes')} aria-label={t('sap.views')}>
                    <Tab value="agenda">{t('sap.agenda')}</Tab>
                    <Tab value="minutes">{t('sap.minutes.title')}</Tab>
                  </TabList>
                  {tab === 'minutes' ? (
                    <MinutesView meetingId={meetingId} />
                  ) : agenda.isPending ? (
                    <LoadingState />
                  ) : agenda.isError ? (
                    <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
                  ) : (
                    <>
                      {agenda.data.totals.overruns && (
                        <MessageBar intent="warning" layout="multiline" data-testid="overrun-warning">
                          <MessageBarBody>
                            <MessageBarTitle>{t('sap.overrunTitle')}</MessageBarTitle>
                            {t('sap.overrunBody', { count: agenda.data.totals.overrunMinutes, time: f.time(agenda.data.expectedEndsAt) })}
                          </MessageBarBody>
                        </MessageBar>
                      )}
                      <div className={styles.split}>
                        <AgendaGrid agenda={agenda.data} selected={selectedId} onSelect={(i) => setSelectedId(i.bookingId)} />
                        <div className={styles.main}>
                          {selected ? (
                            <ItemPanel agenda={agenda.data} item={selected} />
                          ) : (
                            <EmptyState quiet title={agenda.data.items.length ? t('sap.pickItem') : t('sap.emptyAgenda')} />
                          )}
                        </div>
                      </div>
                    </>
                  )}
                </Section>
                {worker && meeting && tab === 'agenda' && (
                  <Section title={t('sap.bookTitle')} subtitle={t('sap.bookSubtitle')}>
                    <BookingPanel key={meeting.id} meeting={meeting} caseId={bookCase} onCaseChange={setBookCase} />
                  </Section>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}
