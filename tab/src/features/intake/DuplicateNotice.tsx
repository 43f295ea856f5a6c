/**
 * What the look-up found: an open case of the same person (the contact will be linked to it),
 * or possible matches by name and birth date that the worker must confirm or reject — never
 * merged silently.
 */
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PersonLookupResult, PossibleMatch } from '../../api/types';
import { useMunicipalityName } from '../../components/county';
import { useFormat } from '../../components/format';
import type { Choice } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  ref: { fontFamily: tokens.fontFamilyMonospace },
});

const NEW = '__new__';

export function DuplicateNotice({
  result,
  choice,
  onChoice,
  choiceError,
}: {
  result: PersonLookupResult | undefined;
  choice: Choice;
  onChoice: (c: Choice) => void;
  choiceError?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const f = useFormat();
  const municipality = useMunicipalityName();
  if (!result) return null;
  const describe = (m: PossibleMatch) =>
    t('intake.match.describe', {
      ref: m.ref,
      state: t(`states.${m.state}`, { defaultValue: m.state }),
      municipality: municipality(m.municipality),
      date: f.date(m.pendingAt),
    });

  if (result.exact) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="open-case-notice">
        <MessageBarBody>
          <MessageBarTitle>{t('intake.match.openCaseTitle')}</MessageBarTitle>
          {t('intake.match.openCase', { case: describe(result.exact) })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (result.possible.length === 0) return null;
  const value = choice.linkToCaseId ?? (choice.confirmNewCase ? NEW : '');
  return (
    <div className={styles.root} data-testid="possible-matches">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('intake.match.possibleTitle')}</MessageBarTitle>
          {t('intake.match.possible')}
        </MessageBarBody>
      </MessageBar>
      <Field label={t('intake.match.choose')} required validationMessage={choiceError} validationState={choiceError ? 'error' : 'none'}>
        <RadioGroup
          value={value}
          onChange={(_, d) => onChoice(d.value === NEW ? { confirmNewCase: true } : { linkToCaseId: d.value })}
        >
          {result.possible.map((m) => (
            <Radio key={m.caseId} value={m.caseId} label={t('intake.match.linkTo', { case: describe(m) })} />
          ))}
          <Radio value={NEW} label={t('intake.match.newCase')} />
        </RadioGroup>
      </Field>
    </div>
  );
}
