/**
 * The decision as its reader gets it: the structured document the PDF is printed from. In a
 * draft's preview, a free text that reads as the other language is marked (and labelled).
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DecisionDocument } from '../../api/types';

const useStyles = makeStyles({
  paper: {
    position: 'relative',
    maxWidth: '760px',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  watermark: {
    alignSelf: 'flex-start',
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    color: tokens.colorPaletteDarkOrangeForeground1,
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
  },
  rows: { display: 'grid', gridTemplateColumns: 'minmax(140px, auto) 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  p: { margin: 0, whiteSpace: 'pre-wrap' },
  foreign: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    // Status tokens keep the text readable in light, dark and high-contrast themes alike.
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    outline: `2px dashed ${tokens.colorPaletteDarkOrangeBorderActive}`,
    padding: tokens.spacingHorizontalXS,
  },
  foreignLabel: { display: 'block', color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  footer: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

export function DecisionDocumentView({ doc }: { doc: DecisionDocument }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const foreign = new Set(doc.otherLanguageTexts ?? []);
  return (
    <article className={styles.paper} lang={doc.language} data-testid="decision-document">
      <div className={styles.head}>
        <div>
          <Text weight="semibold" block>
            {doc.header.countyName}
          </Text>
          <Text size={200} className={styles.muted} block>
            {doc.header.authorityName}
          </Text>
        </div>
        <div>
          <Text weight="semibold" block>
            {doc.header.documentType}
          </Text>
          <Text size={200} block>
            {doc.header.dateText}
          </Text>
          <Text size={200} block>
            {doc.header.numberText}
          </Text>
        </div>
      </div>
      {doc.watermark && <span className={styles.watermark}>{doc.watermark}</span>}
      {doc.recipient && (
        <div>
          {doc.recipient.map((l, i) => (
            <Text key={i} block>
              {l}
            </Text>
          ))}
        </div>
      )}
      <Text as="h3" size={500} weight="semibold">
        {doc.title}
      </Text>
      <dl className={styles.rows}>
        {doc.meta.map((r, i) => (
          <div key={i} style={{ display: 'contents' }}>
            <dt className={styles.muted}>{r.label}</dt>
            <dd className={styles.dd}>{r.value}</dd>
          </div>
        ))}
      </dl>
      {doc.sections.map((s) => (
        <section key={s.id} className={styles.section}>
          <Text as="h4" weight="semibold">
            {s.heading}
          </Text>
          {s.blocks.map((b, i) => {
            switch (b.type) {
              case 'paragraph':
                return foreign.has(b.text) ? (
                  <p key={i} className={styles.foreign} data-other-language="true">
                    <span className={styles.foreignLabel}>{t('decisions.otherLanguage')}</span>
                    {b.text}
                  </p>
                ) : (
                  <p key={i} className={styles.p}>
                    {b.text}
                  </p>
                );
              case 'subheading':
                return (
                  <Text key={i} weight="semibold">
                    {b.text}
                  </Text>
                );
              case 'list':
                return (
                  <ul key={i} className={styles.list}>
                    {b.items.map((x, j) => (
                      <li key={j}>{x}</li>
                    ))}
                  </ul>
                );
              case 'fields':
                return (
                  <dl key={i} className={styles.rows}>
                    {b.rows.map((r, j) => (
                      <div key={j} style={{ display: 'contents' }}>
                        <dt className={styles.muted}>{r.label}</dt>
                        <dd className={styles.dd}>{r.value}</dd>
                      </div>
                    ))}
                  </dl>
                );
              case 'signature':
                return (
                  <div key={i}>
                    <Text weight="semibold" block>
                      {b.name}
                    </Text>
                    <Text block>{b.title}</Text>
                    <Text size={200} className={styles.muted} block>
                      {b.note}
                    </Text>
                  </div>
                );
              default:
                return null;
            }
          })}
        </section>
      ))}
      <div className={styles.footer}>
        {doc.footer.map((l, i) => (
          <Text key={i} size={200} block>
            {l}
          </Text>
        ))}
      </div>
    </article>
  );
}
