/**
 * Opens my settings (reminder preferences). The dialog is its own chunk, loaded on first open and
 * then kept mounted; when it closes, focus returns to this button (done here by hand: Fluent's
 * restore-focus hook would add ~13 KB gzip to the first view).
 */
import { Button, makeStyles } from '@fluentui/react-components';
import { SettingsRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SettingsDialog = lazy(() => import('../features/settings/SettingsDialog'));

const useStyles = makeStyles({ button: { justifyContent: 'flex-start' } });

export function SettingsButton() {
  const { t } = useTranslation();
  const styles = useStyles();
  const button = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState({ open: false, n: 0 });
  useEffect(() => {
    if (state.open || state.n === 0) return;
    // After the modal has let go of focus (its surface unmounts after the closing motion).
    const id = window.setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
    }, 250);
    return () => window.clearTimeout(id);
  }, [state]);
  return (
    <>
      <Button
        ref={button}
        appearance="subtle"
        size="small"
        className={styles.button}
        icon={<SettingsRegular />}
        aria-haspopup="dialog"
        onClick={() => setState((s) => ({ open: true, n: s.n + 1 }))}
        data-testid="open-settings"
      >
        {t('settings.open')}
      </Button>
      {state.n > 0 && (
        <Suspense fallback={null}>
          <SettingsDialog open={state.open} n={state.n} onClose={() => setState((s) => ({ ...s, open: false }))} />
        </Suspense>
      )}
    </>
  );
}
