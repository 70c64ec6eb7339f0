import fc from 'fast-check';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailSafe } from '../../src-main/core/channels/email/parse';
import { cursorUpdate, readCursor, storeMails } from '../../src-main/core/channels/email/store';
import { startCoreWithAdmin, type TestCore } from '../helpers/core';

/**
 * Random MIME damage fed through the sync's own path for one fetched mail: parseMailSafe (raw
 * RFC 822 bytes → inbound message) then storeMails (ingest + email details + cursor, one
 * transaction). No throw may escape either step, each mail finishes within a generous bound (to
 * catch hangs, not to measure speed), and hostile attachment names never become paths.
 */

const HANG_BOUND_MS = 5_000;
const CRLF = '\r\n';
const mail = (lines: string[]): Buffer => Buffer.from(lines.join(CRLF) + CRLF, 'latin1');
const B64_PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF').toString('base64');

const head = (id: string, extra: string[] = []) => [
  'From: Ayu Lestari <ayu@example.id>',
  'To: pst@example.test',
  `Subject: Permintaan data ${id}`,
  `Message-ID: <${id}@example.id>`,
  'Date: Mon, 2 Mar 2026 09:00:00 +0800',
  'MIME-Version: 1.0',
  ...extra,
];

/** Valid mail of the shapes citizens send: plain, latin-1 QP, HTML alternative, attachment, nested, forwarded. */
const SAMPLES: Buffer[] = [
  mail([
    ...head('plain', ['Content-Type: text/plain; charset=utf-8']),
    '',
    'Selamat pagi, mohon data IPM Kabupaten Buleleng 2020–2024.',
    '',
    '-- ',
    'Ayu',
    'Universitas Pendidikan Ganesha',
  ]),
  mail([
    ...head('latin1', ['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable']),
    '',
    'Caf=E9 di Singaraja, se=',
    'lamat pagi.',
  ]),
  mail([
    ...head('alt', ['Content-Type: multipart/alternative; boundary="ALT"']),
    '',
    '--ALT',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Data inflasi',
    '--ALT',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('<p>Data <b>inflasi</b></p>').toString('base64'),
    '--ALT--',
  ]),
  mail([
    ...head('attach', ['Content-Type: multipart/mixed; boundary="MIX"']),
    '',
    '--MIX',
    'Content-Type: text/plain',
    '',
    'Terlampir surat pengantar.',
    '--MIX',
    'Content-Type: application/pdf; name="surat.pdf"',
    'Content-Disposition: attachment; filename="surat.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    B64_PDF,
    '--MIX--',
  ]),
  mail([
    ...head('nested', ['Content-Type: multipart/mixed; boundary="OUT"']),
    '',
    '--OUT',
    'Content-Type: multipart/related; boundary="REL"',
    '',
    '--REL',
    'Content-Type: text/html',
    '',
    '<p>Gambar: <img src="cid:img1@x"></p>',
    '--REL',
    'Content-Type: image/png',
    'Content-ID: <img1@x>',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '--REL--',
    '--OUT',
    'Content-Type: message/rfc822',
    '',
    'From: b@c.test',
    'Subject: Diteruskan',
    '',
    'isi lama',
    '--OUT--',
  ]),
];

/** One random kind of damage applied to a sample's text (latin-1, so bytes survive). */
const mutation: fc.Arbitrary<(s: string) => string> = fc.oneof(
  fc.nat().map((n) => (s: string) => s.slice(0, n % (s.length + 1))),
  fc.nat().map((n) => (s: string) => {
    const lines = s.split(CRLF);
    const i =
      n %
      Math.max(
        1,
        lines.findIndex((l) => l === ''),
      );
    lines.splice(i, 0, ...Array<string>(50).fill(lines[i] ?? ''));
    return lines.join(CRLF);
  }),
  fc.constantFrom(
    (s: string) => s.replace(/--(MIX|ALT|OUT|REL)(--)?/g, '--BROKEN'),
    (s: string) => s.replace(/boundary="[^"]*"/g, 'boundary='),
    (s: string) => s.replace(/charset=[\w-]+/g, 'charset="x-unknown-../../etc"'),
    (s: string) => s.replace(/charset=[\w-]+/g, 'charset=utf-7'),
    (s: string) => s.replace(B64_PDF, `${B64_PDF.slice(0, 13)}!!!*%%\u0000${B64_PDF.slice(13)}=`),
    (s: string) => s.replace(/Content-Transfer-Encoding: [\w-]+/g, 'Content-Transfer-Encoding: x-uuencode-bogus'),
    (s: string) => s.replace(/\r\n/g, '\n'),
    (s: string) => s.replace(/\r\n\r\n/, `\r\nX-Huge: ${'h'.repeat(300_000)}\r\n\r\n`),
    (s: string) => `${s}${'b'.repeat(300_000)}\r\n`,
    (s: string) => s.replace(/Subject: [^\r]*/, 'Subject: =?utf-8?B?!!!notbase64?= =?bogus?Q?x?='),
    (s: string) => s.replace(/Date: [^\r]*/, 'Date: 99 Foo 99999 99:99:99 +9999'),
    (s: string) => s.replace(/From: [^\r]*/, 'From: "unterminated <@@>, ;;; <'),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => (s: string) => {
    const i = at % Math.max(1, s.length);
    return s.slice(0, i) + String.fromCharCode(byte) + s.slice(i + 1);
  }),
);

