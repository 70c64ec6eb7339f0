import type { BenchLine } from './types';

const fmt = (n: number | undefined, unit = ''): string => {
  if (n === undefined || !Number.isFinite(n)) return '–';
  const digits = Math.abs(n) >= 1000 ? 0 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit ? ` ${unit}` : ''}`;
};

/** A plain-text table: name, value, baseline, ratio, target, PASS/MISS; notes go below their row. */
export function renderTable(rows: BenchLine[]): string {
  const head = ['benchmark', 'value', 'baseline (bare)', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [
    r.name,
    fmt(r.value, r.unit),
    fmt(r.baseline, r.unit),
    r.ratio === undefined ? '–' : `${r.ratio.toFixed(r.ratio < 1 ? 3 : 2)}×`,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((s, i) => (i === 0 || i === 4 ? s.padEnd(widths[i] ?? 0) : s.padStart(widths[i] ?? 0))).join('  ');
  const out = [line(head), widths.map((w) => '─'.repeat(w)).join('  ')];
  rows.forEach((r, i) => {
    out.push(line(cells[i] ?? []));
    if (r.note) out.push(`    ${r.note}`);
  });
  return out.join('\n');
}
