import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsDiff } from '../../../core/diff';

const axis = { fontSize: 12 } as const;
const still = { isAnimationActive: false, maxBarSize: 28 } as const;

/** Users, enabled users and coverage per system kind of both runs, as grouped bars. */
export function CompareChart({ stats, labels }: { stats: StatsDiff; labels: { a: string; b: string } }) {
  const rows = [
    { name: 'users', ...stats.users },
    { name: 'enabled', ...stats.enabled },
    ...(['idam', 'itsm', 'chat'] as const).map((k) => ({ name: k, ...stats.coverage[k] })),
  ];
  return (
    <figure className="chart-card compare-chart" data-testid="compare-chart" aria-labelledby="compare-chart-title">
      <figcaption id="compare-chart-title">Run A and run B</figcaption>
      <div style={{ height: 170 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 170 }}>
          <BarChart data={rows} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis tick={axis} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={axis} />
            <Bar dataKey="a" name={`A · ${labels.a}`} fill="#94a3b8" {...still} />
            <Bar dataKey="b" name={`B · ${labels.b}`} fill="#1d4ed8" {...still} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
