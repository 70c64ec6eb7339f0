import { simpleParser, type ParsedMail } from 'mailparser';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';

/** Runs `work` on a fresh logged-in imapflow client and always logs out (or drops) afterwards. */
export async function withImap<T>(options: ImapFlowOptions, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ ...options, disableAutoIdle: true });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** A path, or a special-use flag like `\Sent` resolved through LIST (RFC 6154). */
export async function resolveMailbox(client: ImapFlow, mailbox: string): Promise<string> {
  if (!mailbox.startsWith('\\')) return mailbox;
  const match = (await client.list()).find((entry) => entry.specialUse === mailbox);
  if (!match) throw new Error(`no mailbox with special-use ${mailbox}`);
  return match.path;
}

/** Every mail in one mailbox of one account, parsed, with its flags; none when the mailbox does not exist (yet). */
export async function parsedMailbox(options: ImapFlowOptions, path: string): Promise<{ parsed: ParsedMail; flags: Set<string> | undefined }[]> {
  return withImap(options, async (client) => {
    let lock;
    try {
      lock = await client.getMailboxLock(path);
    } catch (error) {
      if ((error as { serverResponseCode?: string }).serverResponseCode === 'NONEXISTENT') return [];
      throw error;
    }
    try {
      const out = [];
      for await (const m of client.fetch('1:*', { source: true, flags: true })) out.push({ parsed: await simpleParser(m.source!), flags: m.flags });
      return out;
    } finally {
      lock.release();
    }
  });
}
