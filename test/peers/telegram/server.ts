// HTTP front of the emulator: /bot<token>/<method> over GET, JSON, urlencoded and multipart;
// /file/bot<token>/<file_path> for downloads; fault injection and simulated network loss.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { BotState } from './bot-state';
import { describeStatus, FaultPlan } from './faults';
import { maxUploadBytes } from './files';
import type { CallContext, MethodHandler } from './method-context';
import { botMethods } from './methods-bot';
import { mediaMethods } from './methods-media';
import { messageMethods } from './methods-messages';
import { boundaryOf, parseMultipart } from './multipart';
import { Params } from './params';
import { BotApiError, type FaultSpec } from './types';

const methods = new Map<string, MethodHandler>(
  Object.entries({ ...botMethods, ...messageMethods, ...mediaMethods }).map(([name, handler]) => [name.toLowerCase(), handler]),
);
/** Multipart overhead allowed on top of the 50 MB file limit before answering 413. */
const maxBodyBytes = maxUploadBytes + 1024 * 1024;

export interface RequestLogEntry {
  token: string;
  method: string;
  at: number;
  status: number;
}

export class EmulatorServer {
  readonly faults = new FaultPlan();
  readonly log: RequestLogEntry[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private unreachable = false;

  constructor(
    private readonly bots: Map<string, BotState>,
    private readonly clock: () => number,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      if (this.unreachable) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('emulator has no port');
    return address.port;
  }

  /** Network loss: every open connection is reset and new ones are refused until switched back. */
  setUnreachable(unreachable: boolean): void {
    this.unreachable = unreachable;
    if (unreachable) for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      // Faults armed for 'download' hit the file path (a CDN 5xx, a hang) the way methods' faults hit methods.
      try {
        const fault = this.faults.take('download', true);
        if (fault && (await this.applyFault(res, fault))) return;
      } catch (error) {
        return this.sendError(res, error instanceof BotApiError ? error : new BotApiError(500, 'Internal Server Error'));
      }
      return this.download(res, decodeURIComponent(download[1] ?? ''), decodeURIComponent(download[2] ?? ''));
    }
    const call = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/.exec(url.pathname);
    if (!call) return this.sendError(res, new BotApiError(404, 'Not Found'));
    const token = decodeURIComponent(call[1] ?? '');
    const methodName = call[2] ?? '';
    const bot = this.bots.get(token);
    if (!bot) return this.sendError(res, new BotApiError(401, 'Unauthorized'));
    const handler = methods.get(methodName.toLowerCase());
    if (!handler) return this.sendError(res, new BotApiError(404, 'Not Found'));

    let status = 200;
    try {
      const params = await readParams(req, url);
      const fault = this.faults.take(methodName);
      if (fault && (await this.applyFault(res, fault))) return;
      const context: CallContext = {
        onClientGone: (callback) =>
          res.on('close', () => {
            if (!res.writableFinished) callback();
          }),
      };
      const result = await handler(bot, params, context);
      this.sendJson(res, 200, { ok: true, result });
    } catch (error) {
      const apiError = error instanceof BotApiError ? error : new BotApiError(500, 'Internal Server Error');
      if (!(error instanceof BotApiError)) console.error('[telegram emulator]', error);
      status = apiError.errorCode;
      this.sendError(res, apiError);
    } finally {
      this.log.push({ token, method: methodName, at: this.clock(), status });
    }
  }

  /** True when the fault answered (or swallowed) the request. */
  private async applyFault(res: ServerResponse, fault: FaultSpec): Promise<boolean> {
    if (fault.hang) return true; // never answered; closed with the emulator or by the client
    if (fault.delayMs)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          resolve();
        }, fault.delayMs);
        this.timers.add(timer);
      });
    if (fault.status === undefined) return false;
    const description = fault.description ?? (fault.status === 429 ? `Too Many Requests: retry after ${fault.retryAfter ?? 1}` : describeStatus(fault.status));
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
    throw new BotApiError(fault.status, description, retryAfter !== undefined ? { retry_after: retryAfter } : undefined);
  }

  private download(res: ServerResponse, token: string, filePath: string): void {
    const bot = this.bots.get(token);
    if (!bot) return this.sendError(res, new BotApiError(401, 'Unauthorized'));
    const file = bot.files.download(filePath);
    if (!file) return this.sendError(res, new BotApiError(404, 'Not Found'));
    res.writeHead(200, { 'content-type': file.mimeType ?? 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  private sendError(res: ServerResponse, error: BotApiError): void {
    this.sendJson(res, error.errorCode, {
      ok: false,
      error_code: error.errorCode,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    });
  }

  private sendJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    // After a 413 the rest of the upload is unread: close rather than reuse the connection.
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...(status === 413 ? { connection: 'close' } : {}),
    });
    res.end(text);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw new BotApiError(413, 'Request Entity Too Large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new BotApiError(413, 'Request Entity Too Large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const values = new Map<string, unknown>(url.searchParams.entries());
  if (req.method === 'POST') {
    const body = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.includes('application/json') && body.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new BotApiError(400, "Bad Request: can't parse JSON object");
      }
      if (typeof parsed === 'object' && parsed !== null) for (const [key, value] of Object.entries(parsed)) values.set(key, value);
    } else if (contentType.includes('application/x-www-form-urlencoded')) {
      for (const [key, value] of new URLSearchParams(body.toString('utf8'))) values.set(key, value);
    } else if (contentType.includes('multipart/form-data')) {
      const boundary = boundaryOf(contentType);
      if (boundary) for (const [key, value] of parseMultipart(body, boundary)) values.set(key, value);
    }
  }
  return new Params(values);
}
