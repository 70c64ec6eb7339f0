import type { Migration } from '../migrate';

/**
 * When a request arrived, for the work queue's order. Among consultations equally due (new ones
 * have no due yet) the queue went by id, which was arrival order until a first mail sync stored
 * the newest 100 mails ahead of the backlog: they took the lowest ids and stood above mail weeks
 * older. arrived_at is the time of the consultation's first message from the requester (its
 * creation when there is none), set once, and the queue's indexes order by it before the id.
 */
export const m0017: Migration = {
  version: 17,
  name: 'queue-arrival',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN arrived_at INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations SET arrived_at = coalesce(
        (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'incoming'),
        created_at);

      DROP INDEX inbox_status_due;
      CREATE INDEX inbox_status_due ON conversations(status, inbox_due, arrived_at, id) WHERE automated = 0;
      DROP INDEX inbox_due;
      CREATE INDEX inbox_due ON conversations(inbox_due, arrived_at, id) WHERE automated = 0;
    `);
  },
};
