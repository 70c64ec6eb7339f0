import type { Migration } from '../migrate';

/**
 * What a mail says about its sender, kept apart from what an officer typed: each value read from
 * a mail (the acknowledgement's form block, a signature, "saya … dari …", an agency display name)
 * is a hint. A form block answers what the acknowledgement asked, so its values fill empty fields
 * at once ('applied', shown as "dari email" until an officer confirms); the others wait
 * ('pending') for the officer to apply or dismiss them. Attachments learn whether they are inline
 * parts of the HTML (cid: images, not files the requester sent) and whether they arrived damaged.
 */
export const m0010: Migration = {
  version: 10,
  name: 'mail-identity',
  up(db) {
    db.exec(`
      CREATE TABLE requester_hints (
        id           INTEGER PRIMARY KEY,
        requester_id INTEGER NOT NULL REFERENCES requesters(id),
        message_id   INTEGER REFERENCES messages(id),
        field        TEXT NOT NULL CHECK (field IN ('name', 'institution', 'occupation', 'email', 'whatsapp', 'need')),
        value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
        source       TEXT NOT NULL CHECK (source IN ('form', 'signature', 'introduction', 'display_name', 'address', 'first_message')),
        state        TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'confirmed', 'dismissed')),
        created_at   INTEGER NOT NULL,
        decided_at   INTEGER,
        decided_by   INTEGER REFERENCES officers(id),
        UNIQUE (requester_id, field, value)
      ) STRICT;
      CREATE INDEX requester_hints_open ON requester_hints(requester_id, state);
      ALTER TABLE attachments ADD COLUMN inline INTEGER NOT NULL DEFAULT 0 CHECK (inline IN (0, 1));
      ALTER TABLE attachments ADD COLUMN damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1));
    `);
  },
};
