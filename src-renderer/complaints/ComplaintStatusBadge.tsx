import { Badge } from '@fluentui/react-components';
import type { ComplaintStatus } from '../../src-preload/contract';
import { useT } from '../i18n';

const COLOR = { open: 'severe', in_progress: 'brand', resolved: 'success' } as const;

export function ComplaintStatusBadge(props: { status: ComplaintStatus }) {
  const t = useT();
  return (
    <Badge appearance="tint" shape="rounded" color={COLOR[props.status]}>
      {t(`complaintStatus.${props.status}`)}
    </Badge>
  );
}
