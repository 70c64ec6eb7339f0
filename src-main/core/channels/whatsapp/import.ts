import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import JSZip from 'jszip';
import { normalizeWhatsapp } from '../../../../src-common/whatsapp';
import { formBlock, introduction } from '../../domain/mail-identity';
import { AppError, conflict, notFound } from '../../errors';
import { ingestUpdates } from '../../inbound/ingest';
import type { InboundAttachment, InboundMessage } from '../../inbound/types';
import type { CoreServices } from '../../services';
import { readWorkflowSettings } from '../../workflow/settings';
import { parseChatExport, type ExportLine } from './export-parse';

export interface ChatImportInput {
  /** A WhatsApp consultation to add the chat to; without it the chat opens a new one. */
  conversationId?: number;
  /** The requester's number when the export shows a saved contact's name instead of it. */
  requesterNumber?: string;
  /** The phone's zone when it is not the office's WITA (a colleague's phone set to WIB, say). */
  timeZone?: PhoneTimeZone;
}

/** Indonesia's three zones: the clock the exporting phone wrote its times in. */
export const PHONE_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type PhoneTimeZone = (typeof PHONE_TIME_ZONES)[number];

export interface ChatImportResult {
  conversationId: number;
  /** Messages stored by this import (a re-import of the same chat stores none). */
  added: number;
  /** Messages already on the record from an earlier import. */
  alreadyThere: number;
  /** Files the chat names that the export did not carry (a .txt export, or media left out). */
  missingFiles: string[];
  requesterNumber: string;
  /** When the requester last wrote, of the messages this import stored (null if none). */
  lastIncomingAt: number | null;
}

/** The phone's clock: WhatsApp writes its wall-clock time, and the office phone runs on WITA. */
const PHONE_TIME_ZONE: PhoneTimeZone = 'Asia/Makassar';
/** An export is a few MB of text, its media already compressed: more than this unpacked is no chat export. */
const MAX_UNPACKED = 100 * 1024 * 1024;

const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  csv: 'text/csv',
  txt: 'text/plain',
  vcf: 'text/vcard',
};
const mimeOf = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** An export as read from its file: the chat text and the media that came with it. */
export interface ExportFiles {
  chat: string;
  media: Map<string, Buffer>;
}

const isZip = (content: Buffer) => content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;

/** The chat text and, for a zip export, the media beside it (by file name, as the chat names them). */
export async function readChatExport(content: Buffer): Promise<ExportFiles> {
  if (!isZip(content)) return { chat: content.toString('utf8'), media: new Map() };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw new AppError('invalid_input', { code: 'whatsapp.zip_unreadable' });
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const texts = entries.filter((f) => f.name.toLowerCase().endsWith('.txt'));
  // iOS names it _chat.txt; Android "WhatsApp Chat with …" / "Chat WhatsApp dengan …".
  const chatEntry = texts.find((f) => basename(f.name) === '_chat.txt') ?? texts.find((f) => /whatsapp/i.test(basename(f.name))) ?? texts[0];
  if (!chatEntry) throw new AppError('invalid_input', { code: 'whatsapp.zip_no_chat' });
  const media = new Map<string, Buffer>();
  const budget = { left: MAX_UNPACKED };
  const chat = (await inflateWithin(chatEntry, budget)).toString('utf8');
  for (const entry of entries) {
    if (entry !== chatEntry) media.set(basename(entry.name), await inflateWithin(entry, budget));
  }
  return { chat, media };
}

/**
 * One entry's bytes, counted while they are inflated: a zip's own size says nothing of what it
 * unpacks to, so a crafted one is stopped at the budget instead of filling the memory.
 */
function inflateWithin(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        stream.removeAllListeners('data');
        (stream as unknown as { pause(): void }).pause();
        reject(new AppError('invalid_input', { code: 'whatsapp.zip_too_large', params: { mb: MAX_UNPACKED / 1024 / 1024 } }));
      } else chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', () => reject(new AppError('invalid_input', { code: 'whatsapp.zip_unreadable' })));
  });
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Which sender is the office: its WhatsApp name or number from Pengaturan. */
function officeSenders(senders: readonly string[], office: { name: string; number: string }): Set<string> {
  return new Set(
    senders.filter(
      (s) => (office.name.trim() !== '' && sameName(s, office.name)) || (office.number !== '' && normalizeWhatsapp(s) === normalizeWhatsapp(office.number)),
    ),
  );
}

