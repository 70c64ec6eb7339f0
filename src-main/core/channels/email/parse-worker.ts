import { parseMailSafe, type ImapPosition, type ParsedInbound } from './parse';

/** One mail for the parse worker: its raw bytes (copied across), where it was found, the office's addresses. */
export interface ParseTask {
  raw: Uint8Array;
  position: ImapPosition;
  officeAddresses: readonly string[];
}

/**
 * The parse worker's entry (built to out/main/mail-parse-worker.js): mailparser, html-to-text and
 * the identity rules are CPU work, so a first sync parses here while the main thread fetches and
 * stores. It is the same parseMailSafe the main thread would run: never throws.
 */
export default function parseInWorker(task: ParseTask): Promise<ParsedInbound> {
  const raw = Buffer.from(task.raw.buffer, task.raw.byteOffset, task.raw.byteLength);
  return parseMailSafe(raw, task.position, { officeAddresses: new Set(task.officeAddresses) });
}
