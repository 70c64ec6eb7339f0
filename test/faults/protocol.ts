import type { EmailAccountInput } from '../../src-preload/contract';

// What the driver and the child say to each other, one line at a time (stdin / stdout).
//   driver → child: "reply <marker>"       an officer's reply the driver asks for
//   child → driver: "setup"                 the data dir is prepared (setup mode only)
//                   "open"                  the store is open: from here a kill can hurt
//                   "ready"                 channels and outbox are running
//   child → driver: "enqueued <marker> <messageId> <conversationId> <channel>"   messages.send returned ok
//                   "skipped <marker> <reason>"  nothing to reply to yet (no conversation)

/** Every officer reply carries one of these, so the driver can count it at the peers. */
export const REPLY_MARKER_PREFIX = 'FJR';
export const markerOf = (n: number) => `${REPLY_MARKER_PREFIX}${String(n).padStart(6, '0')}`;
export const MARKER_PATTERN = new RegExp(`${REPLY_MARKER_PREFIX}\\d{6}`, 'g');
export const replyText = (marker: string) => `Terima kasih, data yang diminta kami kirim segera. Ref ${marker}`;

/** The child's environment (set by the driver). */
export const ENV = {
  dataDir: 'PST_FAULTS_DATA_DIR',
  apiRoot: 'PST_FAULTS_TG_API_ROOT',
  /** JSON SetupInput: prepare the data dir and exit. */
  setup: 'PST_FAULTS_SETUP',
} as const;

export interface SetupInput {
  account: EmailAccountInput;
  telegramToken: string;
}

/** The officer the child logs in as (created by the driver's setup). */
export const OFFICER = { username: 'admin', displayName: 'Admin PST', password: 'rahasia-admin-123' } as const;

export type ChildLine =
  | { kind: 'setup' }
  | { kind: 'open' }
  | { kind: 'ready' }
  | { kind: 'enqueued'; marker: string; messageId: number; conversationId: number; channel: string }
  | { kind: 'skipped'; marker: string }
  | { kind: 'other'; text: string };

export function parseChildLine(line: string): ChildLine {
  const [word, ...rest] = line.trim().split(' ');
  if (word === 'setup' || word === 'open' || word === 'ready') return { kind: word };
  if (word === 'enqueued' && rest.length === 4) {
    return { kind: 'enqueued', marker: rest[0]!, messageId: Number(rest[1]), conversationId: Number(rest[2]), channel: rest[3]! };
  }
  if (word === 'skipped' && rest[0]) return { kind: 'skipped', marker: rest[0] };
  return { kind: 'other', text: line };
}
