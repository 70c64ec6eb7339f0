/** Personal data of requesters under UU PDP 27/2022: retention, export, erasure. */
export { anonymiseRequesters, REDACTED_META, type AnonymiseStats } from './anonymise';
export { pendingBlobDeletes, purgeBlobs } from './blobs';
export { exportRequester } from './export';
export {
  DEFAULT_RETENTION_MONTHS,
  readLastRetention,
  readRetentionMonths,
  requestersPastRetention,
  retentionCutoff,
  runRetention,
  writeRetentionMonths,
  type RetentionRun,
} from './retention';
