import { createHash } from 'node:crypto';
import type * as HtmlToText from 'html-to-text';
import type { InboundAttachment, InboundMessage } from '../../inbound/types';
import { identityHints } from '../../domain/mail-identity';
import { TICKET_PATTERN } from '../../domain/ticket';
import { automatedReason, bounceReport, normalizeMessageId, type BounceReport } from './automated';
import { readMail, type MailParts } from './mime';
import { foldQuoted } from './quote';

/** Where a mail was found on the server. */
export interface ImapPosition {
  mailbox: string;
  uidValidity: string;
  uid: number;
  internalDate: number | null;
}

/** One fetched mail, parsed, before its external id is settled against the store. */
export interface ParsedInbound {
  message: InboundMessage;
  headerMessageId: string | null;
  contentHash: string;
  inReplyTo: string | null;
  references: string[];
  /** The text before folding, when folding removed something. */
  fullText: string | null;
  bounce: BounceReport | null;
  position: ImapPosition;
}

/** Headers added on the way in (they differ between two deliveries of the same mail). */
const TRACE_HEADER = /^(received|return-path|delivered-to|x-original-to|authentication-results|arc-[a-z-]+|x-spam[a-z-]*|x-virus[a-z-]*|x-dspam[a-z-]*)$/i;

/** sha256 over the mail's own headers and body: the same mail hashes the same wherever it is fetched from. */
export function contentHashOf(raw: Buffer): string {
  let split = raw.indexOf('\r\n\r\n');
  let sepLength = 4;
  if (split < 0) {
    split = raw.indexOf('\n\n');
    sepLength = 2;
  }
  const head = (split < 0 ? raw : raw.subarray(0, split)).toString('latin1');
  const body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + sepLength);
  // Each kept field unfolded and followed by a line break, then a blank line, then the body: the
  // bytes stored hashes were made of, given to the hash in two calls instead of two per field.
  let fields = '';
  for (const field of head.split(/\r?\n(?![ \t])/)) {
    const name = /^([^:\s]+)\s*:/.exec(field)?.[1];
    if (name && TRACE_HEADER.test(name)) continue;
    fields += `${field.replace(/\r?\n[ \t]/g, ' ').trim()}\n`;
  }
  return createHash('sha256').update(`${fields}\n`).update(body).digest('hex');
}

/** The Date header as written, parsed by us: a parser's own reading may put "now" where it cannot parse. */
function headerDate(mail: MailParts): number | null {
  const line = mail.headerLines.find((h) => h.key === 'date')?.line;
  if (!line) return null;
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const at = Date.parse(value);
  // Years before e-mail existed are as good as unparseable.
  return Number.isFinite(at) && at > Date.UTC(1980, 0, 1) ? at : null;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'message/rfc822': '.eml',
};

/**
 * Whether a multipart was cut short: a boundary that opens parts but never closes. Mail clients
 * and servers that give up mid-upload leave exactly this; the last part then holds only what came.
 */
function truncatedMultipart(head: string): boolean {
  const boundaries = new Set([...head.matchAll(/boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))/gi)].map((b) => b[1] ?? b[2] ?? '').filter(Boolean));
  for (const boundary of boundaries) if (head.includes(`--${boundary}`) && !head.includes(`--${boundary}--`)) return true;
  return false;
}

function attachmentsOf(mail: MailParts, raw: Buffer): InboundAttachment[] {
  const html = mail.html ?? '';
  // Only a multipart mail has boundaries to be cut short (and most mail is a single text part).
  const truncated = mail.contentType.startsWith('multipart/') && truncatedMultipart(raw.toString('latin1'));
  const list = mail.attachments.map((a, i) => {
    const contentId = a.contentId ?? undefined;
    const fallback = `${contentId ? 'gambar-sisip' : 'lampiran'}-${i + 1}${EXTENSIONS[a.mimeType] ?? ''}`;
    const fileName =
      (a.filename ?? '')
        // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not keep
        .replace(/[\u0000-\u001f\\/]/g, '_')
        .trim()
        .slice(0, 255) || fallback;
    // An image the HTML shows by its Content-ID is part of the body (a logo in a signature), not a file.
    const inline = contentId !== undefined && html.includes(`cid:${contentId}`);
    const attachment: InboundAttachment = {
      fileName,
      mimeType: a.mimeType || 'application/octet-stream',
      content: a.content,
      ...(contentId ? { contentId } : {}),
      ...(inline ? { inline: true } : {}),
    };
    return attachment;
  });
  if (truncated) {
    const last = list.findLast((a) => !a.inline) ?? list.at(-1);
    if (last) last.damaged = true;
  }
  return list;
}

/**
 * html-to-text, loaded with the first HTML-only mail: most mail has a text part, and the parse
 * worker starts sooner without it (a first sync waits for that start).
 */
let htmlConverter: Promise<typeof HtmlToText> | null = null;

/** Plain text of an HTML-only mail as a person reads it: no wrapping, no image or link noise, headings as written. */
export async function htmlToText(html: string): Promise<string> {
  const { convert } = await (htmlConverter ??= import('html-to-text'));
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
      ...['table', 'tr', 'td', 'th'].map((t) => ({ selector: t, format: 'block' })),
    ],
  });
}

