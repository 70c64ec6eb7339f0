import { describe, expect, it } from 'vitest';
import { IKM_UNSUR, computeIkm, ikmCategory, type IkmAnswer, type IkmResponse } from '../../src-main/core/domain/ikm';

/**
 * n respondents who answered every unsur, whose 9·n answers total S: every answer 3, then the
 * first answers raised to 4 (or lowered to 2 or 1) until the total is S. Then Σ NRR = S/n and the converted
 * value is 25·S / (9·n), which is what the expectations below are computed from by hand.
 */
function responsesWithTotal(n: number, total: number): IkmResponse[] {
  const answers: IkmAnswer[] = new Array<IkmAnswer>(9 * n).fill(3);
  let shift = total - 27 * n;
  for (let i = 0; shift !== 0; i++) {
    const step = shift > 0 ? 1 : Math.max(shift, -2); // up to 4, or down to 2 then 1
    answers[i] = (3 + step) as IkmAnswer;
    shift -= step;
  }
  return Array.from({ length: n }, (_, r) => answers.slice(r * 9, r * 9 + 9));
}

describe('IKM (PermenPANRB 14/2017)', () => {
  it('names the nine unsur in order with four labels each', () => {
    expect(IKM_UNSUR.map((u) => u.name)).toEqual([
      'Persyaratan',
      'Sistem, Mekanisme, dan Prosedur',
      'Waktu Penyelesaian',
      'Biaya/Tarif',
      'Produk Spesifikasi Jenis Pelayanan',
      'Kompetensi Pelaksana',
      'Perilaku Pelaksana',
      'Penanganan Pengaduan, Saran dan Masukan',
      'Sarana dan Prasarana',
    ]);
    expect(IKM_UNSUR.every((u) => u.labels.length === 4)).toBe(true);
    expect(IKM_UNSUR[3].labels[3]).toBe('Gratis');
  });

  it.each([
    // [respondents, total of answers, hand-computed 25·S/(9n), rounded, grade]
    { n: 1, total: 36, exact: '100', rounded: 100, grade: 'A' },
    { n: 1, total: 9, exact: '25', rounded: 25, grade: 'D' },
    { n: 43, total: 1367, exact: '88.307494…', rounded: 88.31, grade: 'A' },
    { n: 19, total: 604, exact: '88.304093… (between the bounds)', rounded: 88.3, grade: 'B' },
    { n: 33, total: 1049, exact: '88.299663…', rounded: 88.3, grade: 'B' },
    { n: 19, total: 524, exact: '76.608187…', rounded: 76.61, grade: 'B' },
    { n: 26, total: 717, exact: '76.602564… (between the bounds)', rounded: 76.6, grade: 'C' },
    { n: 5, total: 117, exact: '65 (all NRR 2.6)', rounded: 65, grade: 'C' },
    { n: 58, total: 1357, exact: '64.990421…', rounded: 64.99, grade: 'D' },
    { n: 38, total: 889, exact: '64.985380…', rounded: 64.99, grade: 'D' },
    { n: 1, total: 27, exact: '75 (all 3)', rounded: 75, grade: 'C' },
  ])('$n respondents, total $total → $exact → $rounded ($grade)', ({ n, total, rounded, grade }) => {
    const result = computeIkm(responsesWithTotal(n, total));
    expect(result.convertedRounded).toBe(rounded);
    expect(result.category?.grade).toBe(grade);
  });

  it('classifies a converted number after rounding it to 2 decimals', () => {
    expect(ikmCategory(88.31).grade).toBe('A');
    expect(ikmCategory(88.305).grade).toBe('A'); // rounds up to 88.31
    expect(ikmCategory(88.3049).grade).toBe('B');
    expect(ikmCategory(88.3).grade).toBe('B');
    expect(ikmCategory(76.61).grade).toBe('B');
    expect(ikmCategory(76.605).grade).toBe('B');
    expect(ikmCategory(76.6).grade).toBe('C');
    expect(ikmCategory(65).grade).toBe('C');
    expect(ikmCategory(64.995).grade).toBe('C');
    expect(ikmCategory(64.99).grade).toBe('D');
    expect(ikmCategory(25).label).toBe('Tidak Baik');
    expect(ikmCategory(100).label).toBe('Sangat Baik');
  });

  it('a realistic survey: NRR per unsur over those who answered it, weight exactly 1/9', () => {
    // Ten respondents; respondent 10 left U8 blank. Column sums by hand:
    // U1 35, U2 32, U3 30, U4 40, U5 33, U6 36, U7 38, U8 27 (of 9), U9 31.
    const rows: IkmResponse[] = [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [4, 4, 4, 4, 4, 4, 4, 3, 3],
      [4, 3, 3, 4, 4, 4, 4, 3, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 3, 4, 3, 3],
      [3, 3, 3, 4, 3, 3, 4, 3, 3],
      [3, 3, 2, 4, 3, 3, 3, 2, 3],
      [3, 3, 2, 4, 3, 3, 3, null, 3],
    ];
    const result = computeIkm(rows);
    expect(result.unsur.map((u) => u.nrr)).toEqual([3.5, 3.2, 3.0, 4.0, 3.3, 3.6, 3.8, 3.0, 3.1]);
    expect(result.unsur[7]!.respondents).toBe(9);
    // Σ NRR = 30.5; IKM = 30.5 / 9 = 3.3888…; × 25 = 84.7222… → 84.72, B (Baik).
    // (With the printed weight 0.111 it would be 84.64: the exact weight matters.)
    expect(result.ikm!.toFixed(4)).toBe('3.3889');
    expect(result.convertedRounded).toBe(84.72);
    expect(result.category).toMatchObject({ grade: 'B', label: 'Baik' });
  });

  it('no index while an unsur has no answers; invalid answers are refused', () => {
    const blankU9 = computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, null]]);
    expect(blankU9.ikm).toBeNull();
    expect(blankU9.category).toBeNull();
    expect(blankU9.unsur[0]!.nrr).toBe(4);
    expect(computeIkm([]).ikm).toBeNull();
    expect(() => computeIkm([[4, 4, 4]])).toThrow(/9 jawaban/);
    expect(() => computeIkm([[5, 4, 4, 4, 4, 4, 4, 4, 4] as unknown as IkmResponse])).toThrow(/1–4/);
  });
});
