/**
 * Yhteydenotot: register a contact from any channel. The henkilötunnus is checked as it is
 * typed; an open case of the same person is shown (the contact will be linked to it) and
 * possible matches must be confirmed or rejected before sending. Each filled form carries one
 * Idempotency-Key, so sending it again after a lost answer never saves the contact twice.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError, isApiError } from '../../api/errors';
import type { ContactCreated, PersonLookupResult, PossibleMatch } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { Stack } from '../../components/Stack';
import { useNotify } from '../../components/toast';
import { useSession } from '../../shell/session';
import { ClientFields } from './ClientFields';
import { ContactFields } from './ContactFields';
import { DuplicateNotice } from './DuplicateNotice';
import { emptyForm, newIdempotencyKey, toBody, UNCERTAIN_FAILURES, validate, type Choice, type IntakeForm } from './model';
import { NeedFields } from './NeedFields';
import { SavedEarlierNotice } from './SavedEarlierNotice';
import { useLookup } from './useLookup';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', flexWrap: 'wrap' },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The form's fields → the error keys they clear when changed. */
const ERROR_FIELDS: Partial<Record<keyof IntakeForm, string>> = {
  hetu: 'client.hetu',
  firstName: 'client.firstName',
  lastName: 'client.lastName',
  birthDate: 'client.birthDate',
  receivedAt: 'receivedAt',
  forwardedAuthority: 'forwardedFrom.authority',
  arrivedAt: 'forwardedFrom.arrivedAt',
  channel: 'channel',
  municipality: 'municipality',
  need: 'need',
  contacterName: 'contacterName',
  contacterOrganisation: 'contacterOrganisation',
};

/** Server field errors ('body.client.hetu') → the form's error map (i18n keys). */
function serverErrors(err: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const fe of err.fieldErrors) {
    const field = fe.field.replace(/^body\./, '');
    out[field] = err.code !== 'validation' ? `errors.${err.code}` : `intake.errors.${field}.invalid`;
  }
  return out;
}

