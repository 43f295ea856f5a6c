/** A titled block of a view (h2), on a card surface. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalL,
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    minWidth: 0,
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
});

export function Section({
  title,
  subtitle,
  actions,
  children,
  level = 2,
  testId,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  level?: 2 | 3;
  testId?: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={id} data-testid={testId}>
      <div className={styles.head}>
        <div>
          <Text as={level === 2 ? 'h2' : 'h3'} id={id} size={level === 2 ? 500 : 400} weight="semibold" className={styles.title} block>
            {title}
          </Text>
          {subtitle && (
            <Text size={200} className={styles.sub} block>
              {subtitle}
            </Text>
          )}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
