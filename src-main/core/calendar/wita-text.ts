import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { SERVICE_TIME_ZONE } from './service-calendar';

/** An instant as the office's clock reads it, for files a person opens (backup manifests, exports). */
export const witaText = (at: number): string => `${format(new TZDate(at, SERVICE_TIME_ZONE), 'yyyy-MM-dd HH:mm')} WITA`;
