import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompleteRun } from '../../db/repo-history';

const axis = { fontSize: 12 } as const;

/** Users, enabled users and deletion candidates of each run, along the export dates. */
export function HistoryChart({ runs }: { runs: CompleteRun[] }) {
  const data = runs.map((run, i) => ({
    label: `${run.header.asOf}${runs.filter((r) => r.header.asOf === run.header.asOf).length > 1 ? ` #${i + 1}` : ''}`,
    users: run.header.stats.users,
    enabled: run.header.stats.enabled,
    pending: run.header.deletion?.counts.pending ?? 0,
  }));
  return (
    <figure className="chart-card history-chart" data-testid="history-chart" aria-labelledby="history-chart-title">
      <figcaption id="history-chart-title">Users, enabled users and deletion candidates per run</figcaption>
      <div style={{ height: 180 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 180 }}>
          <ComposedChart data={data} margin={{ left: 8, right: 16, top: 4 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axis} />
            <YAxis yAxisId="users" tick={axis} allowDecimals={false} label={{ value: 'users', angle: -90, position: 'insideLeft', fontSize: 12 }} />
            {/* Pending on its own scale: a few leavers next to thousands of users would not show at all. */}
            <YAxis yAxisId="pending" orientation="right" tick={axis} allowDecimals={false} label={{ value: 'pending', angle: 90, position: 'insideRight', fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={axis} />
            <Bar yAxisId="pending" dataKey="pending" name="pending deletion" fill="#f59e0b" maxBarSize={40} isAnimationActive={false} />
            <Line yAxisId="users" dataKey="users" name="users" stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false} />
            <Line yAxisId="users" dataKey="enabled" name="enabled" stroke="#15803d" strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
