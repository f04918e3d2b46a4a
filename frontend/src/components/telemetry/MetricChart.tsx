import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTime } from '../../lib/format.ts';

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  data: { t: number; [key: string]: number }[];
  series: Series[];
  format: (v: number) => string;
  /** Fixed range (e.g. 0–100 for percentages); automatic when absent. */
  domain?: [number, number];
}

/** A live area chart without animation, so streaming updates do not jitter. */
export function MetricChart({ data, series, format, domain }: Props) {
  return (
    <div className="chart-box chart-box--wide">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
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
            tick={{ fill: '#6b7487', fontSize: 11 }}
            minTickGap={48}
          />
          <YAxis
            domain={domain ?? [0, 'auto']}
            width={72}
            tick={{ fill: '#6b7487', fontSize: 11 }}
            tickFormatter={(v) => format(Number(v))}
          />
          <Tooltip
            contentStyle={{ background: '#131a27', border: '1px solid #2a3347', borderRadius: 8 }}
            labelFormatter={(t) => formatTime(Number(t))}
            formatter={(v, name) => [format(Number(v)), name]}
          />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
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
  );
}
