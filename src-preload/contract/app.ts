/**
 * The application itself: version and host, office settings, the audit log.
 */
import type { HostKind, Language } from './base';
import type { StorageStatus } from './events';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  dataDir: string;
  schemaVersion: number;
  trainingMode: boolean;
}

export interface AuditEntry {
  id: number;
  at: number;
  officerId: number | null;
  officerName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: string | null;
}

export interface SettingsView {
  officeName: string;
  language: Language;
}

export interface AppMethods {
  'app.info': { input: Record<string, never>; output: AppInfo };
  /** Whether the data folder's disk is full (the bar above every page). */
  'app.storage': { input: Record<string, never>; output: StorageStatus };

  'settings.get': { input: Record<string, never>; output: SettingsView };
  'settings.update': { input: Partial<SettingsView>; output: SettingsView };

  'audit.list': {
    input: { beforeId?: number; limit?: number };
    output: AuditEntry[];
  };
}
