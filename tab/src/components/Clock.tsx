/**
 * A legal clock: what it is, its due date, the days left (or how late), the rule it comes from
 * and whether that rule is law or the county's own target. Late and due-soon are said in words
 * and with an icon, never by colour alone.
 *
 * - A rule that counts working days (SHL 36 § start) is shown in working days
 *   ("5 arkipäivää jäljellä"); the others in calendar days.
 * - The urgent clock (SHL 35 and 36 §) is due the same day, also on a weekend: while it runs it
 *   says "heti", and when the office is closed whom to contact (the county's configuration).
 */
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { DEADLINE_RULES } from '../../../bot/src/domain/deadlines/rules';
import type { ClockDto } from '../api/types';
import { useCounty } from './county';
import { useFormat } from './format';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '18px', marginTop: '1px', display: 'flex' },
  late: { color: tokens.colorPaletteRedForeground1 },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  ok: { color: tokens.colorNeutralForeground2 },
  met: { color: tokens.colorPaletteGreenForeground1 },
  lines: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  status: { fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground2 },
});

// From the domain's rule table, not '@contract/common': that module builds zod schemas, and this
// component is in the first view (My work) — zod would add ~25 KB gzip and its start-up to it.
const RULE_REFERENCES: Readonly<Record<string, { fi: string; sv: string } | undefined>> = Object.fromEntries(
  DEADLINE_RULES.map((r) => [r.id, r.references]),
);

export const clockKey = (id: string) => (id.startsWith('appeal:') ? 'appeal' : id);

type Referenced = { ruleId: string; reference: string; references?: { fi: string; sv: string } };

/**
 * A rule's legal reference in the UI language (Swedish: SVL/FL, Finnish and English: SHL/HL):
 * from the payload's `references`, else from the shared rule table by ruleId, else verbatim.
 */
export function useRuleReference() {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('sv') ? 'sv' : 'fi';
  return (x: Referenced): string =>
    x.references?.[lang] ?? RULE_REFERENCES[x.ruleId]?.[lang] ?? x.reference;
}

export function useClockText() {
  const { t } = useTranslation();
  const f = useFormat();
  const reference = useRuleReference();
  return (c: ClockDto) => {
    const name = t(`clocks.${clockKey(c.id)}`, { defaultValue: c.id });
    const days = Math.abs(c.daysLeft);
    const working = c.workingDaysLeft !== undefined ? Math.abs(c.workingDaysLeft) : undefined;
    const urgent = c.ruleId === 'urgentAssessment';
    let status: string;
    switch (c.state) {
      case 'late':
        status = working !== undefined ? t('clock.lateWorking', { count: working }) : t('clock.late', { count: days });
        break;
      case 'dueSoon':
      case 'onTime':
        status = urgent
          ? t('clock.now')
          : c.daysLeft === 0
            ? t('clock.dueToday')
            : working !== undefined
              ? t('clock.workingDaysLeft', { count: working })
              : t(c.state === 'dueSoon' ? 'clock.dueSoon' : 'clock.daysLeft', { count: days });
        break;
      case 'met':
        status = t('clock.met', { date: f.date(c.metOn) });
        break;
      default:
        status =
          working !== undefined && working > 0
            ? t('clock.metLateWorking', { date: f.date(c.metOn), count: working })
            : t('clock.metLate', { date: f.date(c.metOn), count: days });
    }
    const source = t(`clock.source.${c.source}`);
    return { name, status, due: t('clock.due', { date: f.date(c.dueDate) }), rule: `${reference(c)} · ${source}` };
  };
}

/** Whom to contact about an urgent case when the office is closed (from the county's configuration). */
function AfterHours() {
  const { t, i18n } = useTranslation();
  const county = useCounty();
  const contact = county.data?.urgentAfterHours;
  const name = contact ? (i18n.language.startsWith('sv') ? contact.sv : i18n.language.startsWith('en') ? (contact.en ?? contact.fi) : contact.fi) : undefined;
  return <>{name ? t('clock.afterHours', { contact: name }) : t('clock.afterHoursNoContact')}</>;
}

export function ClockLine({ clock, compact }: { clock: ClockDto; compact?: boolean }) {
  const styles = useStyles();
  const text = useClockText()(clock);
  const { t } = useTranslation();
  const afterHours = clock.ruleId === 'urgentAssessment' && clock.officeClosed === true && (clock.state === 'dueSoon' || clock.state === 'onTime' || clock.state === 'late');
  const tone =
    clock.state === 'late' ? styles.late : clock.state === 'dueSoon' ? styles.soon : clock.state === 'onTime' ? styles.ok : styles.met;
  const Icon =
    clock.state === 'late' || clock.state === 'metLate'
      ? ErrorCircleRegular
      : clock.state === 'dueSoon'
        ? WarningRegular
        : clock.state === 'onTime'
          ? ClockRegular
          : CheckmarkCircleRegular;
  return (
    <div className={styles.root} data-clock={clock.id} data-clock-state={clock.state}>
      <span className={mergeClasses(styles.icon, tone)} aria-hidden>
        <Icon />
      </span>
      <div className={styles.lines}>
        <Text size={300}>
          <span className={styles.status}>{text.name}</span>
          {': '}
          <span className={mergeClasses(styles.status, clock.state === 'late' && styles.late)}>{text.status}</span>
        </Text>
        <Text size={200} className={styles.rule}>
          {text.due}
          {' · '}
          <span title={compact ? t(`clock.sourceHelp.${clock.source}`) : undefined}>{text.rule}</span>
        </Text>
        {afterHours && (
          <Text size={200} className={styles.late} data-testid="urgent-after-hours">
            <AfterHours />
          </Text>
        )}
      </div>
    </div>
  );
}
