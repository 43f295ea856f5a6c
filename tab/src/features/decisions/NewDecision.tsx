/** The worker drafts the decision from the SAP outcome: in the client's language, or the other. */
import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionView } from '../../api/types';
import { ErrorState } from '../../components/QueryState';
import { useNotify } from '../../components/toast';
import { useDecisionMutations } from './api';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalXL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

export function NewDecision({ caseId, clientLanguage, onCreated }: { caseId: string; clientLanguage: 'fi' | 'sv'; onCreated: (v: DecisionView) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const m = useDecisionMutations(caseId);
  const [language, setLanguage] = useState<'fi' | 'sv'>(clientLanguage);
  const [result, setResult] = useState<'granted' | 'refused'>('granted');
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        m.draft.mutate({ language, result }, { onSuccess: (v) => { notify(t('decisions.drafted')); onCreated(v); } });
      }}
      aria-label={t('decisions.new')}
    >
      <Field label={t('decisions.language')} hint={t('decisions.languageHint', { lang: t(`languages.${clientLanguage}`) })}>
        <RadioGroup layout="horizontal" value={language} onChange={(_, d) => setLanguage(d.value as 'fi' | 'sv')}>
          <Radio value="fi" label={t('languages.fi')} />
          <Radio value="sv" label={t('languages.sv')} />
        </RadioGroup>
      </Field>
      <Field label={t('decisions.result')}>
        <RadioGroup layout="horizontal" value={result} onChange={(_, d) => setResult(d.value as 'granted' | 'refused')}>
          <Radio value="granted" label={t('decisions.results.granted')} />
          <Radio value="refused" label={t('decisions.results.refused')} />
        </RadioGroup>
      </Field>
      <Button type="submit" appearance="primary" icon={<DocumentAddRegular />} disabled={m.draft.isPending}>
        {t('decisions.draftFromOutcome')}
      </Button>
      {m.draft.isError && <ErrorState error={m.draft.error} />}
    </form>
  );
}