/** What the timeline shows for a message whose content the export does not hold. */
function textOf(line: ExportLine, missing: readonly string[]): string {
  const parts = [line.text];
  if (line.deleted) parts.push('(Pesan ini telah dihapus oleh pengirim)');
  if (line.mediaOmitted) parts.push('(Media tidak disertakan dalam ekspor chat)');
  for (const name of missing) parts.push(`📎 ${name} (tidak ada dalam ekspor chat)`);
  return parts.filter((p) => p !== '').join('\n');
}

/**
 * The same message gets the same id in every export of the chat from the same phone: its wall-clock
 * time, side and content, and which repetition of that it is. A longer export therefore adds only
 * what is new, and importing the same file twice adds nothing.
 */
function externalIds(number: string, lines: readonly { line: ExportLine; office: boolean }[]): string[] {
  const seen = new Map<string, number>();
  return lines.map(({ line, office }) => {
    const hash = createHash('sha256')
      .update(
        [line.local, office ? 'office' : 'requester', line.text, line.files.join('|'), line.deleted ? 'deleted' : '', line.mediaOmitted ? 'omitted' : ''].join(
          '\u0000',
        ),
      )
      .digest('hex')
      .slice(0, 24);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return `wa:${number}:${hash}:${n}`;
  });
}

interface Target {
  conversationId: number | null;
  requesterNumber: string | null;
}

function target(core: CoreServices, conversationId: number | undefined): Target {
  if (conversationId === undefined) return { conversationId: null, requesterNumber: null };
  const row = core.db
    .prepare('SELECT c.channel, r.whatsapp FROM conversations c JOIN requesters r ON r.id = c.requester_id WHERE c.id = ?')
    .get(conversationId) as { channel: string; whatsapp: string | null } | undefined;
  if (!row) throw notFound({ code: 'conversations.not_found' });
  if (row.channel !== 'whatsapp') throw conflict({ code: 'whatsapp.not_whatsapp' });
  return { conversationId, requesterNumber: row.whatsapp };
}

/** Officers confirm a click-to-chat answer some minutes after WhatsApp stamped it; a phone clock may be off too. */
const CLICK_TO_CHAT_WINDOW_MS = 12 * 60 * 60 * 1000;
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * The answers officers sent by click-to-chat and confirmed are already on the record; the export
 * shows each again as an office line. One recorded answer stands for one such line: same text,
 * near in time.
 */
function clickToChatAnswers(core: CoreServices) {
  const claimed = new Set<number>();
  const candidates = core.db.prepare(
    `SELECT id, body_text AS text, created_at AS at FROM messages
      WHERE conversation_id = ? AND direction = 'outgoing' AND channel = 'whatsapp' AND json_extract(meta, '$.answeredVia') = 'whatsapp'
        AND created_at BETWEEN ? AND ? ORDER BY abs(created_at - ?)`,
  );
  return {
    claim(conversationId: number, m: InboundMessage): boolean {
      const rows = candidates.all(conversationId, m.receivedAt - CLICK_TO_CHAT_WINDOW_MS, m.receivedAt + CLICK_TO_CHAT_WINDOW_MS, m.receivedAt) as {
        id: number;
        text: string;
      }[];
      const match = rows.find((r) => !claimed.has(r.id) && sameText(r.text, m.text));
      if (match) claimed.add(match.id);
      return match !== undefined;
    },
  };
}

/**
 * Puts a chat exported from the office's WhatsApp phone on the record, through the one ingest
 * path: the requester's messages are incoming (so first response and SLA are measured from them),
 * the office's are its replies, already sent. System lines of the phone are left out.
 */
