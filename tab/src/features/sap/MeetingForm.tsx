/**
 * The chair (or a supervisor) creates a SAP meeting: day, start, length, a title (where, or
 * that it is a Teams meeting), the chair, the lead social worker and others invited. Checked
 * before sending; what the server refuses is shown at the field it names. What was typed stays.
 */
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { MeetingSummary } from '../../api/types';
import { fieldErrorText } from '../../components/errorText';
import { helsinkiToday } from '../../components/format';
import { ErrorState } from '../../components/QueryState';
import { useSession } from '../../shell/session';
import { useCreateMeeting, type CreatedMeeting } from './api';
import {
  addDays,
  DRAFT_FIELDS,
  emptyDraft,
  fieldOfServerPath,
  MAX_DAYS_AHEAD,
  MEETING_LENGTHS,
  OTHER,
  personId,
  toBody,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type MeetingDraft,
} from './meeting-draft';
import { useKnownPeople } from './people';
import { PersonSelect } from './PersonSelect';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', alignItems: 'start' },
  people: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))', alignItems: 'start' },
  invited: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** Where focus goes for a field with an error. */
const focusId = (f: DraftField, d: MeetingDraft) =>
  f === 'chair' ? (d.chair.choice === OTHER ? 'meeting-chair-other' : 'meeting-chair') : f === 'lead' ? (d.lead.choice === OTHER ? 'meeting-lead-other' : 'meeting-lead') : `meeting-${f}`;

export function MeetingForm({ meetings, onCreated, onCancel }: { meetings: MeetingSummary[]; onCreated: (m: CreatedMeeting) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const create = useCreateMeeting();
  const { people } = useKnownPeople(meetings);
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyDraft(new Date(), { id: session.user.id, isChair: session.user.roles.includes('Chair') }));
  const [errors, setErrors] = useState<DraftErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  // A change clears that field's own message; the server's messages stay until the next send.
  const set = (p: Partial<MeetingDraft>) => {
    setDraft((x) => ({ ...x, ...p }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in p))));
  };
  const today = helsinkiToday();

  useEffect(() => {
    document.getElementById('meeting-date')?.focus();
  }, []);

  const focusFirst = (e: DraftErrors) => {
    const first = DRAFT_FIELDS.find((f) => e[f]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#${focusId(first, draft)}, [data-field="${first}"] input`)?.focus());
  };

  // The server's field errors, at their fields.
  const serverErrors: DraftErrors = {};
  if (isApiError(create.error)) {
    for (const fe of create.error.fieldErrors) {
      const field = fieldOfServerPath(fe.field);
      if (!field || serverErrors[field]) continue;
      const path = fe.field.replace(/^body\./, '');
      serverErrors[field] =
        create.error.code === 'meeting.past'
          ? t('sapMeetingForm.errors.past')
          : field === 'chair' || field === 'lead' || field === 'invited'
            ? t('sapMeetingForm.errors.personUnknown')
            : fieldErrorText(t, create.error, path);
    }
  }
  const shown = (f: DraftField) => (errors[f] ? t(errors[f]!) : serverErrors[f]);
  const unplaced = isApiError(create.error) && Object.keys(serverErrors).length === 0;

  const chairs = people.filter((p) => p.roles.includes('Chair'));
  const leads = people.filter((p) => p.roles.includes('LeadSocialWorker'));
  const chosen = new Set([personId(draft.chair), personId(draft.lead)]);
  const invitable = people.filter((p) => !chosen.has(p.id));

  return (
    <form
      ref={formRef}
      className={styles.form}
      aria-label={t('sapMeetingForm.title')}
      data-testid="meeting-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = validateDraft(draft, new Date());
        setErrors(v);
        if (Object.keys(v).length > 0) return focusFirst(v);
        create.mutate(toBody(draft), {
          onSuccess: (m) => onCreated(m),
          onError: (err) => {
            if (!isApiError(err)) return;
            const first = err.fieldErrors.map((x) => fieldOfServerPath(x.field)).find(Boolean);
            if (first) focusFirst({ [first]: 'x' });
          },
        });
      }}
    >
      <div className={styles.row}>
        <Field label={t('sapMeetingForm.date')} required validationMessage={shown('date')}>
          <DateInput id="meeting-date" value={draft.date} min={today} max={addDays(today, MAX_DAYS_AHEAD)} onChange={(value) => set({ date: value })} />
        </Field>
        <Field label={t('sapMeetingForm.start')} hint={t('sapMeetingForm.startHint')} required validationMessage={shown('time')}>
          <Input id="meeting-time" type="time" step={600} value={draft.time} onChange={(_, d) => set({ time: d.value })} />
        </Field>
        <Field label={t('sapMeetingForm.length')} required validationMessage={shown('length')}>
          <Select id="meeting-length" value={draft.length} onChange={(_, d) => set({ length: d.value })}>
            {MEETING_LENGTHS.map((l) => (
              <option key={l} value={String(l)}>
                {t('common.minutes', { count: l })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('sapMeetingForm.titleField')} hint={t('sapMeetingForm.titleHint')} validationMessage={shown('title')}>
        <Input id="meeting-title" value={draft.title} onChange={(_, d) => set({ title: d.value })} maxLength={200} />
      </Field>
      <div className={styles.people}>
        <PersonSelect id="meeting-chair" label={t('sapMeetingForm.chair')} value={draft.chair} onChange={(chair) => set({ chair })} people={chairs} error={shown('chair')} />
        <PersonSelect id="meeting-lead" label={t('sapMeetingForm.lead')} value={draft.lead} onChange={(lead) => set({ lead })} people={leads} error={shown('lead')} />
      </div>
      {invitable.length > 0 && (
        <fieldset className={styles.invited} data-field="invited">
          <legend className={styles.legend}>{t('sapMeetingForm.invited')}</legend>
          {invitable.map((p) => (
            <Checkbox
              key={p.id}
              label={p.name}
              checked={draft.invited.includes(p.id)}
              onChange={(_, d) => set({ invited: d.checked ? [...draft.invited, p.id] : draft.invited.filter((x) => x !== p.id) })}
            />
          ))}
          {shown('invited') && (
            <Text role="alert" size={200} className={styles.error}>
              {shown('invited')}
            </Text>
          )}
        </fieldset>
      )}
      {unplaced && <ErrorState error={create.error} />}
      <div className={styles.actions}>
        <Button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" appearance="primary" icon={<CalendarAddRegular />} disabled={create.isPending}>
          {t('sapMeetingForm.submit')}
        </Button>
      </div>
    </form>
  );
}
