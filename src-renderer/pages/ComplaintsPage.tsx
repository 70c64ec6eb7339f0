import { MegaphoneRegular } from '@fluentui/react-icons';
import { PlaceholderPage } from '../components/PlaceholderPage';
import { useT } from '../i18n';

export function ComplaintsPage() {
  const t = useT();
  return <PlaceholderPage title={t('complaints.title')} body={t('complaints.body')} icon={<MegaphoneRegular />} />;
}
