import { describe, expect, it } from 'vitest';
import { displayNameHints, formBlock, identityHints, introduction, personName, signature } from '../../src-main/core/domain/mail-identity';

const pick = (hints: { field: string; value: string; source: string }[]) => Object.fromEntries(hints.map((h) => [h.field, h.value]));

describe('identity read from a mail', () => {
  it('reads the acknowledgement block in any order, with bullets, bold, odd spacing, typos and dashes', () => {
    const text = [
      'Selamat siang, berikut data diri saya:',
      '',
      '- **Nama** : Ni Kadek Ayu Lestari',
      '• instansi   :  Universitas Pendidikan Ganesha',
      '* No. WA : 0812-3456-7890',
      'Emial: Ayu.Lestari@Student.Undiksha.ac.id',
      'Pekerjaan - mahasiswa',
      'KEPERLUAN: data IPM Kabupaten Buleleng 2020-2024 untuk skripsi',
    ].join('\n');
    expect(pick(formBlock(text))).toEqual({
      name: 'Ni Kadek Ayu Lestari',
      institution: 'Universitas Pendidikan Ganesha',
      whatsapp: '+6281234567890',
      email: 'ayu.lestari@student.undiksha.ac.id',
      occupation: 'Pelajar/Mahasiswa',
      need: 'data IPM Kabupaten Buleleng 2020-2024 untuk skripsi',
    });
    expect(formBlock(text).every((h) => h.source === 'form')).toBe(true);
  });

  it('a lone "Subject: …" like line or empty template is not a form', () => {
    expect(formBlock('Terima kasih: sudah dibantu')).toEqual([]);
    expect(formBlock('Nama:\nInstansi: \nEmail: ...')).toEqual([]);
  });

  it('reads a signature: the name without titles, the institution lines joined, no role or phone around them', () => {
    const text =
      'Mohon data angka kematian ibu.\n\nHormat saya,\n\ndr. Made Wirawan, S.KM., M.Kes.\nKepala Seksi Kesehatan Keluarga\nDinas Kesehatan\nKabupaten Buleleng\nTelp. 0362-21000';
    expect(pick(signature(text))).toEqual({ name: 'Made Wirawan', institution: 'Dinas Kesehatan Kabupaten Buleleng' });
    const student = 'Terima kasih.\n\nSalam,\nPutu Gede Arsana\nMahasiswa Program Studi Ekonomi Pembangunan | Universitas Pendidikan Ganesha\nNIM 2017011234';
    expect(pick(signature(student))).toMatchObject({
      name: 'Putu Gede Arsana',
      institution: 'Universitas Pendidikan Ganesha',
      occupation: 'Pelajar/Mahasiswa',
    });
    const village = 'Suksma.\n\nHormat kami,\nI Nyoman Sudarsa\nSekretaris Desa\nPemerintah Desa Sambangan\nKecamatan Sukasada';
    expect(pick(signature(village))).toMatchObject({ name: 'I Nyoman Sudarsa', institution: 'Pemerintah Desa Sambangan Kecamatan Sukasada' });
  });

  it('reads a self-introduction', () => {
    expect(pick(introduction('Selamat pagi, saya Komang Ayu Pratiwi, mahasiswa Universitas Udayana, ingin meminta data.'))).toEqual({
      name: 'Komang Ayu Pratiwi',
      institution: 'Universitas Udayana',
      occupation: 'Pelajar/Mahasiswa',
    });
    expect(pick(introduction('Om Swastyastu. Perkenalkan saya Gede Mahendra dari Bappeda Kabupaten Buleleng. Kami memerlukan data.'))).toEqual({
      name: 'Gede Mahendra',
      institution: 'Bappeda Kabupaten Buleleng',
    });
    expect(pick(introduction('Kami dari Redaksi Radar Bali ingin konfirmasi angka inflasi.'))).toEqual({
      institution: 'Redaksi Radar Bali ingin konfirmasi angka inflasi'.split(' ingin')[0],
    });
    expect(pick(introduction('saya mhs undiksha mau minta data penduduk'))).toEqual({ occupation: 'Pelajar/Mahasiswa' });
    // The institution ends where the sentence goes on to what they ask.
    expect(
      pick(
        introduction(
          'Dengan hormat, kami dari Pemerintah Desa Sambangan memohon data jumlah penduduk miskin dan jumlah rumah tangga pertanian di Desa Sambangan untuk penyusunan RPJMDes 2027-2032.',
        ),
      ),
    ).toEqual({ institution: 'Pemerintah Desa Sambangan' });
    expect(pick(introduction('Kami dari Dinas Sosial Kabupaten Buleleng membutuhkan data kemiskinan terbaru.'))).toEqual({
      institution: 'Dinas Sosial Kabupaten Buleleng',
    });
    expect(pick(introduction('Saya dari Universitas Udayana meminta data IPM.'))).toEqual({ institution: 'Universitas Udayana' });
  });

  it('an agency or village office as display name is the institution, a person is the name', () => {
    expect(displayNameHints('Dinas Sosial Kab. Buleleng')).toEqual([{ field: 'institution', value: 'Dinas Sosial Kab. Buleleng', source: 'display_name' }]);
    expect(displayNameHints('Pemdes Panji')).toEqual([{ field: 'institution', value: 'Pemdes Panji', source: 'display_name' }]);
    expect(displayNameHints('Kantor Desa Kalibukbuk')).toEqual([{ field: 'institution', value: 'Kantor Desa Kalibukbuk', source: 'display_name' }]);
    expect(displayNameHints('Wayan Sudiarta')).toEqual([{ field: 'name', value: 'Wayan Sudiarta', source: 'display_name' }]);
    expect(displayNameHints('wayan.sudiarta@gmail.com')).toEqual([]);
  });

  it('a bare address with the name in the body gives the name; titles are kept out of names', () => {
    const hints = identityHints({ text: 'Halo admin, saya Luh Putu Widiastuti dari Universitas Panji Sakti, mohon data.', displayName: null });
    expect(pick(hints)).toMatchObject({ name: 'Luh Putu Widiastuti', institution: 'Universitas Panji Sakti' });
    expect(personName('Dr. Ir. Ketut Suma, M.Si.')).toBe('Ketut Suma');
    expect(personName('Terima kasih')).toBeUndefined();
  });
});