export function importChatExport(core: CoreServices, files: ExportFiles, input: ChatImportInput): ChatImportResult {
  const parsed = parseChatExport(files.chat, input.timeZone ?? PHONE_TIME_ZONE);
  const said = parsed.lines.filter((l): l is ExportLine & { sender: string } => l.sender !== null);
  if (parsed.lines.length === 0) throw new AppError('invalid_input', { code: 'whatsapp.not_an_export' });

  const settings = readWorkflowSettings(core.db);
  const senders = [...new Set(said.map((l) => l.sender))];
  const office = officeSenders(senders, { name: settings.whatsappOfficeName, number: settings.whatsappOfficeNumber });
  const others = senders.filter((s) => !office.has(s));
  if (others.length === 0) throw new AppError('invalid_input', { code: 'whatsapp.no_requester_messages' });
  // Two people besides the office: the office's side is not known, or this is a group chat.
  if (others.length > 1) throw new AppError('invalid_input', { code: 'whatsapp.office_unknown' });
  const requesterSender = others[0]!;

  const chosen = target(core, input.conversationId);
  const number = normalizeWhatsapp(requesterSender) ?? (input.requesterNumber ? normalizeWhatsapp(input.requesterNumber) : null) ?? chosen.requesterNumber;
  if (!number) throw new AppError('invalid_input', { code: 'whatsapp.number_needed' });
  if (chosen.requesterNumber !== null && chosen.requesterNumber !== number) throw conflict({ code: 'whatsapp.other_requester' });
  // A saved contact shows the name the office gave; an unsaved one shows the number, which is no name.
  const contactName = normalizeWhatsapp(requesterSender) ? undefined : requesterSender;

  const sided = said.map((line) => ({ line, office: office.has(line.sender) }));
  const ids = externalIds(number, sided);
  const missingFiles: string[] = [];
  const messages: InboundMessage[] = sided.map(({ line, office: fromOffice }, i) => {
    const attachments: InboundAttachment[] = [];
    const missing: string[] = [];
    for (const name of line.files) {
      const content = files.media.get(name);
      if (content) attachments.push({ fileName: name, mimeType: mimeOf(name), content });
      else missing.push(name);
    }
    missingFiles.push(...missing);
    const text = textOf(line, missing);
    return {
      channel: 'whatsapp',
      externalId: ids[i]!,
      sourceId: number,
      displayName: requesterSender,
      receivedAt: line.at,
      text,
      subject: 'Konsultasi WhatsApp',
      attachments,
      office: fromOffice,
      identityHints: fromOffice ? [] : [...formBlock(line.text), ...introduction(line.text)],
      requester: { whatsapp: number, ...(contactName ? { name: contactName } : {}) },
      meta: {
        whatsappExport: { position: line.position, local: line.local, ...(line.deleted ? { deleted: true } : {}), ...(line.edited ? { edited: true } : {}) },
      },
      thread: { mode: 'explicit' },
    };
  });

  let conversationId = chosen.conversationId;
  let added = 0;
  let lastIncomingAt: number | null = null;
  // A new consultation starts with the requester's first message; the office's earlier lines join it after.
  const first = conversationId === null ? messages.findIndex((m) => !m.office) : -1;
  const all = messages.map((_, i) => i);
  const order = first >= 0 ? [first, ...all.filter((i) => i !== first)] : all;
  const sentByClick = clickToChatAnswers(core);
  ingestUpdates(core, undefined, (batch) => {
    for (const i of order) {
      const m = messages[i]!;
      if (m.office && conversationId !== null && sentByClick.claim(conversationId, m)) continue;
      const result = batch.message(conversationId === null ? m : { ...m, thread: { mode: 'explicit', conversationId } });
      // Follow where it went: a message long after a closed consultation starts a new one (the reopen rule), and the rest join that.
      conversationId = result.conversationId;
      if (result.outcome === 'inserted') {
        added += 1;
        if (!m.office) lastIncomingAt = Math.max(lastIncomingAt ?? 0, m.receivedAt);
      }
    }
  });
  return { conversationId: conversationId!, added, alreadyThere: messages.length - added, missingFiles, requesterNumber: number, lastIncomingAt };
}
