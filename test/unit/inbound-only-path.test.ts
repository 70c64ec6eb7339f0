import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/host';

// Every inbound write goes through src-main/core/inbound (DESIGN §3): a connector normalises what
// arrived and hands it to ingestUpdates(); it never writes messages, requesters or its cursor itself.
const FORBIDDEN: [RegExp, string][] = [
  [/INSERT\s+(OR\s+\w+\s+)?INTO\s+messages\b/i, 'inserts messages'],
  [/UPDATE\s+messages\s+SET\s+body_text/i, 'rewrites message text'],
  [/INSERT\s+(OR\s+\w+\s+)?INTO\s+(requesters|channel_identities|conversations)\b/i, 'creates requesters or conversations'],
  [/channel_cursors/i, 'touches a cursor'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the one inbound path', () => {
  it('leaves no channel connector writing inbound rows or cursors itself', () => {
    const channelsDir = join(REPO_ROOT, 'src-main', 'core', 'channels');
    const files = sources(channelsDir);
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${relative(REPO_ROOT, file)} ${what}`);
    });
    expect(offences).toEqual([]);
  });

  it('would see such a write (the patterns match the SQL the old connector had)', () => {
    const planted = "db.prepare(`INSERT OR IGNORE INTO messages (conversation_id, direction) VALUES (?, 'activity')`)";
    expect(FORBIDDEN.some(([pattern]) => pattern.test(planted))).toBe(true);
    expect(FORBIDDEN.some(([pattern]) => pattern.test("INSERT INTO channel_cursors (channel) VALUES ('telegram')"))).toBe(true);
  });
});
