/**
 * Stages 5-7 over prepared records: join, merge, enable, stats. The pipeline runs them after mapping and
 * filtering; "what if" re-runs only them over a stored run's records with other filter choices.
 */
import type { Project } from '../project/schema';
import type { RosterUser } from '../types';
import { joinRecords, type JoinResult } from '../join/join';
import { Merger } from '../join/merge';
import type { PreparedRecord } from '../join/types';
import type { Enabler } from '../enable/enablement';

/** Joins prepared records and builds the enabled roster. */
export function assembleRoster(prepared: PreparedRecord[], project: Project, enabler: Enabler): { joined: JoinResult; roster: RosterUser[] } {
  const joined = joinRecords(prepared, { primary: project.primary, sources: project.sources.map((s) => s.id), join: project.join });
  const merger = new Merger(project);
  const roster: RosterUser[] = joined.users.map((user) => {
    const merged = merger.merge(user);
    const decision = enabler({ key: merged.key, attributes: merged.attributes });
    return { ...merged, enabled: decision.enabled, enabledReason: decision.reason, lifecycle: 'active' };
  });
  return { joined, roster };
}