export default function IntakePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<IntakeForm>(() => emptyForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<Choice>({});
  const [candidates, setCandidates] = useState<PossibleMatch[] | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  /** Linked to a colleague's case: the worker stays here and is told whose case it is. */
  const [linkedTo, setLinkedTo] = useState<{ ref: string; workerName?: string } | null>(null);
  const session = useSession();
  const summaryRef = useRef<HTMLDivElement>(null);
  // One key per filled form (model.ts newIdempotencyKey): kept across retries of the same form.
  const idempotencyKey = useRef(newIdempotencyKey());
  const lookup = useLookup(form);

  const set = (patch: Partial<IntakeForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLinkedTo(null);
    // A changed field drops its message (the form's or the server's); the rest stay.
    const cleared = Object.keys(patch).map((k) => ERROR_FIELDS[k as keyof IntakeForm]).filter(Boolean) as string[];
    if (cleared.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !cleared.includes(k))));
    if (patch.hetu !== undefined || patch.firstName !== undefined || patch.lastName !== undefined || patch.birthDate !== undefined || patch.hetuUnknown !== undefined) {
      setChoice({});
      setCandidates(null);
    }
  };

  const matches: PersonLookupResult | undefined = candidates
    ? { exact: null, possible: candidates }
    : lookup.data && (lookup.data.exact || lookup.data.possible.length)
      ? lookup.data
      : undefined;
  const needsChoice = !!matches && !matches.exact && matches.possible.length > 0;

  const submit = useMutation({
    mutationFn: (body: unknown) => api.post<ContactCreated>('/api/contacts', body, { 'idempotency-key': idempotencyKey.current }),
    onSuccess: (r) => {
      idempotencyKey.current = newIdempotencyKey();
      void queryClient.invalidateQueries({ queryKey: ['my'] });
      if (r.linked && r.workerId !== session.user.id) {
        // A colleague's case (or one without a worker yet): the worker may not open it, so they
        // stay on intake with what was typed, and are told whose case it is.
        setLinkedTo({ ref: r.ref, workerName: r.workerName });
        setChoice({});
        setCandidates(null);
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      notify(r.linked ? t('intake.linked', { ref: r.ref }) : t('intake.created', { ref: r.ref }));
      navigate(`/cases/${r.caseId}`);
    },
    onError: (err) => {
      if (isApiError(err) && err.code === 'intake.possibleMatch' && Array.isArray(err.problem.candidates)) {
        setCandidates(err.problem.candidates as PossibleMatch[]);
        setChoice({});
      } else if (isApiError(err) && err.code === 'idempotency.keyReused') {
        // Shown by SavedEarlierNotice; no field of the form is wrong.
      } else if (isApiError(err) && err.fieldErrors.length) {
        setErrors(serverErrors(err));
      }
      setShowSummary(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs = validate(form);
    if (needsChoice && !choice.linkToCaseId && !choice.confirmNewCase) errs.matchChoice = 'intake.match.chooseRequired';
    setErrors(errs);
    if (Object.keys(errs).length) {
      setShowSummary(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setShowSummary(false);
    submit.mutate(toBody(form, choice));
  };

  const errorCount = Object.keys(errors).length;
  const reused = isApiError(submit.error) && submit.error.code === 'idempotency.keyReused' ? submit.error.problem : undefined;
  const savedEarlier =
    reused && typeof reused.caseId === 'string' && typeof reused.ref === 'string' ? { caseId: reused.caseId, ref: reused.ref } : undefined;

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={showSummary ? 'intake-summary' : undefined}>
      <Stack>
        <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
        <div ref={summaryRef} tabIndex={-1} id="intake-summary" className={styles.summary}>
          {showSummary && errorCount > 0 && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t('intake.fixErrors', { count: errorCount })}</MessageBarTitle>
              </MessageBarBody>
            </MessageBar>
          )}
          {linkedTo && (
            <MessageBar intent="success" role="status" data-testid="linked-to-colleague">
              <MessageBarBody>
                {linkedTo.workerName
                  ? t('intake.linkedTo', { ref: linkedTo.ref, worker: linkedTo.workerName })
                  : t('intake.linkedNoWorker', { ref: linkedTo.ref })}
              </MessageBarBody>
            </MessageBar>
          )}
          {showSummary && savedEarlier && <SavedEarlierNotice caseId={savedEarlier.caseId} caseRef={savedEarlier.ref} />}
          {showSummary && submit.isError && !savedEarlier && !(isApiError(submit.error) && submit.error.code === 'intake.possibleMatch') && errorCount === 0 && (
            <ErrorState error={submit.error} />
          )}
          {showSummary && submit.isError && isApiError(submit.error) && UNCERTAIN_FAILURES.includes(submit.error.code) && (
            <Text block>{t('intake.idempotency.retrySafe')}</Text>
          )}
          {candidates && (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t('intake.match.confirmBeforeSave')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <Section title={t('intake.sections.contact')}>
          <ContactFields form={form} set={set} errors={errors} />
        </Section>
        <Section title={t('intake.sections.client')} subtitle={t('intake.sections.clientHelp')}>
          <ClientFields form={form} set={set} errors={errors} />
          <div aria-live="polite">
            <DuplicateNotice
              result={matches}
              choice={choice}
              onChoice={(c) => {
                setChoice(c);
                setErrors(({ matchChoice: _drop, ...rest }) => rest);
              }}
              choiceError={errors.matchChoice && t(errors.matchChoice)}
            />
          </div>
        </Section>
        <Section title={t('intake.sections.need')}>
          <NeedFields form={form} set={set} errors={errors} />
        </Section>
        <div className={styles.actions}>
          <Button
            type="button"
            onClick={() => {
              idempotencyKey.current = newIdempotencyKey();
              setLinkedTo(null);
              submit.reset();
              setForm(emptyForm());
              setErrors({});
              setChoice({});
              setCandidates(null);
              setShowSummary(false);
            }}
          >
            {linkedTo ? t('intake.newContact') : t('common.clear')}
          </Button>
          <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={submit.isPending || !!linkedTo}>
            {submit.isPending ? t('common.saving') : t('intake.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
