/**
 * The agenda as a time grid: one row per 10-minute cell from the meeting's start, each booking
 * spanning its estimated length, free cells shown as free, and the cells past the meeting's end
 * marked as overrun (in words, not colour alone).
 */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem } from '../../api/types';
import { useFormat } from '../../components/format';

const ROW = 40;

const useStyles = makeStyles({
  grid: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: { display: 'grid', gridTemplateColumns: '64px 1fr', columnGap: tokens.spacingHorizontalM },
  time: { color: tokens.colorNeutralForeground2, paddingTop: '4px', fontVariantNumeric: 'tabular-nums' },
  free: {
    minHeight: `${ROW - 6}px`,
    margin: '3px 0',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
  },
  item: {
    margin: '3px 0',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    gap: '2px',
    minWidth: 0,
    textAlign: 'left',
    height: 'auto',
    width: '100%',
    maxWidth: 'none',
    alignItems: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
  },
  handled: { backgroundColor: tokens.colorNeutralBackground3, borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  selected: { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  overrun: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeft: `4px solid ${tokens.colorPaletteRedBorderActive}` },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2 },
  endMark: {
    borderTop: `2px solid ${tokens.colorPaletteRedBorderActive}`,
    color: tokens.colorPaletteRedForeground1,
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
    padding: `2px 0`,
  },
});

export function AgendaGrid({ agenda, selected, onSelect }: { agenda: Agenda; selected?: string; onSelect: (item: AgendaItem) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const m = agenda.meeting;
  const slot = m.slotMinutes || 10;
  const lastEnd = Math.max(m.durationMinutes, ...agenda.items.map((i) => i.startMinute + i.lengthMinutes));
  const cells = Math.ceil(lastEnd / slot);
  const startMs = Date.parse(m.startsAt);
  const at = (minute: number) => new Date(startMs + minute * 60_000).toISOString();
  const byStart = new Map(agenda.items.map((i) => [i.startMinute, i]));
  const rows: Array<{ minute: number; item?: AgendaItem; span: number }> = [];
  for (let c = 0; c < cells; ) {
    const minute = c * slot;
    const item = byStart.get(minute);
    const span = item ? Math.max(1, Math.ceil(item.lengthMinutes / slot)) : 1;
    rows.push({ minute, item, span });
    c += span;
  }

  return (
    <ol className={styles.grid} aria-label={t('sap.agenda')} data-testid="agenda-grid">
      {rows.map(({ minute, item, span }) => {
        const row = (
          <li key={minute} className={styles.row}>
            <Text size={200} className={styles.time}>
              <time dateTime={at(minute)}>{f.time(at(minute))}</time>
            </Text>
            {item ? (
              <Button
                appearance="transparent"
                className={mergeClasses(styles.item, item.status === 'handled' && styles.handled, item.overruns && styles.overrun, selected === item.bookingId && styles.selected)}
                style={{ minHeight: `${span * ROW - 6}px` }}
                onClick={() => onSelect(item)}
                aria-pressed={selected === item.bookingId}
                data-booking={item.bookingId}
                data-case-ref={item.caseRef}
              >
                <span className={styles.line}>
                  <Text weight="semibold">{item.client?.name ?? item.caseRef}</Text>
                  {item.client && <Text size={200}>{item.caseRef}</Text>}
                  <Badge appearance="outline" color="informative" size="small">
                    {t('common.minutes', { count: item.lengthMinutes })}
                  </Badge>
                  {item.status === 'handled' && (
                    <Badge appearance="tint" color="success" size="small">
                      {t(`sap.outcomeKinds.${item.outcomeKind ?? 'service'}`)}
                    </Badge>
                  )}
                  {item.overruns && (
                    <Badge appearance="tint" color="danger" size="small" icon={<WarningRegular />}>
                      {t('sap.itemOverruns', { count: item.overrunMinutes })}
                    </Badge>
                  )}
                </span>
                <Text size={200} className={styles.meta}>
                  {t('sap.presenter', { name: item.workerName })} · {t(`sap.reasons.${item.reason}`)}
                </Text>
              </Button>
            ) : (
              <div className={styles.free}>
                <Text size={200}>{minute >= m.durationMinutes ? t('sap.afterEnd') : t('sap.free')}</Text>
              </div>
            )}
          </li>
        );
        if (minute === m.durationMinutes && lastEnd > m.durationMinutes)
          return [
            <li key={`end-${minute}`} className={styles.endMark} role="separator" aria-label={t('sap.meetingEnds')}>
              <WarningRegular aria-hidden />
              <Text size={200} weight="semibold">
                {t('sap.meetingEndsAt', { time: f.time(m.endsAt) })}
              </Text>
            </li>,
            row,
          ];
        return row;
      })}
    </ol>
  );
}
