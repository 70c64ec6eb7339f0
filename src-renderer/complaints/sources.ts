import type { ComplaintSource, ComplaintStatus } from '../../src-preload/contract';

/** Where an officer may log a complaint from by hand; telegram/email ones are promoted messages. */
export const MANUAL_SOURCES: readonly ComplaintSource[] = ['kotak_saran', 'formulir_online', 'telepon', 'langsung'];
export const ALL_SOURCES: readonly ComplaintSource[] = ['kotak_saran', 'formulir_online', 'telepon', 'langsung', 'telegram', 'email'];
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['open', 'in_progress', 'resolved'];
