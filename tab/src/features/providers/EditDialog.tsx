/**
 * The frame of the admin's edit dialogs: a modal form (focus trapped, Escape closes, focus back
 * on the button that opened it), the conflict bar when a newer version exists, errors that name
 * no field above the form, and Save / Cancel. The page keeps the <Dialog> itself mounted, so
 * Fluent restores focus and the page's accessibility tree when it closes.
 */
import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { ConflictBar } from '../../components/ConflictBar';
import { ErrorState } from '../../components/QueryState';
import { useFocusFirstInvalid } from './fieldErrors';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, calc(100vw - 32px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

export function EditDialog({
  title,
  submitLabel,
  busy,
  error,
  conflict,
  onLoadLatest,
  onOverwrite,
  onSubmit,
  onClose,
  testId,
  children,
}: {
  title: string;
  submitLabel?: string;
  busy: boolean;
  error: unknown;
  conflict: boolean;
  onLoadLatest: () => void;
  onOverwrite: () => void;
  onSubmit: () => void;
  onClose: () => void;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  // Field errors are shown at their fields; a summary says there are some.
  const fieldErrors = isApiError(error) && error.fieldErrors.length > 0;
  return (
    <DialogSurface className={styles.surface} data-testid={testId}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {conflict && <ConflictBar onLoadLatest={onLoadLatest} onOverwrite={onOverwrite} busy={busy} />}
            {!!error && !conflict && <ErrorState error={error} title={fieldErrors ? t('providersAdmin.checkFields') : undefined} />}
            {children}
          </DialogContent>
          <DialogActions>
            <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={busy}>
              {busy ? t('common.saving') : (submitLabel ?? t('common.save'))}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
