import { describe, expect, it } from 'vitest';
import { isClearNeed, isIndividualAnswer, isPlausibleName } from '../../src-common/intake-answers';
import { matchOccupation } from '../../src-common/occupations';

describe('intake answers as people type them on a phone', () => {
  it.each([
    ['mahasiswa', 'Pelajar/Mahasiswa'],
    ['mhs', 'Pelajar/Mahasiswa'],
    ['Mahasiswa S1', 'Pelajar/Mahasiswa'],
    ['saya mahasiswi aktif', 'Pelajar/Mahasiswa'],
    ['Pelajar/Mahasiswa', 'Pelajar/Mahasiswa'],
    ['siswa SMA', 'Pelajar/Mahasiswa'],
    ['PNS', 'ASN/TNI/Polri'],
    ['pegawai negeri sipil', 'ASN/TNI/Polri'],
    ['polisi', 'ASN/TNI/Polri'],
    ['Dosen', 'Peneliti/Dosen'],
    ['peneliti', 'Peneliti/Dosen'],
    ['swasta', 'Pegawai Swasta'],
    ['karyawan swasta', 'Pegawai Swasta'],
    ['pegawai BUMN', 'Pegawai BUMN/BUMD'],
    ['wiraswasta', 'Wiraswasta'],
    ['ibu rumah tangga', 'Lainnya'],
    ['3', 'ASN/TNI/Polri'],
  ])('"%s" is %s, for sure', (typed, category) => {
    expect(matchOccupation(typed)).toEqual({ value: category, sure: true });
  });

  it('guesses when a category word comes with other words, and refuses what names none or two', () => {
    expect(matchOccupation('mahasiswa pascasarjana undiksha')).toEqual({ value: 'Pelajar/Mahasiswa', sure: false });
    expect(matchOccupation('dosen di STIKES Buleleng')).toEqual({ value: 'Peneliti/Dosen', sure: false });
    expect(matchOccupation('pegawai')).toBeNull();
    expect(matchOccupation('guru')).toBeNull();
    expect(matchOccupation('mahasiswa dan pegawai swasta')).toBeNull();
    expect(matchOccupation('👍')).toBeNull();
    expect(matchOccupation('9')).toBeNull();
  });

  it('a clear need has three words that are not greetings, emoji or numbers', () => {
    expect(isClearNeed('👍')).toBe(false);
    expect(isClearNeed('🙏🙏🙏 ...')).toBe(false);
    expect(isClearNeed('data')).toBe(false);
    expect(isClearNeed('Selamat pagi kak')).toBe(false);
    expect(isClearNeed('data 2024 2025')).toBe(false);
    expect(isClearNeed('PDRB Buleleng 2023')).toBe(false);
    expect(isClearNeed('data PDRB Buleleng 2023')).toBe(true);
    expect(isClearNeed('Jumlah penduduk per kecamatan tahun 2024')).toBe(true);
    expect(isClearNeed('Halo kak, mau tanya jumlah penduduk Seririt')).toBe(true);
  });

  it('a name has letters; "-", "perorangan" and "pribadi" mean no institution', () => {
    expect(isPlausibleName('🙏🙏🙏')).toBe(false);
    expect(isPlausibleName('...')).toBe(false);
    expect(isPlausibleName('Ni Luh Putu Ayu')).toBe(true);
    expect(isPlausibleName('Ngurah')).toBe(true);
    for (const typed of ['-', ' Perorangan ', 'pribadi', 'PRIBADI', 'tidak ada']) expect(isIndividualAnswer(typed)).toBe(true);
    for (const typed of ['Universitas Pendidikan Ganesha', 'BPS', 'Perorangan Sejahtera Abadi']) expect(isIndividualAnswer(typed)).toBe(false);
  });
});