/** Control characters a database column or a search index should never see (NUL above all). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const clean = (text: string): string => text.replace(/\u0000/g, '').replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');

/** What the parser must know of the account: the office's own addresses (login, sender, aliases), lower case. */
export interface ParseContext {
  officeAddresses?: ReadonlySet<string>;
}

/** Turns one raw mail into the normalized InboundMessage (externalId = its Message-ID for now). */
export async function parseMail(raw: Buffer, position: ImapPosition, context: ParseContext = {}): Promise<ParsedInbound> {
  const mail = await readMail(raw);
  const from = mail.from;
  const headerMessageId = normalizeMessageId(mail.messageId);
  const contentHash = contentHashOf(raw);
  const automated = automatedReason(mail, from.address);
  const bounce = bounceReport(mail, from.address);
  const inReplyTo = normalizeMessageId(mail.inReplyTo);
  const refList = mail.references.map((r) => normalizeMessageId(r)).filter((r): r is string => r !== null);
  const replyTo = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...[...refList].reverse(), ...(bounce?.originalMessageIds ?? [])])];

  // No text/plain part with words in it (a text part inside a forwarded mail is the attachment's).
  const htmlOnly = mail.html !== undefined && mail.text === undefined;
  const fullText = clean(htmlOnly && mail.html !== undefined ? await htmlToText(mail.html) : (mail.text ?? '')).trim();
  const office = from.address !== null && (context.officeAddresses?.has(from.address) ?? false);
  const folded = automated && !office ? { text: fullText, quoted: null } : foldQuoted(fullText);
  const subject = mail.subject !== undefined ? clean(mail.subject).slice(0, 998) : undefined;
  const dateFromHeader = headerDate(mail);
  const receivedAt = dateFromHeader ?? position.internalDate ?? Date.now();
  const ticket = subject ? TICKET_PATTERN.exec(subject)?.[0] : undefined;
  const person = automated === null && !office;
  const hints = person ? identityHints({ text: folded.text, displayName: from.name }) : [];
  // A display name that is an office ("Dinas …", "Pemdes …") is the institution, never the person.
  const name = hints.find((h) => h.source === 'display_name' && h.field === 'name')?.value;

  const message: InboundMessage = {
    channel: 'email',
    externalId: headerMessageId ?? `<derived.${contentHash.slice(0, 32)}@pst.invalid>`,
    sourceId: from.address ?? 'tanpa-alamat@pst.invalid',
    ...(name ? { displayName: name } : from.name ? { displayName: from.name.slice(0, 200) } : {}),
    receivedAt,
    text: folded.text,
    ...(mail.html !== undefined ? { html: clean(mail.html) } : {}),
    ...(subject !== undefined ? { subject } : {}),
    automated: automated !== null,
    ...(office ? { office: true } : {}),
    attachments: attachmentsOf(mail, raw),
    meta: {
      email: {
        messageId: headerMessageId,
        from: from.address,
        to: mail.to,
        cc: mail.cc,
        ...(automated ? { automated } : {}),
        ...(htmlOnly ? { htmlOnly: true } : {}),
        ...(folded.quoted ? { folded: true } : {}),
        dateSource: dateFromHeader !== null ? 'header' : 'internaldate',
      },
    },
    requester: person ? { ...(from.address ? { email: from.address } : {}) } : undefined,
    ...(hints.length > 0 ? { identityHints: hints } : {}),
    thread: { mode: 'explicit', replyTo, ...(ticket ? { ticket } : {}) },
  };
  return { message, headerMessageId, contentHash, inReplyTo, references: refList, fullText: folded.quoted ? fullText : null, bounce, position };
}

/**
 * parseMail that never throws: a mail the MIME parser cannot read is still stored (as its raw text),
 * so one hostile message can never stall the sync behind it.
 */
export async function parseMailSafe(raw: Buffer, position: ImapPosition, context: ParseContext = {}): Promise<ParsedInbound> {
  try {
    return await parseMail(raw, position, context);
  } catch (error) {
    return unparsedMail(raw, position, error);
  }
}

/**
 * A mail kept as its raw text, filed aside as automated: what is stored when the parser fails on
 * it (or its parse worker died on it). Nothing of it is lost and the officer can still read it.
 */
export function unparsedMail(raw: Buffer, position: ImapPosition, error: unknown): ParsedInbound {
  const contentHash = contentHashOf(raw);
  const text = clean(raw.toString('latin1')).slice(0, 100_000);
  return {
    message: {
      channel: 'email',
      externalId: `<unparsed.${contentHash.slice(0, 32)}@pst.invalid>`,
      sourceId: 'tanpa-alamat@pst.invalid',
      receivedAt: position.internalDate ?? Date.now(),
      text,
      automated: true,
      meta: { email: { parseError: error instanceof Error ? error.message.slice(0, 200) : 'parse failed' } },
      thread: { mode: 'explicit' },
    },
    headerMessageId: null,
    contentHash,
    inReplyTo: null,
    references: [],
    fullText: null,
    bounce: null,
    position,
  };
}