/** Multipart nested `depth` levels deep, every level's boundary distinct. */
function nested(depth: number): Buffer {
  const lines = head(`deep-${depth}`, [`Content-Type: multipart/mixed; boundary="L0"`]);
  lines.push('');
  for (let i = 1; i <= depth; i++) lines.push(`--L${i - 1}`, `Content-Type: multipart/mixed; boundary="L${i}"`, '');
  lines.push(`--L${depth}`, 'Content-Type: text/plain', '', 'paling dalam');
  for (let i = depth; i >= 0; i--) lines.push(`--L${i}--`);
  return mail(lines);
}

const HOSTILE_NAMES = [
  '../../etc/passwd',
  'C:\\Windows\\x.exe',
  '..\\..\\boot.ini',
  '/etc/shadow',
  'a\u0000b.txt',
  '\u0001\u001f\u007f.pdf',
  '..',
  '.',
  'CON',
  `${'n'.repeat(1000)}.pdf`,
  '\u202egnp.exe',
];

function withAttachment(name: string, i: number, rfc2231: boolean): Buffer {
  const disposition = rfc2231
    ? `Content-Disposition: attachment; filename*=utf-8''${encodeURIComponent(name)}`
    : `Content-Disposition: attachment; filename="${name.replace(/"/g, '')}"`;
  return mail([
    ...head(`hostile-${i}-${rfc2231 ? 'ext' : 'q'}`, ['Content-Type: multipart/mixed; boundary="H"']),
    '',
    '--H',
    'Content-Type: text/plain',
    '',
    'Lampiran berbahaya',
    '--H',
    'Content-Type: application/octet-stream',
    disposition,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`isi ${i} ${rfc2231}`).toString('base64'),
    '--H--',
  ]);
}

let core: TestCore;
let uid = 0;
beforeAll(async () => {
  core = await startCoreWithAdmin();
});
afterAll(async () => {
  await core?.dispose();
});

/** The sync's path for one fetched mail; returns how long it took. */
async function feed(raw: Buffer): Promise<number> {
  const started = performance.now();
  uid++;
  const parsed = await parseMailSafe(raw, { mailbox: 'INBOX', uidValidity: '1', uid, internalDate: Date.UTC(2026, 2, 2) });
  storeMails(core.services, [parsed], cursorUpdate('pst@example.test', 'INBOX', { uidValidity: '1', lastUid: uid, highestModseq: null }));
  return performance.now() - started;
}

const incoming = () =>
  (core.services.db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'incoming' AND channel = 'email'").get() as { n: number }).n;

describe('MIME fuzzing through parse + ingest', () => {
  it('stores every valid sample (the baseline the mutations start from)', async () => {
    for (const raw of SAMPLES) await feed(raw);
    expect(incoming()).toBe(SAMPLES.length);
  });

  it('random damage never throws out of parse or ingest, never hangs, and every mail is stored once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (sample, damage) => {
        const raw = Buffer.from(
          damage.reduce((s, f) => f(s), sample.toString('latin1')),
          'latin1',
        );
        const before = incoming();
        const took = await feed(raw);
        expect(took, 'one mail took longer than the hang bound').toBeLessThan(HANG_BOUND_MS);
        // Stored, or recognised as the same mail already stored (a mutation that changed nothing).
        expect(incoming() - before).toBeLessThanOrEqual(1);
        // The batch committed: the cursor moved past this mail, so a sync would never stall on it.
        expect(readCursor(core.services, 'pst@example.test', 'INBOX')?.lastUid).toBe(uid);
      }),
      { numRuns: 120, seed: Number(process.env.FUZZ_SEED ?? 20_260_602) },
    );
  }, 60_000);

  it('multipart nested hundreds of levels deep is parsed or cleanly stored as raw text', async () => {
    for (const depth of [20, 200, 1000]) {
      const before = incoming();
      expect(await feed(nested(depth))).toBeLessThan(HANG_BOUND_MS);
      expect(incoming()).toBe(before + 1);
    }
  });

  it('hostile attachment names are kept as names only; the bytes live under <dataDir>/attachments by hash', async () => {
    const root = resolve(core.dir, 'attachments');
    for (const [i, name] of HOSTILE_NAMES.entries()) for (const ext of [false, true]) await feed(withAttachment(name, i, ext));

    const rows = core.services.db
      .prepare("SELECT a.file_name, a.sha256, a.size FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.external_id LIKE '<hostile-%'")
      .all() as { file_name: string; sha256: string; size: number }[];
    expect(rows.length).toBe(HOSTILE_NAMES.length * 2);
    for (const row of rows) {
      // eslint-disable-next-line no-control-regex -- control characters are what must be gone
      expect(row.file_name, JSON.stringify(row.file_name)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069/\\]|^\.+$/);
      expect(row.file_name.length).toBeLessThanOrEqual(255);
      const onDisk = resolve(core.services.attachments.pathOf(row.sha256));
      expect(relative(root, onDisk).startsWith('..')).toBe(false);
      expect(onDisk.startsWith(root + sep)).toBe(true);
      expect(statSync(onDisk).size).toBe(row.size);
    }
    // Nothing else appeared anywhere in the data dir: no file was named after a requester's choice.
    const stray = walk(core.dir).filter((f) => !f.startsWith(root + sep) && !/^pst-console\.sqlite3(-wal|-shm)?$|^secret\.key$/.test(relative(core.dir, f)));
    expect(stray).toEqual([]);
    for (const f of walk(root)) expect(relative(root, f)).toMatch(/^[0-9a-f]{2}[/\\][0-9a-f]{64}$/);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [resolve(dir, e.name)]));
}
