/**
 * A finished assessment as a document: the same uniform structure, read only. Also the copy
 * the client receives (printable from the browser).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_SECTIONS } from '@contract/assessment';
import { useFormat } from '../../../components/format';
import type { AssessmentView } from './api';

const useStyles = makeStyles({
  doc: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
  dl: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
  clientView: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
});

export function AssessmentDocument({ view }: { view: AssessmentView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const a = view.assessment;
  const c = a.content;
  const empty = t('assessment.notRecorded');
  return (
    <article className={styles.doc} aria-label={t('assessment.document')}>
      <Text size={200} className={styles.meta}>
        {t('assessment.roundMeta', { round: a.round, started: f.date(a.startedAt), by: a.startedBy.name })}
        {a.finishedAt ? ` · ${t('assessment.finishedMeta', { date: f.date(a.finishedAt), by: a.finishedBy?.name ?? '' })}` : ''}
      </Text>
      <dl className={styles.dl}>
        {ASSESSMENT_SECTIONS.map((k) => (
          <div key={k}>
            <dt className={styles.dt}>{t(`assessment.sections.${k}`)}</dt>
            <dd className={styles.dd}>{c[k] || empty}</dd>
          </div>
        ))}
        <div className={styles.clientView}>
          <dt className={styles.dt}>{t('assessment.sections.clientView')}</dt>
          <dd className={styles.dd}>{c.clientView || empty}</dd>
        </div>
        <div>
          <dt className={styles.dt}>{t('assessment.professionals')}</dt>
          <dd className={styles.dd}>
            {c.professionalsConsulted.length === 0
              ? t('assessment.noProfessionals')
              : c.professionalsConsulted.map((p, i) => (
                  <div key={i}>
                    {[p.profession, p.organisation, p.name, p.consultedOn && f.date(p.consultedOn)].filter(Boolean).join(', ')}
                    {p.summary ? `: ${p.summary}` : ''}
                  </div>
                ))}
          </dd>
        </div>
        <div>
          <dt className={styles.dt}>{t('assessment.sections.conclusion')}</dt>
          <dd className={styles.dd}>{c.conclusion || empty}</dd>
        </div>
        <div>
          <dt className={styles.dt}>{t('assessment.proposedService')}</dt>
          <dd className={styles.dd}>{c.proposedService ? `${t(`services.${c.proposedService}`)} (${t(`serviceSections.${c.proposedService}`)})` : empty}</dd>
        </div>
      </dl>
    </article>
  );
}
