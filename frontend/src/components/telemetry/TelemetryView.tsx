import { useTelemetry } from '../../hooks/useTelemetry.ts';
import { formatBytes, formatRate } from '../../lib/format.ts';
import { Panel } from '../common/Panel.tsx';
import { StateMessage } from '../common/StateMessage.tsx';
import { MetricChart } from './MetricChart.tsx';
import { Stat } from './Stat.tsx';

const pct = (v: number) => `${v}%`;

export function TelemetryView() {
  const { samples, state } = useTelemetry();
  const last = samples[samples.length - 1];
  const memPct = last && last.mem_total > 0 ? (last.mem_used / last.mem_total) * 100 : 0;
  const points = samples.map((s) => ({
    t: s.ts_ms,
    cpu: Math.round(s.cpu_percent * 10) / 10,
    mem: s.mem_total > 0 ? Math.round((s.mem_used / s.mem_total) * 1000) / 10 : 0,
    rx: s.net_rx_bytes_per_s,
    tx: s.net_tx_bytes_per_s,
    read: s.disk_read_bytes_per_s,
    write: s.disk_write_bytes_per_s,
  }));

  return (
    <div className="telemetry" data-testid="telemetry" data-samples={samples.length}>
      <div className="stats-grid">
        <Stat label="CPU" figures={last ? [`${last.cpu_percent.toFixed(1)}%`] : null} testId="tm-cpu" />
        <Stat
          label="Memory"
          figures={last ? [formatBytes(last.mem_used), '/', formatBytes(last.mem_total)] : null}
          testId="tm-mem"
        />
        <Stat label="Processes" figures={last ? [String(last.process_count)] : null} testId="tm-procs" />
        <Stat
          label="Load (1/5/15 min)"
          figures={last ? last.load_avg.flatMap((l, i) => (i === 0 ? [l.toFixed(2)] : ['·', l.toFixed(2)])) : null}
          testId="tm-load"
        />
        <Stat
          label="Network ↓ / ↑"
          figures={last ? [formatRate(last.net_rx_bytes_per_s), '/', formatRate(last.net_tx_bytes_per_s)] : null}
          testId="tm-net"
        />
        <Stat
          label="Disk read / write"
          figures={last ? [formatRate(last.disk_read_bytes_per_s), '/', formatRate(last.disk_write_bytes_per_s)] : null}
          testId="tm-disk"
        />
      </div>
      {samples.length === 0 ? (
        <Panel title="Live host metrics">
          {state === 'open' || state === 'connecting' ? (
            <StateMessage kind="loading" title="Waiting for the first sample…" />
          ) : (
            <StateMessage kind="error" title="Telemetry stream unavailable" detail="Reconnecting to the gateway…" />
          )}
        </Panel>
      ) : (
        <div className="telemetry__charts">
          <Panel
            title="CPU"
            subtitle={`${last!.cpu_percent.toFixed(1)}% now · ${state === 'open' ? 'live' : 'reconnecting…'}`}
          >
            <MetricChart
              name="cpu"
              data={points}
              series={[{ key: 'cpu', label: 'CPU', color: '#7c9cff' }]}
              format={pct}
              domain={[0, 100]}
            />
          </Panel>
          <Panel title="Memory" subtitle={`${memPct.toFixed(1)}% used`}>
            <MetricChart
              name="memory"
              data={points}
              series={[{ key: 'mem', label: 'Memory', color: '#34c47c' }]}
              format={pct}
              domain={[0, 100]}
            />
          </Panel>
          <Panel title="Network" subtitle="Received and sent per second">
            <MetricChart
              name="network"
              data={points}
              series={[
                { key: 'rx', label: 'Received', color: '#56b6f0' },
                { key: 'tx', label: 'Sent', color: '#ff9838' },
              ]}
              format={formatRate}
            />
          </Panel>
          <Panel title="Disk" subtitle="Read and written per second">
            <MetricChart
              name="disk"
              data={points}
              series={[
                { key: 'read', label: 'Read', color: '#a78bfa' },
                { key: 'write', label: 'Written', color: '#ef4a5b' },
              ]}
              format={formatRate}
            />
          </Panel>
        </div>
      )}
    </div>
  );
}
