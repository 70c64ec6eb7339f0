/**
 * Requesters' personal data (UU PDP 27/2022): a retention period after which it is anonymised,
 * export and erasure of one requester. Settings: admin; export and erasure: supervisor and admin.
 */

export interface PrivacySettingsView {
  /** Months the personal data of an inactive requester is kept; 0 = no limit (default 24). */
  retentionMonths: number;
  lastRun: {
    at: number;
    cutoff: number;
    requesters: number;
    conversations: number;
    messages: number;
    attachments: number;
  } | null;
}

export interface ErasureResult {
  requesters: number;
  conversations: number;
  messages: number;
  attachments: number;
  complaints: number;
}

export interface PrivacyMethods {
  'privacy.getSettings': { input: Record<string, never>; output: PrivacySettingsView };
  'privacy.saveSettings': { input: { retentionMonths: number }; output: PrivacySettingsView };
  /** Runs the retention job now (it also runs once a day by itself). */
  'privacy.runRetention': { input: Record<string, never>; output: PrivacySettingsView };
  /** Everything held about one requester as a JSON document (for the requester's access request); audited. */
  'requesters.export': { input: { id: number }; output: { fileName: string; json: string } };
  /**
   * Removes one requester's personal data everywhere (fields, addresses, messages, search index,
   * attachment files) and keeps the statistical record; audited with the reason. Cannot be undone.
   */
  'requesters.erase': { input: { id: number; reason: string }; output: ErasureResult };
}
