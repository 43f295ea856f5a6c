/**
 * The frame around every view: the navigation (folds behind a button on narrow screens), the
 * dev sign-in banner, the user and language, a skip link, and the view.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular, NavigationRegular, SignOutRegular } from '@fluentui/react-icons';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { DevBanner } from '../auth/DevBanner';
import { LoadingState } from '../components/QueryState';
import { LanguageMenu } from './LanguageMenu';
import { SettingsButton } from './SettingsButton';
import { navFor, navKeyOf } from './nav';
import { useSession } from './session';
import { SideNav } from './SideNav';

const NARROW = '(max-width: 760px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  nav: {
    width: '236px',
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  navNarrow: {
    position: 'fixed',
    top: 0,
    bottom: 0,
    left: 0,
    zIndex: 100,
    boxShadow: tokens.shadow28,
  },
  hidden: { display: 'none' },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  logo: {
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: 'grid',
    placeItems: 'center',
    fontWeight: tokens.fontWeightBold,
  },
  navList: { flex: 1 },
  close: { marginLeft: 'auto' },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  user: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  roles: { color: tokens.colorNeutralForeground2 },
  signOut: { justifyContent: 'flex-start' },
  main: {
    flex: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    outline: 'none',
  },
  mainNarrow: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  content: { maxWidth: '1240px', margin: '0 auto' },
  topbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 1000 },
  },
});

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(NARROW).matches ?? false);
  useEffect(() => {
    const mq = window.matchMedia?.(NARROW);
    if (!mq) return;
    const l = () => setNarrow(mq.matches);
    mq.addEventListener('change', l);
    return () => mq.removeEventListener('change', l);
  }, []);
  return narrow;
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const location = useLocation();
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const items = navFor(session.hasRole);
  const selected = navKeyOf(location.pathname) ?? '';

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className={styles.root}>
      <a
        href="#main"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      {session.dev && <DevBanner userName={session.user.name} onSwitch={session.signOut} />}
      {narrow && (
        <div className={styles.topbar} data-print="hide">
          <Button appearance="subtle" icon={<NavigationRegular />} aria-label={t('shell.openNavigation')} aria-expanded={open} aria-controls="app-nav" onClick={() => setOpen(true)} />
          <Text weight="semibold">{t('app.name')}</Text>
        </div>
      )}
      <div className={styles.body}>
        <nav id="app-nav" aria-label={t('shell.navigation')} className={mergeClasses(styles.nav, narrow && styles.navNarrow, narrow && !open && styles.hidden)}>
          <div className={styles.brand}>
            <span className={styles.logo} aria-hidden>
              P
            </span>
            <Text weight="semibold" size={500}>
              {t('app.name')}
            </Text>
            {narrow && <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('common.close')} onClick={() => setOpen(false)} className={styles.close} />}
          </div>
          <div className={styles.navList}>
            <SideNav items={items} selected={selected} onNavigate={() => setOpen(false)} />
          </div>
          <div className={styles.footer}>
            {session.user.name && (
              <div className={styles.user}>
                <Text weight="semibold" className={styles.ellipsis}>
                  {session.user.name}
                </Text>
                <Text size={200} className={mergeClasses(styles.roles, styles.ellipsis)}>
                  {session.user.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}
                </Text>
              </div>
            )}
            <LanguageMenu />
            <SettingsButton />
            {session.dev && (
              <Button appearance="subtle" size="small" className={styles.signOut} icon={<SignOutRegular />} onClick={session.signOut}>
                {t('signIn.signOut')}
              </Button>
            )}
          </div>
        </nav>
        <main id="main" tabIndex={-1} className={mergeClasses(styles.main, narrow && styles.mainNarrow)}>
          <div className={styles.content}>
            <Suspense fallback={<LoadingState />}>{children}</Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
