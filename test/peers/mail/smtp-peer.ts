import { EventEmitter } from 'node:events';
import { SMTPServer, type SMTPServerSession, type SMTPServerDataStream } from 'smtp-server';
import { deliverViaLmtp } from './lmtp';

/** One message the SMTP peer accepted (answered 250) and handed to Dovecot. */
export interface ReceivedMessage {
  envelope: { mailFrom: string; rcptTo: string[] };
  raw: Buffer;
  /** The Message-ID header as written, with angle brackets, or null when the mail has none. */
  messageId: string | null;
  /** The account that authenticated the SMTP session. */
  authUser: string;
  receivedAt: Date;
}

/** A scripted refusal: `code` 4xx is temporary (client should retry), 5xx permanent. */
export interface SmtpRejection {
  code: number;
  message?: string;
  /** Which command gets the reply; `data` means after the whole message was transmitted. */
  stage?: 'mail' | 'rcpt' | 'data';
}

export interface SmtpPeerOptions {
  host: '127.0.0.1';
  key: string;
  cert: string;
  lmtpPort: number;
  /** Password check against the same accounts Dovecot uses. */
  checkPassword(user: string, password: string): boolean;
  /** Whether a recipient is a local account: nothing is relayed anywhere else. */
  isLocalRecipient(address: string): boolean;
  maxMessageBytes: number;
}

/**
 * A submission server (the `smtp-server` package) in this process: STARTTLS required before
 * AUTH PLAIN/LOGIN, recipients limited to local accounts, every accepted message delivered to
 * Dovecot over LMTP before the 250 reply, so an accepted message is readable over IMAP.
 */
export class SmtpPeer {
  readonly received: ReceivedMessage[] = [];
  /** Every AUTH attempt, in order: tests assert a client does not hammer a wrong password. */
  readonly logins: { user: string; ok: boolean; at: Date }[] = [];
  private server: SMTPServer | null = null;
  private boundPort = 0;
  private readonly rejections: SmtpRejection[] = [];
  private dropsMidData = 0;
  private readonly events = new EventEmitter();

  constructor(private readonly options: SmtpPeerOptions) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** Listens (again) on the same port; the first start picks a free one. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = this.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => {
      // Client-side resets (e.g. our own mid-DATA drops) surface here; they are expected.
    });
    const address = server.server.address();
    if (typeof address === 'object' && address) this.boundPort = address.port;
    this.server = server;
  }

  /** An outage: stops listening and drops every open session at once (no 421 goodbye). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const connection of server.connections) connection._socket.destroy();
    server.connections.clear();
    await new Promise<void>((resolve) => server.server.close(() => resolve()));
  }

  /** The next `count` transactions are refused at `stage` with `code`. */
  rejectNext(count: number, rejection: SmtpRejection): void {
    for (let i = 0; i < count; i++) this.rejections.push({ stage: 'data', ...rejection });
  }

  /** The next `count` transactions lose their connection in the middle of DATA. */
  dropConnectionMidData(count = 1): void {
    this.dropsMidData += count;
  }

  /** Forgets scripted faults that did not fire yet. */
  clearFaults(): void {
    this.rejections.length = 0;
    this.dropsMidData = 0;
  }

  /** Resolves once `count` messages in total have been accepted (bounded wait). */
  async waitForReceived(count: number, timeoutMs = 5000): Promise<ReceivedMessage[]> {
    if (this.received.length >= count) return this.received.slice();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('received', check);
        reject(new Error(`SMTP peer: ${this.received.length} of ${count} messages after ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (this.received.length < count) return;
        clearTimeout(timer);
        this.events.off('received', check);
        resolve(this.received.slice());
      };
      this.events.on('received', check);
    });
  }

  private takeRejection(stage: 'mail' | 'rcpt' | 'data'): Error | null {
    const next = this.rejections[0];
    if (!next || next.stage !== stage) return null;
    this.rejections.shift();
    return smtpError(next.code, next.message ?? (next.code < 500 ? 'Coba lagi nanti (injected temporary failure)' : 'Ditolak (injected permanent failure)'));
  }

  private createServer(): SMTPServer {
    const { options } = this;
    return new SMTPServer({
      secure: false,
      key: options.key,
      cert: options.cert,
      name: 'localhost',
      banner: 'PST SMTP peer',
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: false,
      size: options.maxMessageBytes,
      logger: false,
      closeTimeout: 100,
      onAuth: (auth, _session, callback) => {
        const ok = Boolean(auth.username && auth.password && options.checkPassword(auth.username, auth.password));
        this.logins.push({ user: String(auth.username ?? ''), ok, at: new Date() });
        if (ok) {
          callback(null, { user: auth.username });
        } else {
          callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
        }
      },
      onMailFrom: (_address, _session, callback) => callback(this.takeRejection('mail')),
      onRcptTo: (address, _session, callback) => {
        const rejection = this.takeRejection('rcpt');
        if (rejection) return callback(rejection);
        if (!options.isLocalRecipient(address.address))
          return callback(smtpError(550, `5.1.1 <${address.address}>: no such local mailbox (this peer relays nothing)`));
        callback();
      },
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    if (this.dropsMidData > 0) {
      this.dropsMidData--;
      // Let part of the message arrive, then cut the line like a crashed server would.
      stream.once('data', () => this.connectionOf(session)?._socket.destroy());
      stream.on('error', () => undefined);
      stream.resume();
      return;
    }
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => {
      if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'));
      const rejection = this.takeRejection('data');
      if (rejection) return callback(rejection);
      const raw = Buffer.concat(chunks);
      const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const rcptTo = session.envelope.rcptTo.map((r) => r.address);
      deliverViaLmtp(this.options.lmtpPort, mailFrom, rcptTo, raw).then(
        () => {
          this.received.push({
            envelope: { mailFrom, rcptTo },
            raw,
            messageId: messageIdOf(raw),
            authUser: String(session.user ?? ''),
            receivedAt: new Date(),
          });
          this.events.emit('received');
          callback(null);
        },
        (error: unknown) => callback(smtpError(451, `4.3.0 Local delivery failed: ${error instanceof Error ? error.message : String(error)}`)),
      );
    });
  }

  private connectionOf(session: SMTPServerSession) {
    for (const connection of this.server?.connections ?? []) if (connection.id === session.id) return connection;
    return null;
  }
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The Message-ID header of a raw RFC 822 message (header folding undone), or null. */
export function messageIdOf(raw: Buffer | string): string | null {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const header = (headerEnd >= 0 ? text.slice(0, headerEnd) : text).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.+?)[ \t]*$/im.exec(header);
  return match?.[1] ?? null;
}
