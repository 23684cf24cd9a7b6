/**
 * "What if": toggles filter rules off or on over a stored run and shows how the roster, coverage and record
 * states would change. Only join, merge, enablement and stats run again, over the stored mapped attributes;
 * nothing is loaded or mapped again.
 */
import type { Issue } from '../issues';
import type { Project } from '../project/schema';
import type { RecordOutcome, RunResult, RunStats } from '../types';
import { compileFilters, evaluateFilters } from '../filter';
import { compileEnablement } from '../enable/enablement';
import { assembleRoster } from '../run/assemble';
import { computeStats } from '../run/stats';
import type { PreparedRecord } from '../join/types';

export interface RuleToggle {
  source: string;
  rule: string;
  enabled: boolean;
}

export interface WhatIfResult {
  before: RunStats;
  after: RunStats;
  /** Roster user ids that would appear / disappear. */
  added: string[];
  removed: string[];
  /** Set when a rule being switched on reads the raw record and the run did not keep raw records. */
  issues: Issue[];
}

/** The project with the toggles applied to its filters. */
export function applyToggles(project: Project, toggles: RuleToggle[]): Project {
  return {
    ...project,
    sources: project.sources.map((s) => ({
      ...s,
      filters: s.filters.map((f) => {
        const t = toggles.find((x) => x.source === s.id && x.rule === f.name);
        return t ? { ...f, enabled: t.enabled } : f;
      }),
    })),
  };
}

/** Re-runs stages 5-7 of `run` with the toggled filters. */
export function whatIf(run: Pick<RunResult, 'config' | 'records' | 'roster' | 'conflicts' | 'stats'>, toggles: RuleToggle[]): WhatIfResult {
  const project = applyToggles(run.config, toggles);
  const issues: Issue[] = [];
  const switchedOn = new Map<string, ReturnType<typeof compileFilters>['filters']>();
  project.sources.forEach((s, i) => {
    const on = s.filters.filter((f) => f.enabled && toggles.some((t) => t.source === s.id && t.rule === f.name && t.enabled));
    if (on.length === 0) return;
    const compiled = compileFilters(on, `sources[${i}].filters`, { source: s.id });
    issues.push(...compiled.issues);
    switchedOn.set(s.id, compiled.filters);
  });
  const off = new Set(toggles.filter((t) => !t.enabled).map((t) => `${t.source}\u0000${t.rule}`));
  const prepared: PreparedRecord[] = run.records.map((r: RecordOutcome, index) => {
    const kept = r.filterRules.filter((rule) => !off.has(`${r.source}\u0000${rule}`));
    const extra = switchedOn.get(r.source);
    if (extra && !r.raw && extra.some((f) => f.expr?.identifiers.includes('raw'))) issues.push(rawMissing(r.source));
    const hits = extra ? evaluateFilters(extra, r.attributes, r.raw ?? {}) : [];
    const filterRules = [...new Set([...kept, ...hits])];
    return { index, source: r.source, file: r.file, row: r.row, attributes: r.attributes, externalId: r.externalId, filterRules };
  });
  const enablement = compileEnablement(project.enablement, project.join.normalize);
  if (!enablement.enabler) return { before: run.stats, after: run.stats, added: [], removed: [], issues: [...issues, ...enablement.issues] };
  const { joined, roster } = assembleRoster(prepared, project, enablement.enabler);
  const records = prepared.map((p) => ({ ...run.records[p.index], filterRules: p.filterRules, ...joined.decisions[p.index] }));
  const after = computeStats(project.sources.map((s) => s.id), records, roster, joined.conflicts);
  const beforeIds = new Set(run.roster.map((u) => u.userId));
  const afterIds = new Set(roster.map((u) => u.userId));
  return {
    before: run.stats,
    after,
    added: [...afterIds].filter((id) => !beforeIds.has(id)),
    removed: [...beforeIds].filter((id) => !afterIds.has(id)),
    issues: dedupe(issues),
  };
}

const rawMissing = (source: string): Issue => ({
  code: 'whatif.raw-missing',
  severity: 'warning',
  source,
  message: `A rule switched on in source "${source}" reads the raw record, which this run did not keep; it was evaluated as if the raw fields were empty`,
  fix: 'Run the project again to evaluate the rule on the raw records.',
});

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}

