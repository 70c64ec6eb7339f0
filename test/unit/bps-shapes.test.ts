import { describe, expect, it } from 'vitest';
import { bpsLinkLine, indonesianDate } from '../../src-common/bps-link';
import { itemOf } from '../../src-main/core/bpsdata/catalogue';
import { officialLinksIn } from '../../src-main/core/bpsdata/links';
import { listEnvelope, rowsOf } from '../../src-main/core/bpsdata/shapes';

describe('reading BPS WebAPI answers tolerantly', () => {
  it('takes the rows of a list whatever else the envelope and the rows carry', () => {
    const envelope = listEnvelope.parse({
      status: 'OK',
      'data-availability': 'available',
      extra: { anything: true },
      data: [
        { page: '1', pages: 3, per_page: 10, count: 10, total: '27', more: 'x' },
        [
          {
            table_id: 4231,
            title: '  Jumlah Penduduk\nMenurut Kecamatan, 2024 ',
            subj: 'Kependudukan',
            updt_date: '2025-02-20 10:07:50',
            excel: 'https://bulelengkab.bps.go.id/t.xlsx',
            new_field: [1],
          },
        ],
      ],
    });
    const { paging, rows } = rowsOf(envelope);
    expect(paging).toMatchObject({ page: 1, pages: 3, total: 27 });
    expect(itemOf('table', '5108', rows[0])).toEqual({
      kind: 'table',
      domain: '5108',
      id: '4231',
      title: 'Jumlah Penduduk Menurut Kecamatan, 2024',
      url: 'https://bulelengkab.bps.go.id/t.xlsx',
      updated: '2025-02-20',
      subject: 'Kependudukan',
    });
  });

  it('reads "list-not-available", a missing paging object and odd data as no rows, not as a failure', () => {
    expect(rowsOf(listEnvelope.parse({ status: 'OK', 'data-availability': 'list-not-available' }))).toEqual({ paging: {}, rows: [] });
    expect(rowsOf(listEnvelope.parse({ status: 'OK', data: '' })).rows).toEqual([]);
    expect(rowsOf(listEnvelope.parse({ status: 'OK', data: [null, [{ pub_id: 'a', title: 'b' }]] })).rows).toHaveLength(1);
  });

  it('offers a row only with a title and a web link; a missing date is no date', () => {
    expect(itemOf('publication', '5100', { pub_id: 'abc', title: 'Provinsi Bali Dalam Angka 2025', pdf: 'https://bali.bps.go.id/p.pdf' })?.updated).toBeNull();
    expect(
      itemOf('publication', '5100', { pub_id: 'abc', title: 'Provinsi Bali Dalam Angka 2025', rl_date: 'kemarin', pdf: 'https://bali.bps.go.id/p.pdf' })
        ?.updated,
    ).toBeNull();
    expect(itemOf('pressRelease', '0000', { brs_id: 9, title: 'Profil Kemiskinan', rl_date: '2025-07-25', pdf: '' })).toBeNull();
    expect(itemOf('pressRelease', '0000', { brs_id: 9, title: 'Profil Kemiskinan', pdf: 'javascript:alert(1)' })).toBeNull();
    expect(itemOf('table', '0000', { title: 'Tanpa id', excel: 'https://www.bps.go.id/t.xlsx' })).toBeNull();
  });
});

describe('the line a link is written as, and reading it back', () => {
  it('writes the title, the Indonesian date and the link', () => {
    expect(indonesianDate('2025-03-03')).toBe('3 Maret 2025');
    expect(indonesianDate('2025-13-03')).toBeNull();
    expect(bpsLinkLine({ title: 'Statistik Indonesia 2025', updated: '2025-02-28', url: 'https://www.bps.go.id/p.pdf' })).toBe(
      'Statistik Indonesia 2025 (diperbarui 28 Februari 2025): https://www.bps.go.id/p.pdf',
    );
    expect(bpsLinkLine({ title: 'Tabel', updated: null, url: 'https://bali.bps.go.id/t.xlsx' })).toBe('Tabel: https://bali.bps.go.id/t.xlsx');
  });

  it('finds the official links of a reply once each, with their titles, and nothing from other sites', () => {
    const text = [
      'Selamat siang, berikut datanya:',
      '1. Statistik Indonesia 2025 (diperbarui 28 Februari 2025): https://www.bps.go.id/p.pdf',
      '- lihat juga https://bulelengkab.bps.go.id/t.xlsx.',
      'Sumber lain: https://example.org/bps.go.id/x dan https://bps.go.id.example.org/y',
      'Sekali lagi: https://www.bps.go.id/p.pdf',
    ].join('\n');
    expect(officialLinksIn(text)).toEqual([
      { url: 'https://www.bps.go.id/p.pdf', title: 'Statistik Indonesia 2025' },
      { url: 'https://bulelengkab.bps.go.id/t.xlsx', title: 'lihat juga' },
    ]);
  });
});
