import nodemailer from 'nodemailer';

/**
 * Hands a raw message to Dovecot's LMTP listener for each recipient, as an MTA would. Rejects
 * unless every recipient was accepted. LMTP here is loopback-only and plain (no STARTTLS).
 */
export async function deliverViaLmtp(lmtpPort: number, mailFrom: string, rcptTo: readonly string[], raw: Buffer | string): Promise<void> {
  const transport = nodemailer.createTransport({ lmtp: true, host: '127.0.0.1', port: lmtpPort, secure: false, ignoreTLS: true, name: 'localhost' });
  try {
    const info = await transport.sendMail({ envelope: { from: mailFrom, to: [...rcptTo] }, raw });
    const rejected = info.rejected ?? [];
    if (rejected.length > 0) throw new Error(`LMTP rejected ${rejected.join(', ')}: ${info.response ?? ''}`);
  } finally {
    transport.close();
  }
}
