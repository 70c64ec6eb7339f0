import type { OutgoingAttachment } from '../../src-preload/contract';

/** The core's limit per file (a requester's Telegram downloads at most 20 MB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The core accepts at most this many files per message. */
export const MAX_FILES = 10;

export interface PendingFile extends OutgoingAttachment {
  size: number;
}

/** "1,2 MB", "340 KB", "12 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The bytes as base64, for the contract. */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Reads a picked or dropped file for messages.send; files over the limit are refused by name. */
export async function readFile(file: File): Promise<PendingFile | { tooLarge: string }> {
  if (file.size > MAX_FILE_BYTES) return { tooLarge: file.name };
  const contentBase64 = toBase64(await file.arrayBuffer());
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
  return { fileName: file.name, mimeType, contentBase64, size: file.size };
}
