/**
 * Short confirmations ("Saved"), shown at the bottom corner and announced politely to screen
 * readers. A small own notifier on Fluent's MessageBar (the Toaster package is heavy for the
 * first view).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Intent = 'success' | 'info' | 'warning' | 'error';
interface Note {
  id: number;
  title: string;
  body?: string;
  intent: Intent;
}

type Notify = (title: string, body?: string, intent?: Intent) => void;
const NotifyContext = createContext<Notify>(() => {});

const useStyles = makeStyles({
  region: {
    position: 'fixed',
    right: tokens.spacingHorizontalL,
    bottom: tokens.spacingVerticalL,
    zIndex: 1000,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: 'min(420px, calc(100vw - 32px))',
  },
  note: { boxShadow: tokens.shadow16 },
});

export function NotifyProvider({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Note[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotes((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback<Notify>(
    (title, body, intent = 'success') => {
      const id = next.current++;
      setNotes((n) => [...n.slice(-2), { id, title, body, intent }]);
      setTimeout(() => dismiss(id), intent === 'error' ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <div className={styles.region} role="status" aria-live="polite" data-testid="toasts">
        {notes.map((n) => (
          <MessageBar key={n.id} intent={n.intent} className={styles.note} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.body}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t('common.close')} onClick={() => dismiss(n.id)} />}
            />
          </MessageBar>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NotifyContext);
}
