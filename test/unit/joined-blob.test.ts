import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { JoinedBlob } from '../../src-main/core/channels/email/joined-blob';

const bytes = async (blob: { arrayBuffer(): Promise<ArrayBuffer> }) => Buffer.from(await blob.arrayBuffer());

describe('JoinedBlob: the parse worker’s Blob', () => {
  it('joins the parts a Blob takes into the same bytes as Node’s Blob', async () => {
    const pooled = Buffer.from('xxHALOxx').subarray(2, 6); // a view into a larger buffer
    const parts = ['Selamat pagi ✓', new Uint8Array([0, 1, 255]).buffer, pooled, new DataView(new Uint8Array([7, 8, 9]).buffer, 1, 2)];
    const mine = new JoinedBlob(parts, { type: 'Application/PDF' });
    const node = new Blob(parts, { type: 'Application/PDF' });
    expect(await bytes(mine)).toEqual(await bytes(node));
    expect(mine.size).toBe(node.size);
    expect(mine.type).toBe(node.type);
    expect(await mine.text()).toBe(await node.text());
    expect(await bytes(mine.slice(2, 9))).toEqual(await bytes(node.slice(2, 9)));
    expect(await bytes(new JoinedBlob([mine, 'akhir']))).toEqual(await bytes(new Blob([node, 'akhir'])));
    expect(Object.prototype.toString.call(mine)).toBe('[object Blob]');
  });

  it('gives a copy each time, as a Blob does: changing what it gave changes nothing', async () => {
    const blob = new JoinedBlob([new Uint8Array([1, 2, 3])]);
    new Uint8Array(await blob.arrayBuffer()).fill(0);
    expect(await bytes(blob)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('postal-mime reads a mail the same with it: text, HTML and a base64 file byte for byte', async () => {
    const pdf = Buffer.from(Array.from({ length: 3_000 }, (_, i) => (i * 7) % 256));
    const raw = [
      'From: Ni Luh <luh@undiksha.ac.id>',
      'Subject: Data IPM',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: multipart/alternative; boundary="a"',
      '',
      '--a',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Mohon data IPM Buleleng =E2=80=93 terima kasih.',
      '--a',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Mohon data <b>IPM</b> Buleleng</p>',
      '--a--',
      '--m',
      'Content-Type: application/pdf; name="surat.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--m--',
      '',
    ].join('\r\n');
    const native = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    const original = globalThis.Blob;
    (globalThis as { Blob: unknown }).Blob = JoinedBlob;
    try {
      const joined = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
      expect(joined.text).toBe('Mohon data IPM Buleleng – terima kasih.');
      expect(joined.text).toBe(native.text);
      expect(joined.html).toBe(native.html);
      expect(Buffer.from(joined.attachments[0]!.content as ArrayBuffer)).toEqual(pdf);
    } finally {
      globalThis.Blob = original;
    }
  });
});
