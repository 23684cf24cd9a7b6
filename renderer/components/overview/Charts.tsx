import { useEffect, useState, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunStats } from '../../../core/types';
import { completenessRows, conflictRows, coverageRows, filterHitRows, recordsBySource, STATE_COLORS, statesPresent } from './chart-data';

// Charts draw without animation: the numbers are the point, and screenshots stay deterministic.
const still = { isAnimationActive: false, maxBarSize: 56 } as const;
const axis = { fontSize: 12 } as const;

/**
 * How many of `total` charts to draw: none with the screen itself, then one more per task. Recharts lays
 * out each chart synchronously; all five in one render was a 0.6 s task on a 2-core machine, long enough
 * to freeze the window as a run's overview opened (issue 6). Staged, the screen and each chart are their
 * own short tasks.
 */
function useStaged(total: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return shown;
}

function ChartCard({
  id,
  title,
  children,
  height = 240,
  empty,
  wide,
  drawn,
}: {
  id: string;
  title: string;
  children: ReactElement;
  height?: number;
  empty?: string;
  wide?: boolean;
  /** False until its turn (useStaged): the card keeps its place, empty. */
  drawn: boolean;
}) {
  return (
    <figure className={`chart-card${wide ? ' wide' : ''}`} data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>{title}</figcaption>
      {empty ? (
        <p className="muted chart-empty">{empty}</p>
      ) : (
        <div style={{ height }} aria-busy={!drawn}>
          {drawn && (
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height }}>
              {children}
            </ResponsiveContainer>
          )}
        </div>
      )}
    </figure>
  );
}

/** The five overview charts of one run. */
export function Charts({ stats }: { stats: RunStats }) {
  const states = statesPresent(stats);
  const hits = filterHitRows(stats);
  const completeness = completenessRows(stats);
  const shown = useStaged(5);
  return (
    <div className="charts">
      <ChartCard id="records" drawn={shown > 0} title="Records per source by state">
        <BarChart data={recordsBySource(stats)} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="source" tick={axis} />
          <YAxis tick={axis} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={axis} />
          {states.map((state) => (
            <Bar key={state} dataKey={state} stackId="states" fill={STATE_COLORS[state]} {...still} />
          ))}
        </BarChart>
      </ChartCard>
      <ChartCard id="coverage" drawn={shown > 1} title="Coverage by system kind (share of roster users)">
        <BarChart data={coverageRows(stats)} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="kind" tick={axis} />
          <YAxis tick={axis} domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
          <Tooltip formatter={(v) => `${Math.round(Number(v) * 1000) / 10}%`} />
          <Bar dataKey="share" name="linked" fill="#0f766e" {...still} />
        </BarChart>
      </ChartCard>
      <ChartCard id="filters" drawn={shown > 2} title="Filter hits per rule" empty={hits.length === 0 ? 'No filter rule hit any record.' : undefined}>
        <BarChart data={hits} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={false} />
          <YAxis type="category" dataKey="rule" tick={axis} width={210} />
          <Tooltip />
          <Legend wrapperStyle={axis} />
          <Bar dataKey="hits" name="records hit" fill="#d97706" {...still} maxBarSize={18} />
          <Bar dataKey="only" name="only this rule" fill="#92400e" {...still} maxBarSize={18} />
        </BarChart>
      </ChartCard>
      <ChartCard id="conflicts" drawn={shown > 3} title="Conflicts by kind">
        <BarChart data={conflictRows(stats)} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="kind" tick={axis} />
          <YAxis tick={axis} allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name="conflicts" fill="#dc2626" {...still} />
        </BarChart>
      </ChartCard>
      <ChartCard id="completeness" drawn={shown > 4} title="Attribute completeness (fill rate)" height={Math.max(200, completeness.length * 22 + 40)} wide>
        <BarChart data={completeness} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} tick={axis} unit="%" />
          <YAxis type="category" dataKey="attribute" tick={axis} width={150} interval={0} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Bar dataKey="percent" name="filled" fill="#2563eb" {...still} maxBarSize={16} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
