import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMailParser, type MailParser } from '../../src-main/core/channels/email/mail-parser';
import { parseMailSafe } from '../../src-main/core/channels/email/parse';
import { AttachmentStore } from '../../src-main/core/store/attachments';
import { parseWorkerFromSource } from '../helpers/parse-worker';

const corpusDir = fileURLToPath(new URL('../fixtures/mail/', import.meta.url));
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.eml'));
const context = { officeAddresses: new Set(['pst5108@bps.go.id', 'pst.buleleng@gmail.com']) };
const at = (uid: number) => ({ mailbox: 'INBOX', uidValidity: '7', uid, internalDate: Date.UTC(2026, 11, 1, 2, 0, 0) });

describe('mail parsing in a worker thread', () => {
  let parser: MailParser | null = null;
  afterEach(async () => {
    await parser?.close();
    parser = null;
  });

  it('gives exactly what parsing on the main thread gives, for every mail of the corpus (files as Buffers)', async () => {
    const unavailable: unknown[] = [];
    parser = await startMailParser(context, parseWorkerFromSource(), (e) => unavailable.push(e));
    expect(parser.mode).toBe('worker');
    expect(unavailable).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const [i, file] of corpus.entries()) {
      const raw = readFileSync(corpusDir + file);
      const inWorker = await parser.parse(raw, at(i + 1));
      const here = await parseMailSafe(raw, at(i + 1), context);
      expect(inWorker, file).toEqual(here);
      for (const a of inWorker.message.attachments ?? []) expect('content' in a && Buffer.isBuffer(a.content), `${file}: ${a.fileName}`).toBe(true);
    }
  });

  it('with the attachment folder, the worker writes each file there and sends back only where it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pst-parse-files-'));
    try {
      parser = await startMailParser(context, parseWorkerFromSource(), () => undefined, dir);
      const files = new AttachmentStore(dir);
      let seen = 0;
      // All at once, as a sync hands them over: the groups come back in order, each mail its own.
      const raws = corpus.map((file) => readFileSync(corpusDir + file));
      const inWorker = await Promise.all(raws.map((raw, i) => parser!.parse(raw, at(i + 1))));
      for (const [i, file] of corpus.entries()) {
        const here = await parseMailSafe(raws[i]!, at(i + 1), context);
        const { attachments: workerFiles, ...workerRest } = inWorker[i]!.message;
        const { attachments: hereFiles, ...hereRest } = here.message;
        expect(workerRest, file).toEqual(hereRest);
        expect(workerFiles?.length ?? 0, file).toBe(hereFiles?.length ?? 0);
        for (const [k, mine] of (hereFiles ?? []).entries()) {
          const theirs = workerFiles![k]!;
          if (!('content' in mine) || !('stored' in theirs)) throw new Error(`${file}: ${mine.fileName} should come back stored`);
          expect(theirs.fileName).toBe(mine.fileName);
          expect(theirs.stored.size).toBe(mine.content.length);
          expect(files.read(theirs.stored.sha256).equals(mine.content), `${file}: ${mine.fileName}`).toBe(true);
          seen++;
        }
      }
      // The corpus has files (PDFs, spreadsheets, cid logos, winmail.dat): the check above ran.
      expect(seen).toBeGreaterThanOrEqual(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a worker that cannot start leaves parsing on the main thread and says why, instead of losing mail', async () => {
    const unavailable: unknown[] = [];
    parser = await startMailParser(context, { filename: '/nonexistent/mail-parse-worker.js' }, (e) => unavailable.push(e));
    expect(parser.mode).toBe('thread');
    expect(unavailable).toHaveLength(1);
    const parsed = await parser.parse(readFileSync(corpusDir + corpus[0]), at(1));
    expect(parsed.message.automated).toBe(false);
  });

  it('a mail the worker dies on is kept as raw text, and the mails behind it are parsed by a new worker', async () => {
    parser = await startMailParser(
      context,
      { ...parseWorkerFromSource(), filename: fileURLToPath(new URL('../helpers/crashing-parse-worker.ts', import.meta.url)) },
      () => {
        throw new Error('the crashing worker parses its probe; it must start');
      },
    );
    const deadly = Buffer.from('From: a@b.test\r\nSubject: x\r\nMessage-ID: <deadly@b.test>\r\n\r\nCRASH-THE-WORKER\r\n');
    const next = readFileSync(corpusDir + corpus[0]);
    const [bad, good] = await Promise.all([parser.parse(deadly, at(1)), parser.parse(next, at(2))]);
    // Kept, readable by an officer, filed aside (not a requester's consultation).
    expect(bad.message.automated).toBe(true);
    expect(bad.message.text).toContain('CRASH-THE-WORKER');
    expect(good).toEqual(await parseMailSafe(next, at(2), context));
  });
});
