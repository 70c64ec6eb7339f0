import type { AuditEntry } from '../../../../src-preload/contract';
import type { Db } from '../db';

export const auditQueries = (db: Db) => ({
  write(e: { at: number; officerId: number | null; action: string; entityType: string | null; entityId: string | number | null; detail?: unknown }): void {
    db.prepare('INSERT INTO audit_log (at, officer_id, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      e.at,
      e.officerId,
      e.action,
      e.entityType,
      e.entityId === null ? null : String(e.entityId),
      e.detail === undefined ? null : JSON.stringify(e.detail),
    );
  },
  list(beforeId: number | undefined, limit: number): AuditEntry[] {
    return db
      .prepare(
        `SELECT a.id, a.at, a.officer_id AS officerId, o.display_name AS officerName, a.action,
                a.entity_type AS entityType, a.entity_id AS entityId, a.detail
           FROM audit_log a LEFT JOIN officers o ON o.id = a.officer_id
          WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
      )
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as AuditEntry[];
  },
});
