/** Small hand-made runs for the history and diff tests: a two-source project, users by key. */
import { userIdOf } from '../../../../core/join/user-id';
import { validateProject } from '../../../../core/project/validate';
import type { Project, ProjectInput } from '../../../../core/project/schema';
import { computeStats } from '../../../../core/run/stats';
import type { InputFingerprint, Issue, RosterUser, RunResult, Scalar, SystemKind } from '../../../../core/types';

export const BASE: ProjectInput = {
  name: 'Test',
  primary: 'hr',
  sources: [
    { id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'id', mapping: { email: 'email', employee_id: 'id', department: 'dept' } },
    { id: 'slack', system: 'chat', files: ['slack.json'], externalId: 'id', mapping: { email: 'email' } },
  ],
};

/** A validated project: BASE with `patch` applied at the top level. */
export function project(patch: Partial<ProjectInput> = {}): Project {
  const { project: p, issues } = validateProject({ ...BASE, ...patch });
  if (!p) throw new Error(issues.map((i) => i.message).join('\n'));
  return p;
}

export interface FakeUser {
  key: string;
  /** External id in the primary source (hr); default `e-<key>`. */
  hr?: string | null;
  /** External id in slack; absent = not linked. */
  slack?: string | null;
  attributes?: Record<string, Scalar>;
  enabled?: boolean;
}

/** A roster user from a fake. */
export function rosterUser(u: FakeUser): RosterUser {
  const identities: RosterUser['identities'] = { hr: { id: u.hr === undefined ? `e-${u.key}` : u.hr, key: u.key, matchedBy: 'email', file: 'hr.csv', row: 1 } };
  if (u.slack !== undefined) identities.slack = { id: u.slack, key: u.key, matchedBy: 'email', file: 'slack.json', row: 1 };
  const coverage: SystemKind[] = u.slack !== undefined ? ['hris', 'chat'] : ['hris'];
  return {
    userId: userIdOf(u.key),
    key: u.key,
    attributes: { email: u.key, ...u.attributes },
    lineage: {},
    identities,
    enabled: u.enabled ?? true,
    enabledReason: u.enabled === false ? 'not enabled' : 'enabled: everyone',
    coverage,
    lifecycle: 'active',
  };
}

/** A run of the project over `users`, stats computed from the roster. */
export function fakeRun(
  asOf: string,
  users: FakeUser[],
  options: { config?: Project; inputs?: Partial<InputFingerprint>[]; warnings?: Issue[]; filtered?: number } = {},
): RunResult {
  const config = options.config ?? project();
  const roster = users.map(rosterUser);
  const stats = computeStats(config.sources.map((s) => s.id), [], roster, []);
  stats.perSource.hr.filtered = options.filtered ?? 0;
  const inputs = (options.inputs ?? [{}]).map((f, i) => ({
    source: 'hr',
    file: `hr-${i}.csv`,
    size: users.length * 100,
    sha256: `${asOf}-${i}-${users.length}`,
    format: 'csv' as const,
    records: users.length,
    ...f,
  }));
  return { projectName: config.name, asOf, config, inputs, stats, warnings: options.warnings ?? [], roster, records: [], conflicts: [] };
}

/** Keys `u0` .. `u<n-1>`. */
export const keys = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`);
