import { useState } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTime } from '../../lib/format.ts';
import { type ChartPoint, readoutOf } from './chartReadout.ts';

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  data: ChartPoint[];
  series: Series[];
  format: (v: number) => string;
  /** Fixed range (e.g. 0–100 for percentages); automatic when absent. */
  domain?: [number, number];
  /** Names the chart for the readout's label. */
  name: string;
}

/**
 * A live area chart without animation, so streaming updates do not jitter. The readout above it names the sample
 * under the pointer (and keeps naming that sample as the series slides), or the newest one.
 */
export function MetricChart({ data, series, format, domain, name }: Props) {
  const [pickedT, setPickedT] = useState<number | null>(null);
  const readout = readoutOf(data, pickedT);
  return (
    <div className="metric">
      {readout && (
        <p
          className="metric__readout"
          data-testid="chart-readout"
          data-chart={name}
          data-t={readout.point.t}
          data-pinned={readout.pinned}
        >
          <time className="figure muted">{formatTime(readout.point.t)}</time>
          {series.map((s) => (
            <span key={s.key} className="figure">
              <span className="metric__swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label} {format(Number(readout.point[s.key] ?? 0))}
            </span>
          ))}
          {!readout.pinned && <span className="muted small">latest</span>}
        </p>
      )}
      <div className="chart-box chart-box--wide" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            onMouseMove={(state) => {
              const index = Number(state.activeIndex);
              setPickedT(Number.isInteger(index) ? (data[index]?.t ?? null) : null);
            }}
            onMouseLeave={() => setPickedT(null)}
          >
            <defs>
              {series.map((s) => (
                <linearGradient key={s.key} id={`grad-${s.key}`} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={s.color} stopOpacity={0.4} />
                  <stop offset="100%" stopColor={s.color} stopOpacity={0.02} />
                </linearGradient>
              ))}
            </defs>
            <CartesianGrid stroke="#1e2636" vertical={false} />
            <XAxis
              dataKey="t"
              tickFormatter={(t) => formatTime(t)}
              tick={{ fill: '#838da2', fontSize: 11 }}
              minTickGap={48}
            />
            <YAxis
              domain={domain ?? [0, 'auto']}
              width={64}
              tick={{ fill: '#838da2', fontSize: 11 }}
              tickFormatter={(v) => format(Number(v))}
            />
            {/* Tracks the pointer only: the readout above shows the values. */}
            <Tooltip content={() => null} cursor={false} isAnimationActive={false} />
            {readout?.pinned && <ReferenceLine x={readout.point.t} stroke="#a3acbf" strokeDasharray="3 3" />}
            {series.map((s) => (
              <Area
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                fill={`url(#grad-${s.key})`}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
