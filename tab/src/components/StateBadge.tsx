/** A case state: always its name in words, colour only as an extra cue. */
import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, BadgeProps['color']> = {
  RECEIVED: 'informative',
  ASSESSMENT: 'brand',
  SAP: 'brand',
  DECIDED: 'success',
  QUEUED: 'warning',
  PLACED: 'success',
  CLOSED: 'subtle',
};

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" shape="rounded" color={COLOR[state] ?? 'informative'} data-state={state}>
      {t(`states.${state}`, { defaultValue: state })}
    </Badge>
  );
}

export function UrgentBadge() {
  const { t } = useTranslation();
  return (
    <Badge appearance="filled" shape="rounded" color="danger">
      {t('common.urgent')}
    </Badge>
  );
}
