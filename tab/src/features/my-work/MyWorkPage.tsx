/**
 * Oma työ: the worker's day — open cases with their clocks (most urgent first), SAP bookings,
 * offers awaiting an answer and follow-ups due.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAddRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { Columns, Stack } from '../../components/Stack';
import { useSession } from '../../shell/session';
import { useMyCases } from './api';
import { MyCasesTable } from './MyCasesTable';
import { MyTasks } from './MyTasks';

const useStyles = makeStyles({
  tiles: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  tile: {
    minWidth: '140px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
  },
  tileValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  late: { color: tokens.colorPaletteRedForeground1 },
});

export default function MyWorkPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const session = useSession();
  const cases = useMyCases();
  const rows = cases.data ?? [];
  const late = rows.filter((r) => r.clocks.some((c) => c.state === 'late')).length;
  const soon = rows.filter((r) => r.nextClock?.state === 'dueSoon').length;
  const urgent = rows.filter((r) => r.urgent).length;

  return (
    <Stack>
      <PageHeader
        title={t('myWork.title')}
        subtitle={session.user.name ? t('myWork.greeting', { name: session.user.name }) : undefined}
        actions={
          <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => navigate('/intake')}>
            {t('myWork.newContact')}
          </Button>
        }
      />
      {cases.isSuccess && rows.length > 0 && (
        <div className={styles.tiles} role="list" aria-label={t('myWork.summary')}>
          {[
            { k: 'open', v: rows.length },
            { k: 'late', v: late, cls: late ? styles.late : undefined },
            { k: 'dueSoon', v: soon },
            { k: 'urgent', v: urgent },
          ].map((x) => (
            <div key={x.k} className={styles.tile} role="listitem">
              <span className={`${styles.tileValue} ${x.cls ?? ''}`}>{x.v}</span>
              <Text size={200}>{t(`myWork.tiles.${x.k}`, { count: x.v })}</Text>
            </div>
          ))}
        </div>
      )}
      <Section title={t('myWork.cases.title')} subtitle={t('myWork.cases.subtitle')} testId="section-my-cases">
        {cases.isPending ? (
          <LoadingState />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={<TaskListSquareLtrRegular />} title={t('myWork.cases.emptyTitle')}>
            {t('myWork.cases.empty')}
          </EmptyState>
        ) : (
          <MyCasesTable rows={rows} />
        )}
      </Section>
      <Columns>
        <MyTasks cases={rows} />
      </Columns>
    </Stack>
  );
}
