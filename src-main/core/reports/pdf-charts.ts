import type { Content } from 'pdfmake';
import { formatInteger } from './labels';
import { integerTicks } from '../../../src-common/chart-ticks';

/**
 * Bar charts as pdfmake vector content: canvas rectangles and lines for the bars, ordinary text
 * nodes for the labels, laid out with `columns` of fixed widths so labels line up with bars.
 */

export const COLORS = { primary: '#1f5fa8', secondary: '#e08a1e', muted: '#9aa7b5', grid: '#d5dbe1', text: '#333333', weekend: '#f1f3f5' } as const;

/** A "nice" axis maximum: 1, 2, 5 × 10^k at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export interface ColumnPoint {
  label: string;
  values: number[];
  /** Shaded background (a day the service is closed). */
  shaded?: boolean;
}

const AXIS_WIDTH = 28;
/** The line height of a 6 pt axis label in pdfmake's Roboto. */
const LABEL_HEIGHT = 7.03;

/**
 * Grouped vertical bars, one group per point, with a row of labels and one row of numbers per
 * series underneath (so every figure can be read, not only seen).
 */
export function columnChart(options: { points: ColumnPoint[]; series: { name: string; color: string }[]; width: number; height: number }): Content {
  const { points, series, width, height } = options;
  const chartWidth = width - AXIS_WIDTH;
  const n = Math.max(points.length, 1);
  const slot = chartWidth / n;
  const ticks = integerTicks(Math.max(0, ...points.flatMap((p) => p.values)));
  const max = ticks[ticks.length - 1]!;
  const groupWidth = Math.min(slot * 0.75, 36);
  const barWidth = groupWidth / series.length;
  const shapes: Record<string, unknown>[] = [];
  points.forEach((p, i) => {
    if (p.shaded) shapes.push({ type: 'rect', x: i * slot, y: 0, w: slot, h: height, color: COLORS.weekend });
  });
  for (const tick of ticks.slice(1)) {
    const fraction = tick / max;
    shapes.push({
      type: 'line',
      x1: 0,
      y1: height - fraction * height,
      x2: chartWidth,
      y2: height - fraction * height,
      lineWidth: 0.5,
      lineColor: COLORS.grid,
      dash: { length: 2 },
    });
  }
  points.forEach((p, i) => {
    const left = i * slot + (slot - groupWidth) / 2;
    p.values.forEach((v, s) => {
      const h = (v / max) * height;
      if (h > 0) shapes.push({ type: 'rect', x: left + s * barWidth, y: height - h, w: Math.max(barWidth - 1, 0.8), h, color: series[s]!.color });
    });
  });
  shapes.push({ type: 'line', x1: 0, y1: height, x2: chartWidth, y2: height, lineWidth: 0.8, lineColor: COLORS.text });
  const fontSize = n > 20 ? 6 : 7;
  const row = (first: Content, cells: string[], style: Record<string, unknown> = {}): Content => ({
    columns: [
      { width: AXIS_WIDTH, ...(typeof first === 'string' ? { text: first } : { stack: [first] }), fontSize, ...style },
      ...cells.map((text) => ({ width: slot, text, alignment: 'center', fontSize, ...style })),
    ],
    columnGap: 0,
  });
  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          {
            width: AXIS_WIDTH,
            // Each label (LABEL_HEIGHT high) centred on its grid line, from the top tick down.
            stack: [...ticks].reverse().map((tick, i, all) => {
              const y = height - (tick / max) * height;
              const previous = i === 0 ? null : height - (all[i - 1]! / max) * height;
              return {
                text: formatInteger(tick),
                fontSize: 6,
                color: COLORS.muted,
                margin: [0, previous === null ? y - LABEL_HEIGHT / 2 : y - previous - LABEL_HEIGHT, 0, 0],
              };
            }),
          },
          { width: chartWidth, canvas: shapes },
        ],
        columnGap: 0,
      },
      {
        ...(row(
          '',
          points.map((p) => p.label),
          { color: COLORS.text },
        ) as object),
        margin: [0, 2, 0, 0],
      },
      ...series.map((s, si) =>
        row(
          {
            columns: [
              { width: 6, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 5, h: 5, color: s.color }] },
              { text: s.name, bold: true },
            ],
            columnGap: 1,
          },
          points.map((p) => formatInteger(p.values[si] ?? 0)),
        ),
      ),
    ],
  };
}

/** Horizontal bars: label | bar | value, one row each. */
export function barList(options: {
  rows: { label: string; value: number; display?: string }[];
  width: number;
  labelWidth: number;
  max?: number;
  color?: string;
}): Content {
  const valueWidth = 44;
  const barWidth = options.width - options.labelWidth - valueWidth - 8;
  const max = options.max ?? niceMax(Math.max(0, ...options.rows.map((r) => r.value)));
  if (options.rows.length === 0) return { text: 'Tidak ada data dalam periode ini.', italics: true, color: COLORS.muted, fontSize: 8 };
  return {
    table: {
      widths: [options.labelWidth, barWidth, valueWidth],
      body: options.rows.map((r) => [
        { text: r.label, fontSize: 8 },
        {
          canvas: [{ type: 'rect', x: 0, y: 1.5, w: Math.max((r.value / max) * barWidth, r.value > 0 ? 1 : 0), h: 8, color: options.color ?? COLORS.primary }],
        },
        { text: r.display ?? formatInteger(r.value), fontSize: 8, alignment: 'right' },
      ]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 1.5, paddingBottom: () => 1.5, paddingLeft: () => 2, paddingRight: () => 2 },
  };
}
