import type { MailParts } from './mime';

const AUTOMATION_HEADERS = new Set(['auto-submitted', 'precedence', 'list-unsubscribe', 'list-id', 'x-autoreply', 'x-autorespond', 'return-path']);

/**
 * Mail no person wrote (RFC 3834 Auto-Submitted, delivery-status reports, bulk/list mail,
 * no-reply senders): stored, but it never opens a request and never gets an automatic reply.
 * Returns why, or null for mail from a person.
 */
export function automatedReason(mail: MailParts, fromAddress: string | null): string | null {
  // Only the headers read below (the last one of a name counts), not every header of every mail.
  const lines = new Map<string, string>();
  for (const h of mail.headerLines) {
    const key = h.key.toLowerCase();
    if (AUTOMATION_HEADERS.has(key))
      lines.set(
        key,
        h.line
          .slice(h.line.indexOf(':') + 1)
          .trim()
          .toLowerCase(),
      );
  }
  const header = (name: string): string => lines.get(name) ?? '';
  const report = reportType(mail);
  if (report) return `report:${report}`;
  const autoSubmitted = header('auto-submitted').trim();
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted:${autoSubmitted.split(';')[0]}`;
  const precedence = header('precedence').trim();
  if (['bulk', 'list', 'junk', 'auto_reply'].includes(precedence)) return `precedence:${precedence}`;
  if (lines.has('list-unsubscribe')) return 'list-unsubscribe';
  if (lines.has('list-id')) return 'list-id';
  if (lines.has('x-autoreply') || lines.has('x-autorespond')) return 'x-autoreply';
  const returnPath = header('return-path').trim();
  if (returnPath === '<>' || (lines.has('return-path') && returnPath === '')) return 'null-sender';
  const local = (fromAddress ?? '').split('@')[0]?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)$/.test(local)) return 'mailer-daemon';
  if (/^(no-?reply|do-?not-?reply|noreply[-.+].*|no-reply[-.+].*)$/.test(local)) return 'no-reply';
  return null;
}

/** 'delivery-status', 'disposition-notification', … for a multipart/report; null otherwise. */
function reportType(mail: MailParts): string | null {
  return mail.contentType === 'multipart/report' ? (mail.contentTypeParams['report-type']?.toLowerCase() ?? 'unknown') : null;
}

export interface BounceReport {
  /** Message-IDs the report may be about, most specific first. */
  originalMessageIds: string[];
  /** For the officer: status code and the receiving server's words. */
  reason: string;
}

/**
 * A delivery-status notification (RFC 3464) that reports a failure. The message/delivery-status
 * part and the returned message/rfc822 (or text/rfc822-headers) are attachments; some servers
 * write the status into the text instead, so both are read.
 */
export function bounceReport(mail: MailParts, fromAddress: string | null): BounceReport | null {
  const local = (fromAddress ?? '').split('@')[0]?.toLowerCase() ?? '';
  if (reportType(mail) !== 'delivery-status' && !/^(mailer-daemon|postmaster)$/.test(local)) return null;
  const statusText = [mail.text ?? '', ...mail.attachments.filter((a) => /delivery-status/i.test(a.mimeType)).map((a) => a.content.toString('utf8'))].join(
    '\n',
  );
  const action = /^Action:\s*(\S+)/im.exec(statusText)?.[1]?.toLowerCase();
  if (action && action !== 'failed') return null; // delayed/relayed/delivered: not a failure
  const ids: string[] = [];
  const add = (id: string | undefined) => {
    const normalized = normalizeMessageId(id);
    if (normalized && !ids.includes(normalized)) ids.push(normalized);
  };
  add(/^Original-Message-ID:\s*(<[^>\s]+>)/im.exec(statusText)?.[1]);
  for (const part of mail.attachments) {
    if (/^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers|message\/global)/i.test(part.mimeType)) {
      const headers = part.content.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
      add(/^Message-ID:\s*(<[^>\s]+>)/im.exec(headers)?.[1]);
    }
  }
  add(mail.inReplyTo);
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(statusText)?.[1];
  const diagnostic = /^Diagnostic-Code:\s*[^;\n]*;\s*(.+(?:\n[ \t].+)*)/im.exec(statusText)?.[1]?.replace(/\s+/g, ' ').trim();
  const recipient = /^Final-Recipient:\s*[^;\n]*;\s*(\S+)/im.exec(statusText)?.[1];
  if (ids.length === 0) return null;
  const parts = [recipient ? `penerima ${recipient}` : null, status ? `status ${status}` : null, diagnostic ?? null].filter(Boolean);
  const reason = `Surel ditolak server penerima${parts.length ? `: ${parts.join(', ')}` : ''}`;
  return { originalMessageIds: ids, reason: reason.slice(0, 500) };
}

/** `<id@host>` form, or null for anything that is not a Message-ID. */
export function normalizeMessageId(value: string | undefined | null): string | null {
  if (!value) return null;
  const match = /<?([^<>\s]+@[^<>\s]+)>?/.exec(value.trim());
  return match ? `<${match[1]}>` : null;
}
