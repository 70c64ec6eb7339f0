import { ChartMultipleRegular } from '@fluentui/react-icons';
import { PlaceholderPage } from '../components/PlaceholderPage';
import { useT } from '../i18n';

export function ReportsPage() {
  const t = useT();
  return <PlaceholderPage title={t('reports.title')} body={t('reports.body')} icon={<ChartMultipleRegular />} />;
}
