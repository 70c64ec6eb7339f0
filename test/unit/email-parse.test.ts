import { describe, expect, it } from 'vitest';
import { contentHashOf, parseMail } from '../../src-main/core/channels/email/parse';
import { displayNameHints, signature } from '../../src-main/core/domain/mail-identity';
import { foldQuoted } from '../../src-main/core/channels/email/quote';
import { replySubject } from '../../src-main/core/channels/email/send';

const at = { mailbox: 'INBOX', uidValidity: '1', uid: 1, internalDate: Date.UTC(2025, 2, 4) };

describe('email parsing helpers', () => {
  it('folds trailing quoted history (Indonesian, English, Outlook, ">" runs) and never the whole mail', () => {
    expect(foldQuoted('Baik.\n\nPada Sen, 1 Des 2026 10.00, PST <pst@x> menulis:\n> halo')).toEqual({
      text: 'Baik.',
      quoted: 'Pada Sen, 1 Des 2026 10.00, PST <pst@x> menulis:\n> halo',
    });
    expect(foldQuoted('Ok\n\nOn Mon, Dec 1, 2026 at 10:00 AM PST <pst@x> wrote:\n> hi').text).toBe('Ok');
    expect(foldQuoted('Siap\n\nFrom: PST\nSent: Monday\nSubject: x\n\nold').text).toBe('Siap');
    expect(foldQuoted('Jawab di bawah\n> a\nini jawabannya\n> b\n> c').text).toBe('Jawab di bawah\n> a\nini jawabannya');
    expect(foldQuoted('> hanya kutipan\n> saja')).toEqual({ text: '> hanya kutipan\n> saja', quoted: null });
    expect(foldQuoted('Tanpa kutipan')).toEqual({ text: 'Tanpa kutipan', quoted: null });
  });

  it('takes a name from the display name and an institution from the signature', () => {
    expect(displayNameHints('"Ni Luh Putu Sari"')).toEqual([{ field: 'name', value: 'Ni Luh Putu Sari', source: 'display_name' }]);
    expect(displayNameHints('admin')).toEqual([]);
    expect(displayNameHints('sari@undiksha.ac.id')).toEqual([]);
    expect(signature('Mohon data.\n\n-- \nSari\nUniversitas Pendidikan Ganesha\n0812')).toContainEqual({
      field: 'institution',
      value: 'Universitas Pendidikan Ganesha',
      source: 'signature',
    });
    expect(signature('Saya kuliah di universitas di Bali')).toEqual([]);
  });

  it('hashes a mail the same whatever trace headers the delivery added', () => {
    const body = 'From: a@b.test\r\nSubject: x\r\nMessage-ID: <1@b>\r\n\r\nisi';
    expect(contentHashOf(Buffer.from(`Received: from mx1\r\nDelivered-To: pst@x\r\nReturn-Path: <a@b.test>\r\n${body}`))).toBe(
      contentHashOf(Buffer.from(body)),
    );
    expect(contentHashOf(Buffer.from(body.replace('isi', 'lain')))).not.toBe(contentHashOf(Buffer.from(body)));
  });

  it('hashes as the stores already hold it: a changed hash would store every mail fetched again as a second copy', () => {
    // Values the console has been storing in email_messages.content_hash: a folded Subject, a
    // trace header folded over two lines, a Latin-1 header byte, a mail without a body, LF-only mail.
    const folded = Buffer.from(
      'UmVjZWl2ZWQ6IGZyb20gbXgxLmV4YW1wbGUudGVzdA0KCWJ5IG14Mg0KRnJvbTogPT9VVEYtOD9RP05pX0x1aD89IDxsdWhAdW5kaWtzaGEuYWMuaWQ+DQpTdWJqZWN0OiBQZXJtaW50YWFuIGRhdGENCiAga2VtaXNraW5hbiAyMDI1DQpYLUNhZuk6IG5h73ZlDQpNZXNzYWdlLUlEOiA8YTFAdW5kaWtzaGEuYWMuaWQ+DQoNClNlbGFtYXQgcGFnaSwNCm1vaG9uIGRhdGEuDQo=',
      'base64',
    );
    expect(contentHashOf(folded)).toBe('0d9efe029353b0520d1192d46ff30a92ace55b890faf81f2fc85d8617cf32c34');
    expect(contentHashOf(Buffer.from('Subject: tanpa isi'))).toBe('294a58bcdf962980156a3c65c50bf82d5a2f5ca2d5d6afdbb44d904c7742f9bd');
    expect(contentHashOf(Buffer.from('Received: x\n\nhanya badan\n'))).toBe('8938798aa12b568da7058769fb04e34d823c66c28d1efd766928b5e5b2c9881c');
  });

  it('strips NUL and control characters, and uses INTERNALDATE where the Date header cannot be read', async () => {
    const p = await parseMail(Buffer.from('From: A <a@b.test>\r\nDate: besok pagi\r\nSubject: x\r\n\r\nsatu\u0000dua\u0007tiga'), at);
    expect(p.message.text).toBe('satudua tiga');
    expect(p.message.receivedAt).toBe(at.internalDate);
    const good = await parseMail(Buffer.from('From: a@b.test\r\nDate: Tue, 4 Mar 2025 10:00:00 +0800 (WITA)\r\n\r\nx'), at);
    expect(good.message.receivedAt).toBe(Date.parse('2025-03-04T02:00:00Z'));
  });

  it('puts the ticket tag in the reply subject once, without stacking "Re:"', () => {
    expect(replySubject('Re: RE: Data IPM', 'KONS-5108-20261201-0007')).toBe('Re: Data IPM [KONS-5108-20261201-0007]');
    expect(replySubject('Re: Data IPM [KONS-5108-20261201-0007]', 'KONS-5108-20261201-0007')).toBe('Re: Data IPM [KONS-5108-20261201-0007]');
    expect(replySubject(null, 'KONS-5108-20261201-0007')).toBe('Konsultasi Statistik PST BPS Kabupaten Buleleng [KONS-5108-20261201-0007]');
  });
});
