/**
 * One queue in order, as the coordinator keeps it: position, client reference, waiting time,
 * the SHL 45 § clock (late said in words, not only red), why the entry stands where it does,
 * the open offer, and the actions.
 */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../api/types';
import { ClockLine } from '../../components/Clock';
import { useMunicipalityName } from '../../components/county';
import { helsinkiToday, useFormat } from '../../components/format';
import { RouterLink } from '../../components/RouterLink';
import { UrgentBadge } from '../../components/StateBadge';
import { AnswerForm, LeaveForm, OfferForm } from './OfferForms';
import { whyText } from './why';
import { useTableStyles } from '../../components/tableStyles';

const useStyles = makeStyles({
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  posCol: { width: '64px' },
  pos: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  panel: { backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalM },
});

type Action = 'offer' | 'answer' | 'leave';

export function QueueTable({ rows, service, coordinator }: { rows: QueueRow[]; service: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ts = useTableStyles();
  const f = useFormat();
  const today = helsinkiToday();
  const municipality = useMunicipalityName();
  const [open, setOpen] = useState<{ caseId: string; action: Action } | null>(null);
  const toggle = (caseId: string, action: Action) => setOpen((o) => (o?.caseId === caseId && o.action === action ? null : { caseId, action }));
  return (
    <Table className={ts.table} aria-label={t('queue.tableLabel')} data-testid="queue-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.posCol}>{t('queue.position')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.client')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.waiting')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.clock')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.whyCol')}</TableHeaderCell>
          <TableHeaderCell>{t('queue.offerCol')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const offer = r.entry.offer;
          const openOffer = offer?.state === 'open';
          return (
            <Fragment key={r.caseId}>
              <TableRow data-queue-case={r.caseId}>
                <TableCell className={styles.cell}>
                  <span className={styles.pos}>{r.position}</span>
                </TableCell>
                <TableCell className={styles.cell}>
                  <RouterLink to={`/cases/${r.caseId}/queue`}>{r.ref}</RouterLink> {r.urgent && <UrgentBadge />}
                  <Text size={200} className={styles.muted} block>
                    {municipality(r.municipality)}
                    {r.workerName ? ` · ${r.workerName}` : ''}
                  </Text>
                </TableCell>
                <TableCell className={styles.cell}>
                  <Text>{t('common.days', { count: r.waitingDays })}</Text>
                  <Text size={200} className={styles.muted} block>
                    {t('queue.since', { date: f.date(r.entry.firstDecidedOn) })}
                  </Text>
                </TableCell>
                <TableCell className={styles.cell}>{r.clock ? <ClockLine clock={r.clock} compact /> : '–'}</TableCell>
                <TableCell className={styles.cell}>
                  <Text size={200}>{whyText(t, f.date, r.why)}</Text>
                </TableCell>
                <TableCell className={styles.cell}>
                  {offer ? (
                    <>
                      <Badge appearance="tint" color={openOffer ? 'warning' : 'informative'}>
                        {t(`queue.offerStates.${offer.state}`)}
                      </Badge>
                      {openOffer && offer.answerBy < today ? (
                        // A stale offer: its answer-by day has passed and nobody has recorded the answer.
                        <Badge appearance="tint" color="danger" data-stale-offer>
                          {t('queue.answerByPassed', { date: f.date(offer.answerBy) })}
                        </Badge>
                      ) : (
                        openOffer && (
                          <Text size={200} block>
                            {t('queue.answerByDate', { date: f.date(offer.answerBy) })}
                          </Text>
                        )
                      )}
                    </>
                  ) : (
                    <Text size={200} className={styles.muted}>
                      {t('queue.noOffer')}
                    </Text>
                  )}
                  {coordinator && (
                    <div className={styles.actions}>
                      {!openOffer && (
                        <Button size="small" onClick={() => toggle(r.caseId, 'offer')} aria-expanded={open?.caseId === r.caseId && open.action === 'offer'}>
                          {t('queue.offer')}
                        </Button>
                      )}
                      {openOffer && (
                        <Button size="small" appearance="primary" onClick={() => toggle(r.caseId, 'answer')} aria-expanded={open?.caseId === r.caseId && open.action === 'answer'}>
                          {t('queue.answer')}
                        </Button>
                      )}
                      <Button size="small" appearance="subtle" onClick={() => toggle(r.caseId, 'leave')} aria-expanded={open?.caseId === r.caseId && open.action === 'leave'}>
                        {t('queue.leave')}
                      </Button>
                    </div>
                  )}
                </TableCell>
              </TableRow>
              {open?.caseId === r.caseId && (
                <TableRow>
                  <TableCell colSpan={6} className={styles.panel}>
                    {open.action === 'offer' && <OfferForm caseId={r.caseId} service={service} version={r.version} onDone={() => setOpen(null)} />}
                    {open.action === 'answer' && <AnswerForm caseId={r.caseId} version={r.version} onDone={() => setOpen(null)} />}
                    {open.action === 'leave' && <LeaveForm caseId={r.caseId} version={r.version} onDone={() => setOpen(null)} />}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
