import { tokens } from '@fluentui/react-components';
import { integerTicks } from '../../src-common/chart-ticks';

/** Small inline-SVG bar charts for the preview (no chart library). */

const niceMax = (value: number): number => {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
};

export const SERIES_COLORS = ['#1f5fa8', '#e08a1e'] as const;

export interface ColumnPoint {
  key: string;
  label: string;
  values: number[];
  shaded?: boolean;
}

/** Grouped columns with labels underneath; each bar has a tooltip with its figure. */
export function ColumnChart(props: { points: ColumnPoint[]; series: string[]; height?: number; title: string }) {
  const height = props.height ?? 160;
  const width = Math.max(props.points.length * 28, 420);
  const slot = width / Math.max(props.points.length, 1);
  // Whole-number lines, as in the PDF: a count never sits on a "2.5" or a repeated "1".
  const ticks = integerTicks(Math.max(0, ...props.points.flatMap((p) => p.values)));
  const max = ticks.at(-1)!;
  const group = Math.min(slot * 0.7, 40);
  const bar = group / props.series.length;
  const labelEvery = Math.ceil(props.points.length / 16);
  return (
    <svg role="img" aria-label={props.title} viewBox={`0 0 ${width + 30} ${height + 22}`} style={{ width: '100%', maxHeight: height + 40 }}>
      <title>{props.title}</title>
      {ticks
        .map((tick) => tick / max)
        .map((f) => (
          <g key={f}>
            <line
              x1={30}
              x2={width + 30}
              y1={height - f * height + 2}
              y2={height - f * height + 2}
              stroke={tokens.colorNeutralStroke2}
              strokeDasharray={f ? '3 3' : undefined}
            />
            <text x={26} y={height - f * height + 5} fontSize={9} textAnchor="end" fill={tokens.colorNeutralForeground3}>
              {Math.round(max * f)}
            </text>
          </g>
        ))}
      {props.points.map((p, i) => (
        <g key={p.key} transform={`translate(${30 + i * slot}, 2)`}>
          {p.shaded && <rect x={0} y={0} width={slot} height={height} fill={tokens.colorNeutralBackground3} />}
          {p.values.map((v, s) => {
            const h = (v / max) * height;
            return (
              <rect
                key={s}
                x={(slot - group) / 2 + s * bar}
                y={height - h}
                width={Math.max(bar - 1, 1)}
                height={h}
                fill={SERIES_COLORS[s % SERIES_COLORS.length]}
              >
                <title>{`${p.label} · ${props.series[s]}: ${v}`}</title>
              </rect>
            );
          })}
          {i % labelEvery === 0 && (
            <text x={slot / 2} y={height + 14} fontSize={9} textAnchor="middle" fill={tokens.colorNeutralForeground2}>
              {p.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars: label, bar, value. */
export function BarList(props: { rows: { key: string; label: string; value: number }[]; color?: string; emptyText: string }) {
  if (props.rows.length === 0) return <p style={{ color: tokens.colorNeutralForeground3 }}>{props.emptyText}</p>;
  const max = niceMax(Math.max(...props.rows.map((r) => r.value)));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 40%) 1fr auto', gap: '4px 8px', alignItems: 'center' }}>
      {props.rows.map((r) => (
        <div key={r.key} style={{ display: 'contents' }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.label}>
            {r.label}
          </span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" style={{ width: '100%', height: 10 }} aria-hidden>
            <rect x={0} y={0} width={(r.value / max) * 100} height={10} fill={props.color ?? SERIES_COLORS[0]} />
          </svg>
          <span style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{r.value.toLocaleString('id-ID')}</span>
        </div>
      ))}
    </div>
  );
}
