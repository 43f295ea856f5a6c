/**
 * My settings: which reminders the bot sends me in chat. Reminders of legal deadlines (the
 * assessment clocks of SHL 36 §, the implementation clock of SHL 45 §) stay on and say so.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useMe, useSavePreferences } from './api';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  kind: { display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground2, paddingLeft: '32px', marginTop: '-6px' },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** Stays mounted once loaded (Fluent restores focus to the opener on close); each opening reads the preferences afresh. */
export default function SettingsDialog({ open, n, onClose }: { open: boolean; n: number; onClose: () => void }) {
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <SettingsSurface key={n} onClose={onClose} />
    </Dialog>
  );
}

function SettingsSurface({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const me = useMe();
  const save = useSavePreferences();
  const [muted, setMuted] = useState<string[] | null>(null);
  useEffect(() => {
    if (me.data && muted === null) setMuted(me.data.reminders.muted);
  }, [me.data, muted]);
  const kinds = me.data?.reminders.kinds ?? [];

  return (
    <DialogSurface className={styles.surface} data-testid="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (muted) save.mutate(muted, { onSuccess: () => { notify(t('settings.saved')); onClose(); } });
        }}
      >
        <DialogBody>
          <DialogTitle>{t('settings.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {me.isPending || muted === null ? (
              me.isError ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : <LoadingState />
            ) : (
              <>
                <Text className={styles.intro}>{t('settings.intro')}</Text>
                <fieldset className={styles.fieldset}>
                  <legend className={styles.legend}>{t('settings.reminders')}</legend>
                  {kinds.map((k) => (
                    <div key={k.kind} className={styles.kind}>
                      <Checkbox
                        label={t(`settings.kinds.${k.kind}`)}
                        checked={k.legal || !muted.includes(k.kind)}
                        disabled={k.legal}
                        aria-describedby={k.legal ? `legal-${k.kind}` : undefined}
                        data-kind={k.kind}
                        onChange={(_, d) => setMuted(d.checked ? muted.filter((x) => x !== k.kind) : [...muted, k.kind])}
                      />
                      {k.legal && (
                        <Text id={`legal-${k.kind}`} size={200} className={styles.hint}>
                          {t('settings.legal')}
                        </Text>
                      )}
                    </div>
                  ))}
                </fieldset>
                {save.isError && <ErrorState error={save.error} />}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={!muted || save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
