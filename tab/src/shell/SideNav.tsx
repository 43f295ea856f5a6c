/**
 * The navigation: a plain list of links (each a real URL), the current view marked with
 * aria-current. Light, and without focus sentinels, so keyboard and screen readers get exactly
 * the links.
 */
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NavEntry } from './nav';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    position: 'relative',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected, color: tokens.colorNeutralForeground1Selected },
    fontWeight: tokens.fontWeightSemibold,
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: '8px',
      bottom: '8px',
      width: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
  icon: { fontSize: '20px', display: 'flex' },
  currentIcon: { color: 'inherit' },
});

export function SideNav({ items, selected, onNavigate }: { items: NavEntry[]; selected: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <ul className={styles.list}>
      {items.map((item) => {
        const Icon = item.icon;
        const current = item.key === selected;
        return (
          <li key={item.key}>
            <a
              href={item.path}
              className={mergeClasses(styles.link, current && styles.current)}
              aria-current={current ? 'page' : undefined}
              data-nav={item.key}
              onClick={(e: MouseEvent<HTMLAnchorElement>) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate(item.path);
                onNavigate?.();
              }}
            >
              <span className={mergeClasses(styles.icon, current && styles.currentIcon)} aria-hidden>
                <Icon />
              </span>
              <Text weight={current ? 'semibold' : 'regular'}>{t(`nav.${item.key}`)}</Text>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
