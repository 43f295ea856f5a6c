import { Button } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/QueryState';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState icon={<DocumentSearchRegular />} title={t('notFound.title')} action={<Button onClick={() => navigate('/')}>{t('notFound.home')}</Button>}>
        {t('notFound.body')}
      </EmptyState>
    </>
  );
}
